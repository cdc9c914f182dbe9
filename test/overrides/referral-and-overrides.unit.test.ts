// The sponsor's rewards (SISO-PROGRAM.md, "Referral bonus and team overrides"): 5 % of a referred
// partner's first counted deal if the sponsor's tier then has a referral bonus (Active, Performer,
// Elite), once per referred partner and decided at that deal; 10 % of every deal of a direct
// sub-partner to a Performer or Elite sponsor, level 1 only; both stack with the seller's own
// commission.
import { describe, expect, it } from 'vitest';
import { dealRun, joinedPartner, moneyOf, partnerAt, sumOf } from '../commissions/givens.js';
import { events, replay } from '../support/scenario.js';

/** A recruit `r` of sponsor `s`, Starter (uncertified), joined on `day`. */
const recruit = (day: string, sponsorId = 's') => joinedPartner('r', day, { sponsorId, certified: false });

describe('referral bonus', () => {
  it('pays an Active sponsor 5 % of the first counted deal only, once', () => {
    const outcome = replay([
      ...partnerAt('active', 's', '2025-01-01'),
      ...recruit('2025-01-02'),
      events.deal('r', 'r-d1', '1000.00', '2025-01-03'),
      events.deal('r', 'r-d2', '500.00', '2025-01-04'),
    ]);
    // r-d1: r earns 0.20 × 1,000.00 = 200.00; s earns 0.05 × 1,000.00 = 50.00; Active has no override.
    expect(outcome.entries({ dealId: 'r-d1' }).map(moneyOf)).toEqual([
      {
        id: 'e-r-d1:commission',
        partnerId: 'r',
        kind: 'commission',
        rate: '0.20',
        basis: '1000.00',
        amount: '200.00',
      },
      {
        id: 'e-r-d1:referral-bonus',
        partnerId: 's',
        kind: 'referral-bonus',
        rate: '0.05',
        basis: '1000.00',
        amount: '50.00',
      },
    ]);
    expect(outcome.entries({ id: 'e-r-d1:referral-bonus' })[0]).toMatchObject({
      sourcePartnerId: 'r',
      tier: 'active',
      rateSource: 'referral-bonus',
    });
    // r-d2: only r's own 0.20 × 500.00 = 100.00.
    expect(outcome.entries({ dealId: 'r-d2' }).map(moneyOf)).toEqual([
      {
        id: 'e-r-d2:commission',
        partnerId: 'r',
        kind: 'commission',
        rate: '0.20',
        basis: '500.00',
        amount: '100.00',
      },
    ]);
    expect(outcome.entries({ partnerId: 's', sourcePartnerId: 'r' })).toHaveLength(1);
  });

  it('pays a Starter sponsor nothing, and nothing later once it is Active', () => {
    const outcome = replay([
      ...joinedPartner('s', '2025-01-01', { certified: false }),
      ...recruit('2025-01-02'),
      events.deal('r', 'r-d1', '1000.00', '2025-01-03'),
      // s becomes Active: certified, then 3 deals.
      events.trained('s', '2025-01-04T00:00:00Z', 'certification', 'cert-s'),
      ...dealRun('s', { from: '2025-01-04T01:00:00Z', count: 3 }),
      events.deal('r', 'r-d2', '1000.00', '2025-01-05'),
    ]);
    expect(outcome.tierOf('s')).toBe('active');
    // The bonus was decided at r-d1, when s was Starter (no referral bonus): none then, none later.
    expect(outcome.entries({ partnerId: 's', sourcePartnerId: 'r' })).toEqual([]);
    expect(outcome.entries({ kind: 'referral-bonus' })).toEqual([]);
  });

  it('pays a Performer sponsor 5 % on the first deal and 10 % override on every deal', () => {
    const outcome = replay([
      ...partnerAt('performer', 's', '2025-01-01'),
      ...recruit('2025-01-02'),
      events.deal('r', 'r-d1', '1000.00', '2025-01-03'),
      events.deal('r', 'r-d2', '500.00', '2025-01-04'),
    ]);
    // r-d1: r 0.20 × 1,000.00 = 200.00; s 0.05 × 1,000.00 = 50.00 and 0.10 × 1,000.00 = 100.00.
    expect(outcome.entries({ dealId: 'r-d1' }).map(moneyOf)).toEqual([
      {
        id: 'e-r-d1:commission',
        partnerId: 'r',
        kind: 'commission',
        rate: '0.20',
        basis: '1000.00',
        amount: '200.00',
      },
      {
        id: 'e-r-d1:referral-bonus',
        partnerId: 's',
        kind: 'referral-bonus',
        rate: '0.05',
        basis: '1000.00',
        amount: '50.00',
      },
      {
        id: 'e-r-d1:override:1',
        partnerId: 's',
        kind: 'override',
        rate: '0.10',
        basis: '1000.00',
        amount: '100.00',
      },
    ]);
    expect(outcome.entries({ id: 'e-r-d1:override:1' })[0]).toMatchObject({
      level: 1,
      tier: 'performer',
      sourcePartnerId: 'r',
      rateSource: 'override-level',
    });
    // r-d2: r 0.20 × 500.00 = 100.00; s override 0.10 × 500.00 = 50.00, no second bonus.
    expect(outcome.entries({ dealId: 'r-d2' }).map(moneyOf)).toEqual([
      {
        id: 'e-r-d2:commission',
        partnerId: 'r',
        kind: 'commission',
        rate: '0.20',
        basis: '500.00',
        amount: '100.00',
      },
      {
        id: 'e-r-d2:override:1',
        partnerId: 's',
        kind: 'override',
        rate: '0.10',
        basis: '500.00',
        amount: '50.00',
      },
    ]);
    // s from r: 50.00 + 100.00 + 50.00 = 200.00; stacked on r's own 200.00 + 100.00 = 300.00.
    expect(sumOf(outcome.entries({ partnerId: 's', sourcePartnerId: 'r' }))).toBe('200.00');
    expect(sumOf(outcome.entries({ partnerId: 'r' }))).toBe('300.00');
  });

  it('pays an Elite sponsor the bonus and the override too', () => {
    const outcome = replay([
      ...partnerAt('elite', 's', '2025-01-01'),
      ...recruit('2025-01-03'),
      events.deal('r', 'r-d1', '2000.00', '2025-01-04'),
    ]);
    // 0.05 × 2,000.00 = 100.00 and 0.10 × 2,000.00 = 200.00, next to r's 0.20 × 2,000.00 = 400.00.
    expect(
      outcome.entries({ dealId: 'r-d1' }).map((entry) => [entry.partnerId, entry.kind, entry.amount]),
    ).toEqual([
      ['r', 'commission', '400.00'],
      ['s', 'referral-bonus', '100.00'],
      ['s', 'override', '200.00'],
    ]);
  });

  it("pays nothing to the sponsor's sponsor (level 2)", () => {
    const outcome = replay([
      ...partnerAt('performer', 'g', '2025-01-01'),
      ...partnerAt('performer', 's', '2025-01-02', 'g'),
      ...recruit('2025-01-03'),
      events.deal('r', 'r-d1', '1000.00', '2025-01-04'),
    ]);
    // g is Performer, but overrides stop at level 1 and the bonus goes to the direct sponsor only.
    expect(outcome.entries({ dealId: 'r-d1', partnerId: 'g' })).toEqual([]);
    // r 200.00, s 50.00 + 100.00: the deal costs 350.00 in all.
    expect(
      outcome.entries({ dealId: 'r-d1' }).map((entry) => [entry.partnerId, entry.kind, entry.amount]),
    ).toEqual([
      ['r', 'commission', '200.00'],
      ['s', 'referral-bonus', '50.00'],
      ['s', 'override', '100.00'],
    ]);
    expect(sumOf(outcome.entries({ dealId: 'r-d1' }))).toBe('350.00');
  });
});

describe('team override follows the sponsor tier at the moment of the deal', () => {
  it('starts paying the override once an Active sponsor reaches Performer', () => {
    const outcome = replay([
      ...partnerAt('active', 's', '2025-01-01'),
      ...recruit('2025-01-02'),
      events.deal('r', 'r-d1', '1000.00', '2025-01-03'),
      // 7 more deals: 3 + 7 = 10 counted, Performer.
      ...dealRun('s', { from: '2025-01-04T00:00:00Z', count: 7, first: 4 }),
      events.deal('r', 'r-d2', '1000.00', '2025-01-05'),
    ]);
    // r-d1: s Active: bonus 50.00, no override. r-d2: s Performer: override 0.10 × 1,000.00 = 100.00.
    expect(
      outcome.entries({ partnerId: 's', sourcePartnerId: 'r' }).map((entry) => [entry.id, entry.amount]),
    ).toEqual([
      ['e-r-d1:referral-bonus', '50.00'],
      ['e-r-d2:override:1', '100.00'],
    ]);
  });
});

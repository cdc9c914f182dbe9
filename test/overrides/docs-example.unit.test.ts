// The worked example of docs/overrides.md, replayed: every number the page shows is asserted
// here, computed by hand in the comments, so the page and the engine cannot drift apart.
//
//   ava   Elite      (25 deals in January)
//   └── maya  Performer  (10 deals in January)
//       ├── ben   Active     (certified, 3 deals in January)
//       │   └── cleo  Starter
//       └── dev   Starter
import { describe, expect, it } from 'vitest';
import { joinedPartner, netOn, partnerAt } from '../commissions/givens.js';
import { events, replay } from '../support/scenario.js';
import { overridesOn, withOverrides } from './team-givens.js';

const january = [
  ...partnerAt('elite', 'ava', '2025-01-01'),
  ...partnerAt('performer', 'maya', '2025-01-03', 'ava'),
  ...partnerAt('active', 'ben', '2025-01-05', 'maya'),
  ...joinedPartner('cleo', '2025-01-10', { sponsorId: 'ben', certified: false }),
  ...joinedPartner('dev', '2025-01-12', { sponsorId: 'maya', certified: false }),
];
const march = [
  events.deal('dev', 'dev-1', '1500.00', '2025-03-03'),
  events.deal('ben', 'ben-4', '2000.00', '2025-03-05'),
  events.deal('cleo', 'cleo-1', '800.00', '2025-03-07'),
  events.refund('dev-1', '500.00', '2025-03-20', 'refund-dev-1'),
];
const given = [...january, ...march];

/** A partner's entries on one deal as [kind, amount] pairs. */
const paid = (outcome: ReturnType<typeof replay>, partnerId: string, dealId: string) =>
  outcome.entries({ partnerId, dealId }).map((entry) => [entry.kind, entry.amount]);

describe('docs/overrides.md: the SISO programme', () => {
  const outcome = replay(given);

  it('pays the March deals as the page says', () => {
    expect(['ava', 'maya', 'ben', 'cleo', 'dev'].map(outcome.tierOf)).toEqual([
      'elite',
      'performer',
      'active',
      'starter',
      'starter',
    ]);
    // dev-1: dev 0.20 × 1,500.00 = 300.00; maya referral 0.05 × 1,500.00 = 75.00 and override
    // 0.10 × 1,500.00 = 150.00; the refund of 500.00 claws back 100.00, 25.00 and 50.00.
    expect(paid(outcome, 'dev', 'dev-1')).toEqual([
      ['commission', '300.00'],
      ['clawback', '-100.00'],
    ]);
    expect(paid(outcome, 'maya', 'dev-1')).toEqual([
      ['referral-bonus', '75.00'],
      ['override', '150.00'],
      ['clawback', '-25.00'],
      ['clawback', '-50.00'],
    ]);
    // ben-4: ben 0.22 × 2,000.00 = 440.00; maya 0.10 × 2,000.00 = 200.00.
    expect(paid(outcome, 'ben', 'ben-4')).toEqual([['commission', '440.00']]);
    expect(paid(outcome, 'maya', 'ben-4')).toEqual([['override', '200.00']]);
    // cleo-1: cleo 0.20 × 800.00 = 160.00; ben referral 0.05 × 800.00 = 40.00; no override.
    expect(paid(outcome, 'cleo', 'cleo-1')).toEqual([['commission', '160.00']]);
    expect(paid(outcome, 'ben', 'cleo-1')).toEqual([['referral-bonus', '40.00']]);
    expect(overridesOn(outcome, 'cleo-1')).toEqual([]);
    expect(outcome.entries({ partnerId: 'ava', dealId: 'cleo-1' })).toEqual([]);
    // maya's March: 75.00 + 150.00 + 200.00 - 25.00 - 50.00 = 350.00.
    const mayaMarch = ['dev-1', 'ben-4', 'cleo-1'].map((dealId) => netOn(outcome, 'maya', dealId));
    expect(mayaMarch).toEqual(['150.00', '200.00', '0.00']);
  });

  it('answers engine.team as the page says', () => {
    // Level 1: ben 3 × 1,000.00 + 2,000.00 = 5,000.00 and dev 1,500.00 - 500.00 = 1,000.00;
    // level 2: cleo 800.00.
    expect(outcome.engine.team(outcome.state, 'maya', { depth: 2 })).toEqual({
      partnerId: 'maya',
      upline: ['ava'],
      size: 3,
      sizeByLevel: [2, 1],
      revenue: '6800.00',
      revenueByLevel: ['6000.00', '800.00'],
      directSubPartners: 2,
      sellingSubPartners: 2,
      members: [
        { partnerId: 'ben', level: 1, sponsorId: 'maya', tier: 'active', deals: 4, revenue: '5000.00' },
        { partnerId: 'dev', level: 1, sponsorId: 'maya', tier: 'starter', deals: 1, revenue: '1000.00' },
        { partnerId: 'cleo', level: 2, sponsorId: 'ben', tier: 'starter', deals: 1, revenue: '800.00' },
      ],
    });
    // ava: maya's 10 × 1,000.00 at level 1, then 6,000.00 and 800.00.
    expect(outcome.engine.team(outcome.state, 'ava')).toMatchObject({
      size: 4,
      sizeByLevel: [1, 2, 1],
      revenue: '16800.00',
      revenueByLevel: ['10000.00', '6000.00', '800.00'],
    });
  });
});

describe('docs/overrides.md: three levels with compression', () => {
  const levels = [
    { level: 1, rate: '0.10', minTier: 'performer' },
    { level: 2, rate: '0.05', minTier: 'performer' },
    { level: 3, rate: '0.02', minTier: 'elite' },
  ];

  it('pays the March deals as the page says', () => {
    const outcome = replay(given, { program: withOverrides({ compression: true, levels }) });
    // dev-1: maya L1 150.00, ava L2 0.05 × 1,500.00 = 75.00. ben-4: maya 200.00, ava 100.00.
    // cleo-1: ben (Active) skipped; maya L1 0.10 × 800.00 = 80.00, ava L2 0.05 × 800.00 = 40.00.
    const table = ['dev-1', 'ben-4', 'cleo-1'].map((dealId) =>
      overridesOn(outcome, dealId).map((entry) => [entry.partnerId, entry.level, entry.amount]),
    );
    expect(table).toEqual([
      [
        ['maya', 1, '150.00'],
        ['ava', 2, '75.00'],
      ],
      [
        ['maya', 1, '200.00'],
        ['ava', 2, '100.00'],
      ],
      [
        ['maya', 1, '80.00'],
        ['ava', 2, '40.00'],
      ],
    ]);
    // The refund of 500.00 claws back ava's 0.05 × 500.00 = 25.00 too.
    expect(outcome.entries({ eventId: 'refund-dev-1', partnerId: 'ava' })[0]?.amount).toBe('-25.00');
  });

  it('without compression pays cleo-1 by distance', () => {
    const outcome = replay(given, { program: withOverrides({ compression: false, levels }) });
    // ben (level 1) is Active: nothing; maya L2 0.05 × 800.00 = 40.00; ava L3 0.02 × 800.00 = 16.00.
    expect(
      overridesOn(outcome, 'cleo-1').map((entry) => [entry.partnerId, entry.level, entry.amount]),
    ).toEqual([
      ['maya', 2, '40.00'],
      ['ava', 3, '16.00'],
    ]);
  });

  it('caps and custom rates as the page says', () => {
    const program = withOverrides({ compression: true, levels, caps: { perDeal: '150.00' } });
    const outcome = replay(
      [
        ...january,
        events.terms('ava', '2025-02-01', { overrideRate: '0.08' }, 'terms-ava'),
        ...march,
        events.refund('ben-4', '1000.00', '2025-03-25', 'refund-ben-4'),
      ],
      { program },
    );
    // maya on ben-4: 0.10 × 2,000.00 = 200.00, capped at 150.00. ava's own rate 8 %:
    // 0.08 × 2,000.00 = 160.00, capped at 150.00.
    expect(outcome.entries({ dealId: 'ben-4', kind: 'override' })).toMatchObject([
      { partnerId: 'maya', amount: '150.00', uncapped: '200.00' },
      { partnerId: 'ava', rate: '0.08', amount: '150.00', uncapped: '160.00', rateSource: 'custom-terms' },
    ]);
    // Half of ben-4 refunded: 150.00 × 1,000.00 / 2,000.00 = 75.00 back from each.
    expect(
      outcome
        .entries({ eventId: 'refund-ben-4', kind: 'clawback' })
        .map((entry) => [entry.partnerId, entry.amount]),
    ).toEqual([
      ['ben', '-220.00'],
      ['maya', '-75.00'],
      ['ava', '-75.00'],
    ]);
    // ava on cleo-1: 0.08 × 800.00 = 64.00 (under the cap).
    expect(outcome.entries({ dealId: 'cleo-1', partnerId: 'ava' })[0]?.amount).toBe('64.00');
  });
});

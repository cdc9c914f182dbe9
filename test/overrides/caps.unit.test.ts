// Override caps (programme.md, `overrides.caps`): `perDeal` is the most one upline earns in
// overrides from one deal, `perPartnerPerPeriod` the most a partner earns in overrides in one
// calendar period. A capped entry pays exactly the room left, says what it would have been
// (`uncapped`) and why; a refund claws back the refunded share of what was actually paid.
import { describe, expect, it } from 'vitest';
import type { OverridesDefinition } from '../../src/program/schema.js';
import { joinedPartner, netOn, partnerAt } from '../commissions/givens.js';
import { events, replay } from '../support/scenario.js';
import { overridesOn, withOverrides } from './team-givens.js';

/** SISO's own plan: level 1, 10 %, from Performer. */
const SISO_LEVEL: OverridesDefinition['levels'] = [{ level: 1, rate: '0.10', minTier: 'performer' }];

/** s is a Performer from 1 January (its own deals earn it no override); r joins under it. */
const team = [
  ...partnerAt('performer', 's', '2025-01-01'),
  ...joinedPartner('r', '2025-01-05', { sponsorId: 's', certified: false }),
];

describe('a cap per deal', () => {
  const program = withOverrides({ levels: SISO_LEVEL, caps: { perDeal: '100.00' } });

  it('cuts an override of 150.00 to 100.00 and says so', () => {
    const outcome = replay(
      [
        ...team,
        events.deal('r', 'r-big', '1500.00', '2025-01-10'),
        events.deal('r', 'r-small', '900.00', '2025-01-11'),
      ],
      { program },
    );
    // 0.10 × 1,500.00 = 150.00 > 100.00: the entry is 100.00.
    const [capped] = outcome.entries({ dealId: 'r-big', kind: 'override' });
    expect(capped).toMatchObject({
      partnerId: 's',
      level: 1,
      rate: '0.10',
      basis: '1500.00',
      amount: '100.00',
      uncapped: '150.00',
    });
    expect(capped?.explanation).toContain('capped at 100.00');
    // The cap is on overrides only: the referral bonus is 0.05 × 1,500.00 = 75.00.
    expect(outcome.entries({ dealId: 'r-big', kind: 'referral-bonus' })[0]?.amount).toBe('75.00');
    // 0.10 × 900.00 = 90.00 is under the cap: no `uncapped`.
    const [under] = outcome.entries({ dealId: 'r-small', kind: 'override' });
    expect(under?.amount).toBe('90.00');
    expect(under?.uncapped).toBeUndefined();
  });

  it('claws back the refunded share of what was paid, and a full refund nets to zero', () => {
    const outcome = replay(
      [
        ...team,
        events.deal('r', 'r-big', '1500.00', '2025-01-10'),
        events.refund('r-big', '500.00', '2025-01-12', 'refund-1'),
        events.refund('r-big', '500.00', '2025-01-13', 'refund-2'),
        events.refund('r-big', '500.00', '2025-01-14', 'refund-3'),
      ],
      { program },
    );
    // Each refund is a third of the deal: 100.00 × 500.00 / 1,500.00 = 33.333… → 33.33 clawed
    // back (not 0.10 × 500.00 = 50.00, which would claw back more than was paid).
    for (const eventId of ['refund-1', 'refund-2']) {
      expect(outcome.entries({ eventId, reverses: 'e-r-big:override:1', kind: 'clawback' })).toMatchObject([
        { partnerId: 's', amount: '-33.33' },
      ]);
    }
    // refund-3 completes the refund: it takes the remainder, 100.00 - 2 × 33.33 = 33.34.
    expect(outcome.entries({ eventId: 'refund-3', reverses: 'e-r-big:override:1' })).toMatchObject([
      { partnerId: 's', kind: 'clawback', rate: '1.00', basis: '-33.34', amount: '-33.34' },
    ]);
    // s also got and lost the referral bonus: 75.00 - 3 × 25.00 = 0.00.
    expect(netOn(outcome, 's', 'r-big')).toBe('0.00');
  });
});

describe('a cap per partner per month', () => {
  const program = withOverrides({
    levels: SISO_LEVEL,
    caps: { perPartnerPerPeriod: { amount: '100.00', period: 'month' } },
  });
  // Two sub-partners of s: the cap is on what s earns, whoever sold.
  const given = [
    ...team,
    ...joinedPartner('q', '2025-01-06', { sponsorId: 's', certified: false }),
    events.deal('r', 'mar-1', '800.00', '2025-03-03'),
    events.deal('q', 'mar-2', '500.00', '2025-03-10'),
    events.deal('r', 'mar-3', '300.00', '2025-03-20'),
    events.deal('q', 'apr-1', '400.00', '2025-04-02'),
    events.deal('r', 'apr-2', '700.00', '2025-04-03'),
  ];
  const outcome = replay(given, { program });

  it('pays in full while there is room', () => {
    // 0.10 × 800.00 = 80.00 of the 100.00 March allows.
    expect(overridesOn(outcome, 'mar-1')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '800.00', amount: '80.00' },
    ]);
  });

  it('pays exactly the room left when a deal crosses the cap', () => {
    // 0.10 × 500.00 = 50.00, but only 100.00 - 80.00 = 20.00 is left in March.
    const [entry] = outcome.entries({ dealId: 'mar-2', kind: 'override' });
    expect(entry).toMatchObject({ partnerId: 's', amount: '20.00', uncapped: '50.00' });
    expect(entry?.explanation).toContain('capped at 20.00');
  });

  it('makes no entry once the month’s cap is used up', () => {
    // 80.00 + 20.00 = 100.00: 0.10 × 300.00 = 30.00 has no room.
    expect(outcome.entries({ dealId: 'mar-3', kind: 'override' })).toEqual([]);
  });

  it('gives the room back the next month', () => {
    // April: 0.10 × 400.00 = 40.00; then 0.10 × 700.00 = 70.00 against 100.00 - 40.00 = 60.00.
    expect(overridesOn(outcome, 'apr-1')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '400.00', amount: '40.00' },
    ]);
    expect(outcome.entries({ dealId: 'apr-2', kind: 'override' })).toMatchObject([
      { partnerId: 's', amount: '60.00', uncapped: '70.00' },
    ]);
  });

  it('claws back the refunded share of the capped amount', () => {
    const refunded = replay([...given, events.refund('mar-2', '100.00', '2025-03-25', 'refund-q')], {
      program,
    });
    // 20.00 paid × 100.00 / 500.00 refunded = 4.00 (not 0.10 × 100.00 = 10.00).
    const clawbacks = refunded.entries({ eventId: 'refund-q', reverses: 'e-mar-2:override:1' });
    expect(clawbacks).toMatchObject([{ partnerId: 's', kind: 'clawback', amount: '-4.00' }]);
  });
});

describe('a cap per partner per month, after a refund', () => {
  // programme.md: the cap is "the most a partner earns in overrides in one period"; after a
  // refund in the same month s has earned nothing from deal a, so the room comes back.
  it('gives back the room a refunded override used', () => {
    const program = withOverrides({
      levels: SISO_LEVEL,
      caps: { perPartnerPerPeriod: { amount: '100.00', period: 'month' } },
    });
    const outcome = replay(
      [
        ...team,
        events.deal('r', 'feb-a', '1000.00', '2025-02-02'),
        events.refund('feb-a', '1000.00', '2025-02-03', 'refund-a'),
        events.deal('r', 'feb-b', '500.00', '2025-02-04'),
      ],
      { program },
    );
    // feb-a: 0.10 × 1,000.00 = 100.00, clawed back in full (-100.00): s has earned 0.00 in
    // February, so feb-b's 0.10 × 500.00 = 50.00 fits under the 100.00 cap.
    expect(netOn(outcome, 's', 'feb-a')).toBe('0.00');
    expect(overridesOn(outcome, 'feb-b')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '500.00', amount: '50.00' },
    ]);
  });
});

describe('both caps at once', () => {
  it('pays the smaller room of the two', () => {
    const program = withOverrides({
      levels: SISO_LEVEL,
      caps: { perDeal: '100.00', perPartnerPerPeriod: { amount: '150.00', period: 'month' } },
    });
    const outcome = replay(
      [
        ...team,
        events.deal('r', 'r-1', '1500.00', '2025-01-10'),
        events.deal('r', 'r-2', '1500.00', '2025-01-11'),
        events.deal('r', 'r-3', '200.00', '2025-01-12'),
      ],
      { program },
    );
    // r-1: 150.00 cut to the per-deal 100.00. r-2: 150.00 cut to min(100.00, 150.00 - 100.00) = 50.00.
    // r-3: 0.10 × 200.00 = 20.00, but January's 150.00 is used up.
    expect(outcome.entries({ kind: 'override' }).map((entry) => [entry.dealId, entry.amount])).toEqual([
      ['r-1', '100.00'],
      ['r-2', '50.00'],
    ]);
    expect(outcome.entries({ dealId: 'r-2', kind: 'override' })[0]?.uncapped).toBe('150.00');
  });
});

// Overrides by level under a custom programme (SISO-PROGRAM.md, "Referral bonus and team
// overrides": "programmes may enable compression, more levels and caps"): level 1 pays 10 % from
// Active, level 2 5 % from Performer, level 3 2 % from Elite, judged on the tier each upline holds
// when the deal closes; without compression an ineligible upline's level is not paid, with it
// the next eligible upline takes the level; the basis may be the seller's commission; an Elite's
// custom override rate replaces the level's rate while its terms are in force.
import { describe, expect, it } from 'vitest';
import { joinedPartner, netOn, partnerAt } from '../commissions/givens.js';
import { events, replay } from '../support/scenario.js';
import { chain, overridesOn, withOverrides } from './team-givens.js';

const THREE_LEVELS = withOverrides();
const COMPRESSED = withOverrides({ compression: true });

/** d, at the bottom of the chain, closes one deal of `amount` on 10 January. */
const sale = (amount = '1000.00') => events.deal('d', 'd-x', amount, '2025-01-10');

describe('levels with a minimum tier each', () => {
  it('pays every level its own rate when every upline holds the level’s tier', () => {
    const outcome = replay([...chain({ a: 'elite', b: 'performer', c: 'active' }), sale()], {
      program: THREE_LEVELS,
    });
    expect(outcome.tierOf('a')).toBe('elite');
    expect(outcome.tierOf('b')).toBe('performer');
    expect(outcome.tierOf('c')).toBe('active');
    // c: 0.10 × 1,000.00 = 100.00; b: 0.05 × 1,000.00 = 50.00; a: 0.02 × 1,000.00 = 20.00.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'c', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'b', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
      { partnerId: 'a', level: 3, rate: '0.02', basis: '1000.00', amount: '20.00' },
    ]);
    for (const entry of outcome.entries({ dealId: 'd-x', kind: 'override' }))
      expect(entry).toMatchObject({ sourcePartnerId: 'd', rateSource: 'override-level' });
    expect(outcome.entries({ dealId: 'd-x', partnerId: 'a' })[0]?.tier).toBe('elite');
  });

  it('stacks with the seller’s commission and the sponsor’s referral bonus', () => {
    const outcome = replay([...chain({ a: 'elite', b: 'performer', c: 'active' }), sale()], {
      program: THREE_LEVELS,
    });
    // d (Starter): 0.20 × 1,000.00 = 200.00. c (Active): referral 0.05 × 1,000.00 = 50.00 and
    // override 100.00, 150.00 in all. b 50.00, a 20.00. The deal costs 420.00.
    expect(netOn(outcome, 'd', 'd-x')).toBe('200.00');
    expect(netOn(outcome, 'c', 'd-x')).toBe('150.00');
    expect(netOn(outcome, 'b', 'd-x')).toBe('50.00');
    expect(netOn(outcome, 'a', 'd-x')).toBe('20.00');
    expect(outcome.entries({ dealId: 'd-x' }).map((entry) => entry.kind)).toEqual([
      'commission',
      'referral-bonus',
      'override',
      'override',
      'override',
    ]);
  });

  it('pays an upline below the level’s minimum tier nothing, and nobody takes that level', () => {
    // b is only Active: level 2 needs Performer. Without compression level 2 is simply not paid;
    // a still takes level 3 (it is the third upline and Elite).
    const outcome = replay([...chain({ a: 'elite', b: 'active', c: 'active' }), sale()], {
      program: THREE_LEVELS,
    });
    // c: 0.10 × 1,000.00 = 100.00; a: 0.02 × 1,000.00 = 20.00.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'c', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'a', level: 3, rate: '0.02', basis: '1000.00', amount: '20.00' },
    ]);
    expect(outcome.entries({ dealId: 'd-x', partnerId: 'b' })).toEqual([]);
  });

  it('without compression pays each upline only the level at its own distance', () => {
    // c is a Starter (level 1 needs Active), b Performer, a Performer (level 3 needs Elite).
    const outcome = replay([...chain({ a: 'performer', b: 'performer', c: 'starter' }), sale()], {
      program: THREE_LEVELS,
    });
    // Only b, level 2: 0.05 × 1,000.00 = 50.00.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'b', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
    ]);
  });
});

describe('compression', () => {
  it('lets the next eligible upline take the level, and the one after it the next level', () => {
    const given = [...chain({ a: 'elite', b: 'performer', c: 'starter' }), sale()];
    // Without compression: c (Starter) loses level 1; b takes level 2 (0.05 × 1,000.00 = 50.00);
    // a takes level 3 (0.02 × 1,000.00 = 20.00).
    expect(overridesOn(replay(given, { program: THREE_LEVELS }), 'd-x')).toEqual([
      { partnerId: 'b', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
      { partnerId: 'a', level: 3, rate: '0.02', basis: '1000.00', amount: '20.00' },
    ]);
    // With compression: c is skipped; b takes level 1 (0.10 × 1,000.00 = 100.00); a takes
    // level 2 (0.05 × 1,000.00 = 50.00); nobody is left for level 3.
    expect(overridesOn(replay(given, { program: COMPRESSED }), 'd-x')).toEqual([
      { partnerId: 'b', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'a', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
    ]);
  });

  it('moves every level up past one ineligible upline in a longer chain', () => {
    // a (Elite) → b (Elite) → c (Performer) → x (Starter) → d.
    const given = [
      ...partnerAt('elite', 'a', '2025-01-01'),
      ...partnerAt('elite', 'b', '2025-01-03', 'a'),
      ...partnerAt('performer', 'c', '2025-01-05', 'b'),
      ...joinedPartner('x', '2025-01-07', { sponsorId: 'c', certified: false }),
      ...joinedPartner('d', '2025-01-08', { sponsorId: 'x', certified: false }),
      sale(),
    ];
    // Compressed: x skipped; c level 1 (100.00), b level 2 (50.00), a level 3 (20.00).
    expect(overridesOn(replay(given, { program: COMPRESSED }), 'd-x')).toEqual([
      { partnerId: 'c', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'b', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
      { partnerId: 'a', level: 3, rate: '0.02', basis: '1000.00', amount: '20.00' },
    ]);
    // Not compressed: x loses level 1; c level 2 (50.00), b level 3 (20.00); a is fourth: nothing.
    expect(overridesOn(replay(given, { program: THREE_LEVELS }), 'd-x')).toEqual([
      { partnerId: 'c', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
      { partnerId: 'b', level: 3, rate: '0.02', basis: '1000.00', amount: '20.00' },
    ]);
  });

  it('never pays one upline two levels, nor one level twice', () => {
    // b (Active) takes level 1 once c (Starter) is skipped; level 2 needs Performer, and b is not
    // judged again for it: a (Elite) takes it.
    const outcome = replay([...chain({ a: 'elite', b: 'active', c: 'starter' }), sale()], {
      program: COMPRESSED,
    });
    // b: 0.10 × 1,000.00 = 100.00; a: 0.05 × 1,000.00 = 50.00.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'b', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'a', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
    ]);
  });

  it('gives a lone eligible upline one level only', () => {
    // b and c are Starters: a (Elite) takes level 1 and there is nobody left for levels 2 and 3.
    const outcome = replay([...chain({ a: 'elite', b: 'starter', c: 'starter' }), sale()], {
      program: COMPRESSED,
    });
    // a: 0.10 × 1,000.00 = 100.00.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'a', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
    ]);
  });
});

describe("basis: 'commission'", () => {
  const given = [
    ...chain({ a: 'elite', b: 'performer', c: 'active' }),
    events.deal('d', 'd-x', '1234.56', '2025-01-10'),
  ];
  const program = withOverrides({ basis: 'commission' });

  it('applies each level’s rate to the seller’s commission', () => {
    const outcome = replay(given, { program });
    // d's commission: 0.20 × 1,234.56 = 246.912 → 246.91.
    expect(outcome.entries({ dealId: 'd-x', kind: 'commission' })[0]?.amount).toBe('246.91');
    // c: 0.10 × 246.91 = 24.691 → 24.69; b: 0.05 × 246.91 = 12.3455 → 12.35 (more than half a
    // cent); a: 0.02 × 246.91 = 4.9382 → 4.94.
    expect(overridesOn(outcome, 'd-x')).toEqual([
      { partnerId: 'c', level: 1, rate: '0.10', basis: '246.91', amount: '24.69' },
      { partnerId: 'b', level: 2, rate: '0.05', basis: '246.91', amount: '12.35' },
      { partnerId: 'a', level: 3, rate: '0.02', basis: '246.91', amount: '4.94' },
    ]);
    expect(outcome.entries({ dealId: 'd-x', kind: 'override' })[0]?.explanation).toContain(
      "on the seller's commission",
    );
  });

  it('claws back on the commission’s clawback, and a full refund nets every partner to zero', () => {
    const half = replay([...given, events.refund('d-x', '617.28', '2025-01-11', 'refund-1')], { program });
    // Commission clawback: 0.20 × -617.28 = -123.456 → -123.46; c's referral bonus (always on the
    // deal amount): 0.05 × -617.28 = -30.864 → -30.86. Overrides on the commission's clawback:
    // 0.10 × -123.46 = -12.346 → -12.35; 0.05 × -123.46 = -6.173 → -6.17;
    // 0.02 × -123.46 = -2.4692 → -2.47.
    expect(
      half.entries({ eventId: 'refund-1', kind: 'clawback' }).map((entry) => [entry.partnerId, entry.amount]),
    ).toEqual([
      ['d', '-123.46'],
      ['c', '-30.86'],
      ['c', '-12.35'],
      ['b', '-6.17'],
      ['a', '-2.47'],
    ]);
    const full = replay(
      [
        ...given,
        events.refund('d-x', '617.28', '2025-01-11', 'refund-1'),
        events.refund('d-x', '617.28', '2025-01-12', 'refund-2'),
      ],
      { program },
    );
    for (const partnerId of ['a', 'b', 'c', 'd']) expect(netOn(full, partnerId, 'd-x')).toBe('0.00');
  });
});

describe('custom override rates', () => {
  const given = [
    ...chain({ a: 'elite', b: 'performer', c: 'active' }),
    events.terms(
      'a',
      '2025-01-20',
      { overrideRate: '0.04', effectiveFrom: '2025-02-01T00:00:00Z', until: '2025-03-01T00:00:00Z' },
      'terms-a',
    ),
    events.terms('b', '2025-01-20', { overrideRate: '0.09' }, 'terms-b'),
    events.deal('d', 'd-jan', '1000.00', '2025-01-25'),
    events.deal('d', 'd-feb', '1000.00', '2025-02-10'),
    events.deal('d', 'd-mar', '1000.00', '2025-03-10'),
  ];
  const outcome = replay(given, { program: THREE_LEVELS });

  it('accepts an Elite’s terms and rejects a Performer’s with NOT_ALLOWED', () => {
    expect(outcome.rejected.map((rejection) => [rejection.eventId, rejection.code])).toEqual([
      ['terms-b', 'NOT_ALLOWED'],
    ]);
  });

  it('replaces the level’s rate while the terms are in force, and only for that partner', () => {
    // a at level 3: 0.04 × 1,000.00 = 40.00 instead of 0.02 × 1,000.00 = 20.00; c and b as before.
    expect(overridesOn(outcome, 'd-feb')).toEqual([
      { partnerId: 'c', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
      { partnerId: 'b', level: 2, rate: '0.05', basis: '1000.00', amount: '50.00' },
      { partnerId: 'a', level: 3, rate: '0.04', basis: '1000.00', amount: '40.00' },
    ]);
    const custom = outcome.entries({ dealId: 'd-feb', partnerId: 'a', kind: 'override' })[0];
    expect(custom?.rateSource).toBe('custom-terms');
    expect(custom?.explanation).toContain('custom override rate set by event terms-a');
  });

  it('pays the level’s rate before effectiveFrom and from `until` on', () => {
    // 0.02 × 1,000.00 = 20.00 in January and in March.
    for (const dealId of ['d-jan', 'd-mar']) {
      expect(outcome.entries({ dealId, partnerId: 'a', kind: 'override' })).toMatchObject([
        { level: 3, rate: '0.02', amount: '20.00', rateSource: 'override-level' },
      ]);
    }
  });
});

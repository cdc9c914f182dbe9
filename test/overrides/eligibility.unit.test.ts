// Rules over the team: an override level's activity gate (`eligibility`, judged on the upline's
// facts when the sub-partner's deal closes) and a tier whose qualify rule counts the sponsor's
// Active sub-partners (`directSubPartnersAtOrAbove`), which must promote the sponsor at the very
// event that makes its third sub-partner Active.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/rules/condition.js';
import { dealRun, joinedPartner, partnerAt } from '../commissions/givens.js';
import { events, replay, sisoWith } from '../support/scenario.js';
import { overridesOn, sisoTiers, withOverrides } from './team-givens.js';

const ACTIVE_THIS_MONTH: Condition = {
  all: [{ fact: 'monthDeals', operator: 'greaterThanInclusive', value: 1 }],
};

describe('an activity gate on a level', () => {
  const gated = (compression: boolean) =>
    withOverrides({
      compression,
      levels: [{ level: 1, rate: '0.10', minTier: 'performer', eligibility: ACTIVE_THIS_MONTH }],
    });

  // s is a Performer with ten deals on 1 January and none in February until the 10th.
  const given = [
    ...partnerAt('performer', 's', '2025-01-01'),
    ...joinedPartner('r', '2025-01-05', { sponsorId: 's', certified: false }),
    events.deal('r', 'r-jan', '1000.00', '2025-01-06'),
    events.deal('r', 'r-feb-before', '1000.00', '2025-02-05'),
    events.deal('s', 's-feb', '1000.00', '2025-02-10'),
    events.deal('r', 'r-feb-after', '1000.00', '2025-02-12'),
    events.deal('r', 'r-mar', '1000.00', '2025-03-02'),
  ];
  const outcome = replay(given, { program: gated(false) });

  it('pays an upline that closed a deal of its own this month', () => {
    // January: s closed ten deals. 0.10 × 1,000.00 = 100.00.
    expect(overridesOn(outcome, 'r-jan')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
    ]);
  });

  it('pays nothing to an upline with no deal of its own this month', () => {
    expect(overridesOn(outcome, 'r-feb-before')).toEqual([]);
    // A new month starts the count again: s has no March deal.
    expect(overridesOn(outcome, 'r-mar')).toEqual([]);
  });

  it('pays again once the upline has closed a deal this month', () => {
    // s-feb on 10 February; r's deal on the 12th: 0.10 × 1,000.00 = 100.00.
    expect(overridesOn(outcome, 'r-feb-after')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
    ]);
  });

  it('with compression passes the level to the next upline that is active', () => {
    // t (Performer, a deal on 3 February) → s (Performer, no February deal) → r.
    const compressed = replay(
      [
        ...partnerAt('performer', 't', '2025-01-01'),
        ...partnerAt('performer', 's', '2025-01-03', 't'),
        ...joinedPartner('r', '2025-01-05', { sponsorId: 's', certified: false }),
        events.deal('t', 't-feb', '1000.00', '2025-02-03'),
        events.deal('r', 'r-feb', '1000.00', '2025-02-05'),
      ],
      { program: gated(true) },
    );
    // t: 0.10 × 1,000.00 = 100.00; s nothing.
    expect(overridesOn(compressed, 'r-feb')).toEqual([
      { partnerId: 't', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
    ]);
  });
});

describe('a tier that needs three Active sub-partners', () => {
  // Performer: 10 counted deals and 3 direct sub-partners at Active or above (Active's own rule
  // is SISO's: 3 counted deals and the certification).
  const program = sisoWith({
    tiers: sisoTiers().map((tier) =>
      tier.id === 'performer'
        ? {
            ...tier,
            qualify: {
              all: [
                { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 },
                {
                  fact: 'directSubPartnersAtOrAbove',
                  path: '$.active',
                  operator: 'greaterThanInclusive',
                  value: 3,
                },
              ],
            },
          }
        : tier,
    ),
  });
  // s: certified, ten deals on 1 January (Active from its third). x1, x2, x3 join under s; x1
  // and x2 reach Active with three deals each on 5 and 6 January.
  const base = [
    ...partnerAt('performer', 's', '2025-01-01'),
    ...joinedPartner('x1', '2025-01-02', { sponsorId: 's' }),
    ...joinedPartner('x2', '2025-01-03', { sponsorId: 's' }),
    ...dealRun('x1', { from: '2025-01-05T00:00:00Z', count: 3 }),
    ...dealRun('x2', { from: '2025-01-06T00:00:00Z', count: 3 }),
  ];
  /** A partner's promotions after joining (the entry tier's own effect left out). */
  const promotionsOf = (outcome: ReturnType<typeof replay>, partnerId: string) =>
    outcome
      .effectsOf({ type: 'tier.promoted', partnerId })
      .flatMap((effect) =>
        effect.type === 'tier.promoted' && effect.from !== null
          ? [[effect.from, effect.to, effect.eventId]]
          : [],
      );

  it('promotes the sponsor at the deal that makes the third sub-partner Active', () => {
    const outcome = replay(
      [
        ...base,
        ...joinedPartner('x3', '2025-01-04', { sponsorId: 's' }),
        ...dealRun('x3', { from: '2025-01-07T00:00:00Z', count: 3 }),
      ],
      { program },
    );
    expect(promotionsOf(outcome, 's')).toEqual([
      ['starter', 'active', 'e-s-d3'],
      ['active', 'performer', 'e-x3-d3'],
    ]);
    // s is a Performer when x3-d3 is paid: SISO's 10 % override, 0.10 × 1,000.00 = 100.00; on
    // x3-d2 s was still Active: no override.
    expect(overridesOn(outcome, 'x3-d3')).toEqual([
      { partnerId: 's', level: 1, rate: '0.10', basis: '1000.00', amount: '100.00' },
    ]);
    expect(overridesOn(outcome, 'x3-d2')).toEqual([]);
  });

  it('promotes the sponsor at the certification that makes the third sub-partner Active', () => {
    const outcome = replay(
      [
        ...base,
        ...joinedPartner('x3', '2025-01-04', { sponsorId: 's', certified: false }),
        ...dealRun('x3', { from: '2025-01-07T00:00:00Z', count: 3 }),
        events.trained('x3', '2025-01-08T00:00:00Z', 'certification', 'cert-x3'),
      ],
      { program },
    );
    // x3's three deals leave it a Starter (not certified): s stays Active until cert-x3.
    expect(promotionsOf(outcome, 'x3')).toEqual([['starter', 'active', 'cert-x3']]);
    expect(promotionsOf(outcome, 's')).toEqual([
      ['starter', 'active', 'e-s-d3'],
      ['active', 'performer', 'cert-x3'],
    ]);
  });

  it('does not promote the sponsor with two Active sub-partners and ten deals', () => {
    const outcome = replay(base, { program });
    expect(outcome.tierOf('s')).toBe('active');
  });
});

// Regaining a tier after demotion (SISO-PROGRAM.md, "Reviews and retention"): a demoted partner
// regains a higher tier when its qualify rule holds AND its maintain rule holds over the current
// quarter so far, so past deals alone do not bring it back.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { certifiedPartner, dealRun, featuresOf, OWN_UNLOCKS } from '../support/tiers.js';

/** Certified, `count` deals in January 2025, then nothing in Q2 and Q3: demoted on 2025-10-01. */
const demotedOn1October = (count: number) => [
  ...certifiedPartner('p1', '2025-01-01'),
  ...dealRun('p1', { from: '2025-01-02', count }),
];

describe('regaining after demotion from Active', () => {
  const given = [
    ...demotedOn1October(3),
    // Any event that makes the engine judge p1 again: its facts still meet Active's qualify rule.
    events.trained('p1', '2025-10-05', 'sales-basics', 'train-other'),
    events.deal('p1', 'p1-d4', '1000.00', '2025-10-10'),
  ];

  it('is not promoted back at once although 3 counted deals and the certification qualify it', () => {
    const outcome = replay(given, { asOf: '2025-10-09T00:00:00Z' });
    expect(outcome.tierOf('p1')).toBe('starter');
    expect(outcome.partner('p1').countedDeals).toBe(3);
    // Promotions: the 3rd deal only (joining is not one); none since the demotion (Q4 so far has 0 deals < 1).
    expect(
      outcome.effectsOf({ type: 'tier.promoted', partnerId: 'p1' }).map((effect) => effect.eventId),
    ).toEqual(['e-p1-d3']);
  });

  it('is promoted back to Active by a deal closed in the current quarter, paid at 22 %', () => {
    const outcome = replay(given);
    expect(outcome.tierOf('p1')).toBe('active');
    expect(outcome.effectsOf({ type: 'tier.promoted', eventId: 'e-p1-d4' })).toEqual([
      expect.objectContaining({
        partnerId: 'p1',
        from: 'starter',
        to: 'active',
        at: '2025-10-10T00:00:00.000Z',
      }),
    ]);
    const regained = outcome.effectsOf({ type: 'feature.unlocked', eventId: 'e-p1-d4' });
    expect(regained.map((effect) => (effect.type === 'feature.unlocked' ? effect.feature : ''))).toEqual([
      ...OWN_UNLOCKS.active,
    ]);
    // The tier held once the deal is counted is Active: 0.22 × 1,000.00 = 220.00.
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d4' })[0]).toMatchObject({
      rate: '0.22',
      tier: 'active',
      amount: '220.00',
    });
  });
});

describe('regaining at the demotion instant', () => {
  it('demotes at the review, then promotes back at a deal of the same instant (the new quarter)', () => {
    const given = [...demotedOn1October(3), events.deal('p1', 'p1-d4', '1000.00', '2025-10-01T00:00:00Z')];
    const outcome = replay(given);
    // Work due at T runs before an event at T: the review demotes (eventId null), then the deal,
    // Q4's first, meets Active's qualify and maintain (1 ≥ 1) and promotes back.
    const moves = outcome.effects.filter(
      (effect) => effect.at === '2025-10-01T00:00:00.000Z' && effect.type.startsWith('tier.'),
    );
    expect(moves).toEqual([
      expect.objectContaining({ type: 'tier.demoted', from: 'active', to: 'starter', eventId: null }),
      expect.objectContaining({ type: 'tier.promoted', from: 'starter', to: 'active', eventId: 'e-p1-d4' }),
    ]);
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d4' })[0]?.rate).toBe('0.22');
  });
});

describe('regaining after demotion from Performer', () => {
  const given = [
    ...demotedOn1October(10),
    events.deal('p1', 'p1-d11', '1000.00', '2025-10-10'),
    events.deal('p1', 'p1-d12', '1000.00', '2025-10-20'),
  ];

  it('is demoted one tier, to Active, on 2025-10-01', () => {
    const outcome = replay(given, { asOf: '2025-10-01T00:00:00Z' });
    expect(outcome.tierOf('p1')).toBe('active');
    expect([...featuresOf(outcome, 'p1', 'feature.locked')].sort()).toEqual(
      [...OWN_UNLOCKS.performer].sort(),
    );
  });

  it('stays Active after one Q4 deal (Performer maintains with ≥ 2) and is paid 22 %', () => {
    const outcome = replay(given, { asOf: '2025-10-15T00:00:00Z' });
    expect(outcome.tierOf('p1')).toBe('active');
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d11' })[0]).toMatchObject({
      rate: '0.22',
      amount: '220.00',
    });
  });

  it('regains Performer at the second Q4 deal, paid 25 % (250.00)', () => {
    const outcome = replay(given);
    expect(outcome.tierOf('p1')).toBe('performer');
    expect(outcome.effectsOf({ type: 'tier.promoted', eventId: 'e-p1-d12' })).toEqual([
      expect.objectContaining({
        partnerId: 'p1',
        from: 'active',
        to: 'performer',
        at: '2025-10-20T00:00:00.000Z',
      }),
    ]);
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d12' })[0]).toMatchObject({
      rate: '0.25',
      tier: 'performer',
      amount: '250.00',
    });
  });
});

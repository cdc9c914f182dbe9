// Joining (SISO-PROGRAM.md, "Tiers": Starter "on joining"; "Unlocks"): a partner enters Starter
// with its six unlocks, announced by partner.joined (joining is not a promotion: CONTRACT.md) and
// one feature.unlocked per unlock.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { MESSAGES, OWN_UNLOCKS, statusOf, tierAndFeatureEffects } from '../support/tiers.js';

describe('joining', () => {
  const outcome = replay([events.joined('p1', '2025-01-10', null, 'join-1')]);

  it('starts the partner at Starter, in good standing', () => {
    expect(outcome.tierOf('p1')).toBe('starter');
    expect(statusOf(outcome, 'p1')).toBe('good');
  });

  it('emits partner.joined with the entry tier and the seed message, then one feature.unlocked per Starter unlock', () => {
    // The event's `at` normalised to ISO with milliseconds (CONTRACT.md example: "…T00:00:00.000Z").
    const base = { partnerId: 'p1', at: '2025-01-10T00:00:00.000Z', eventId: 'join-1' };
    expect(outcome.effects).toEqual([
      {
        ...base,
        id: 'join-1:partner.joined:p1',
        type: 'partner.joined',
        tier: 'starter',
        sponsorId: null,
        message: MESSAGES.starter,
      },
      // The six Starter unlocks of the "Unlocks" table, in the table's order; each id is the
      // event, the type, the partner and the feature.
      ...OWN_UNLOCKS.starter.map((feature) => ({
        ...base,
        id: `join-1:feature.unlocked:p1:${feature}`,
        type: 'feature.unlocked',
        feature,
      })),
    ]);
  });

  it('is never announced as a promotion (a host greeting promotions greets no newcomer)', () => {
    expect(tierAndFeatureEffects(outcome, 'p1').filter((effect) => effect.type === 'tier.promoted')).toEqual(
      [],
    );
  });

  it('names the sponsor in partner.joined', () => {
    const team = replay([
      events.joined('s', '2025-01-01', null, 'join-s'),
      events.joined('p1', '2025-01-10', 's', 'join-p1'),
    ]);
    expect(team.effectsOf({ type: 'partner.joined', partnerId: 'p1' })).toMatchObject([
      { id: 'join-p1:partner.joined:p1', tier: 'starter', sponsorId: 's', eventId: 'join-p1' },
    ]);
  });

  it('can use exactly the six Starter unlocks', () => {
    for (const feature of OWN_UNLOCKS.starter)
      expect(outcome.engine.can(outcome.state, 'p1', feature)).toBe(true);
    for (const feature of [...OWN_UNLOCKS.active, ...OWN_UNLOCKS.performer, ...OWN_UNLOCKS.elite]) {
      expect(outcome.engine.can(outcome.state, 'p1', feature)).toBe(false);
    }
  });

  it('treats an id such as "__proto__" like any other partner (CONTRACT.md, Ids)', () => {
    const odd = replay([events.joined('__proto__', '2025-01-10', null, 'join-proto')]);
    expect(odd.tierOf('__proto__')).toBe('starter');
    expect(odd.effectsOf({ type: 'feature.unlocked', partnerId: '__proto__' })).toHaveLength(6);
    expect(odd.engine.can(odd.state, '__proto__', 'dashboard')).toBe(true);
  });

  it('counts no deals and no certification on joining', () => {
    const partner = outcome.partner('p1');
    expect(partner.countedDeals).toBe(0);
    expect(partner.trainings).toEqual([]);
  });
});

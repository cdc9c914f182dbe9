// A draft clones a partner or a deal the first time it writes it (engine/draft.ts): the copy is
// equal to the original. A deal's copy shares nothing with it; a partner's copy shares only the
// parts that grow with its age, which writers replace or take as the draft's own first (the
// property test "apply and advance never mutate their input state" writes through them all).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { allDeals, allPartners, cloneDeal, clonePartner } from '../../src/engine/state.js';
import { sisoProgram } from '../../src/program/siso.js';
import { generateEvents } from '../../src/simulation/generator.js';
import { deepFreeze } from '../support/freeze.js';

/** Every object and array reachable from a value. */
function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || found.has(value)) return found;
  found.add(value);
  for (const child of Object.values(value)) objectsOf(child, found);
  return found;
}

const { state } = createEngine(sisoProgram).replay(generateEvents({ partners: 40, months: 8, seed: 3 }));

describe('cloning for a write', () => {
  it('copies every partner exactly, sharing only the parts that grow with its age', () => {
    const partners = [...allPartners(state)];
    expect(partners.length).toBe(40);
    for (const partner of partners) {
      const copy = clonePartner(partner);
      expect(copy).toEqual(structuredClone(partner));
      const shared = new Set<object>([
        ...objectsOf(partner.history),
        ...objectsOf(partner.payouts),
        ...objectsOf(partner.badges),
        ...objectsOf(partner.terms),
        ...objectsOf(partner.monthEndTiers),
        partner.milestones,
        partner.trainings,
        partner.featuresUsed,
        partner.team.directIds,
        partner.recentDeals.month.dealIds,
        partner.recentDeals.quarter.dealIds,
        partner.recentDeals.year.dealIds,
      ]);
      const original = objectsOf(partner);
      for (const object of objectsOf(copy)) expect(original.has(object)).toBe(shared.has(object));
    }
  });

  it('copies every deal exactly, sharing no object or array with it', () => {
    for (const deal of allDeals(state)) {
      const copy = cloneDeal(deal);
      expect(copy).toEqual(deal);
      const original = objectsOf(deal);
      for (const object of objectsOf(copy)) expect(original.has(object)).toBe(false);
    }
  });
});

describe('writing through the parts a copy shares', () => {
  it('apply into a frozen state writes every kind of part, yet changes nothing it was given', () => {
    const engine = createEngine(sisoProgram);
    const events = generateEvents({ partners: 30, months: 14, seed: 5 });
    const half = Math.floor(events.length / 2);
    let state = engine.replay(events.slice(0, half)).state;
    // An Elite (holding custom-deal-structure) gets custom terms, so `terms` is written too.
    const elite = [...allPartners(state)].find((partner) =>
      engine.can(state, partner.id, 'custom-deal-structure'),
    );
    expect(elite).toBeDefined();
    const at = events[half]?.at ?? '';
    const terms = { id: 'terms-1', type: 'terms.set', at, partnerId: elite?.id, baseRate: '0.31' };
    const rest = [terms, ...events.slice(half)];
    const kinds = new Set<string>();
    for (const event of rest) {
      const result = engine.apply(deepFreeze(state), event);
      if (!result.ok) throw new Error(`${event.id}: ${result.error.message}`);
      kinds.add(event.type);
      state = result.state;
    }
    // Month ends (month-end tiers), payouts and badges come with the stream's time passing.
    const advanced = engine.advance(deepFreeze(state), '2027-06-01T00:00:00Z');
    expect([...kinds].sort()).toEqual([
      'deal.closed',
      'deal.refunded',
      'feature.used',
      'partner.joined',
      'payout.paid',
      'terms.set',
      'training.completed',
    ]);
    // The same events replayed in one go end in the same state.
    const replayed = engine.replay([...events.slice(0, half), ...rest], { asOf: '2027-06-01T00:00:00Z' });
    expect(advanced.state).toEqual(replayed.state);
  });
});

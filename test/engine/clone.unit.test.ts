// A draft clones a partner or a deal the first time it writes it (engine/draft.ts): the copy is
// equal to the original and shares no object or array with it, so no write reaches the input.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { allDeals, allPartners, cloneDeal, clonePartner } from '../../src/engine/state.js';
import { sisoProgram } from '../../src/program/siso.js';
import { generateEvents } from '../../src/simulation/generator.js';

/** Every object and array reachable from a value. */
function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || found.has(value)) return found;
  found.add(value);
  for (const child of Object.values(value)) objectsOf(child, found);
  return found;
}

const { state } = createEngine(sisoProgram).replay(generateEvents({ partners: 40, months: 8, seed: 3 }));

describe('cloning for a write', () => {
  it('copies every partner exactly, sharing no object or array with it', () => {
    const partners = [...allPartners(state)];
    expect(partners.length).toBe(40);
    for (const partner of partners) {
      const copy = clonePartner(partner);
      expect(copy).toEqual(structuredClone(partner));
      const original = objectsOf(partner);
      for (const object of objectsOf(copy)) expect(original.has(object)).toBe(false);
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

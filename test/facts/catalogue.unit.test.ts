// The fact catalogue (docs/facts.md) is the one list of facts: every fact a rule may name is read
// through it, and what each reader returns is of the kind the catalogue declares.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { Calendar } from '../../src/engine/calendar.js';
import { partnerOf } from '../../src/engine/state.js';
import { FACT_NAMES, FACTS, type FactKind } from '../../src/facts/catalogue.js';
import { partnerFacts, READABLE_FACTS } from '../../src/facts/partner-facts.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';
import { dealRun } from '../support/tiers.js';

const engine = createEngine(sisoProgram);

function kindOf(value: unknown): FactKind | 'other' {
  if (value === null) return 'number|null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return 'string[]';
    if (value.every((item) => typeof item === 'number')) return 'number[]';
    return 'other';
  }
  const values = Object.values(value as object);
  return values.every((item) => typeof item === 'number') ? 'number-by-tier' : 'other';
}

describe('the fact catalogue', () => {
  it('is the list rules are checked against: every name a rule may use has a reader', () => {
    expect([...FACT_NAMES.keys()]).toEqual(READABLE_FACTS);
    expect(new Set(READABLE_FACTS).size).toBe(FACTS.length);
  });

  it('reads a value of the declared kind for every fact', () => {
    const { state } = engine.replay([
      events.joined('s', '2025-01-01', null, 'j-s'),
      events.joined('p', '2025-01-02', 's', 'j-p'),
      events.trained('p', '2025-01-02', 'certification', 'cert-p'),
      ...dealRun('p', { from: '2025-01-03', count: 3, amount: '500.00' }),
    ]);
    const partner = partnerOf(state, 's');
    if (!partner) throw new Error('no partner s');
    const view = {
      compiled: engine.compiled,
      calendar: new Calendar('UTC'),
      instant: Date.parse('2025-01-10T00:00:00Z'),
    };
    const facts = partnerFacts(partner, view);
    for (const fact of FACTS) {
      const kind = kindOf(facts[fact.name]);
      // A number|null fact is a number once it has happened (s's own first deal has not: null).
      const allowed = fact.kind === 'number|null' ? ['number', 'number|null'] : [fact.kind];
      expect(allowed, `${fact.name}: ${JSON.stringify(facts[fact.name])}`).toContain(kind);
    }
    // s sponsors p: one direct sub-partner, who sold 3 × 500.00 = 1,500.00.
    expect(facts.directSubPartners).toBe(1);
    expect(facts.teamRevenue).toBe(1500);
    expect(facts.directSubPartnersAtOrAbove).toEqual({ starter: 1, active: 1, performer: 0, elite: 0 });
  });

  it('says what changes each fact', () => {
    for (const fact of FACTS) expect(fact.changedBy.length, fact.name).toBeGreaterThan(0);
  });
});

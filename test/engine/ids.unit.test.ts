// Ids are arbitrary strings: a feature named "__proto__" (a programme may declare one) is an
// ordinary key of a partner's features used, through a JSON round trip of the state too.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { partnerOf } from '../../src/engine/state.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, sisoWith } from '../support/scenario.js';

describe('a feature id such as __proto__', () => {
  const document = JSON.parse(JSON.stringify(sisoProgram)) as ProgramInput;
  document.features.push({ id: '__proto__', name: 'Proto' });
  document.tiers[0]?.unlocks.push('__proto__');
  const engine = createEngine(sisoWith({ features: document.features, tiers: document.tiers }));

  it('is recorded as used, once, as a plain key, after the state went through JSON', () => {
    const { state } = engine.replay([events.joined('p', '2025-01-01', null, 'j')]);
    const first = engine.apply(
      JSON.parse(JSON.stringify(state)),
      events.used('p', '__proto__', '2025-01-02', 'f1'),
    );
    if (!first.ok) throw new Error(first.error.message);
    const used = partnerOf(first.state, 'p')?.featuresUsed ?? {};
    expect(Object.keys(used)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(used)).toBeNull();
    const again = engine.apply(
      JSON.parse(JSON.stringify(first.state)),
      events.used('p', '__proto__', '2025-01-03', 'f2'),
    );
    expect(again.ok && Object.keys(partnerOf(again.state, 'p')?.featuresUsed ?? {})).toEqual(['__proto__']);
    expect(engine.can(first.state, 'p', '__proto__')).toBe(true);
  });
});

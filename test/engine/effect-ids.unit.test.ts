// Effect ids (CONTRACT.md): derived from the causing event's id, or from the moment and partner
// for time-driven work, so a host can deliver each effect once; unique, whatever the host's ids
// contain, and the same when the input is reordered.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { effectId } from '../../src/engine/outputs.js';
import { sisoProgram } from '../../src/program/siso.js';
import { generateEvents } from '../../src/simulation/generator.js';
import { events } from '../support/scenario.js';

const engine = createEngine(sisoProgram);

describe('effect ids', () => {
  it('escape ":", "%" and "@" in the parts, so an event id cannot pose as a moment or another part', () => {
    // "@" marks a moment; an event id starting with "@" is escaped to "%40".
    const base = {
      type: 'partner.joined',
      tier: 'starter',
      sponsorId: null,
      at: '2025-01-01T00:00:00.000Z',
    } as const;
    expect(effectId({ ...base, partnerId: 'p:1', eventId: '@x' })).toBe('%40x:partner.joined:p%3A1');
    expect(effectId({ ...base, partnerId: '100%', eventId: 'e' })).toBe('e:partner.joined:100%25');
    expect(effectId({ ...base, partnerId: 'p', eventId: null })).toBe(
      '@2025-01-01T00%3A00%3A00.000Z:partner.joined:p',
    );
  });

  it('are unique over a generated year of 200 partners', () => {
    const stream = generateEvents({ partners: 200, months: 12, seed: 7 });
    const { effects } = engine.replay(stream);
    expect(effects.length).toBeGreaterThan(1_000);
    expect(new Set(effects.map((effect) => effect.id)).size).toBe(effects.length);
  });

  it('do not change when events of distinct times come in another order', () => {
    const stream = generateEvents({ partners: 40, months: 6, seed: 11 });
    const forward = engine.replay(stream).effects.map((effect) => effect.id);
    const backward = engine.replay([...stream].reverse()).effects.map((effect) => effect.id);
    expect(new Set(backward)).toEqual(new Set(forward));
  });

  it('are the same when the stream is applied one event at a time', () => {
    const stream = [
      events.joined('s', '2025-01-01', null, 'j-s'),
      events.joined('p', '2025-01-02', 's', 'j-p'),
      events.deal('p', 'd1', '1000.00', '2025-01-03'),
    ];
    const replayed = engine
      .replay(stream, { asOf: '2025-03-01T00:00:00Z' })
      .effects.map((effect) => effect.id);
    let state = engine.initialState();
    const applied: string[] = [];
    for (const event of stream) {
      const result = engine.apply(state, event);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
      applied.push(...result.effects.map((effect) => effect.id));
    }
    applied.push(...engine.advance(state, '2025-03-01T00:00:00Z').effects.map((effect) => effect.id));
    expect(applied).toEqual(replayed);
    // The 200.00 commission of d1 is payable from 2 February and due at the 15 February run.
    expect(applied).toContain('@2025-02-15T00%3A00%3A00.000Z:payout.due:p');
  });
});

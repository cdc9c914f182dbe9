// Limits on what one step may do: an instant outside the supported range is refused (the range
// bounds the time-driven work one event can cause), and a hostile input object is one rejection.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { partnerOf } from '../../src/engine/state.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';

const engine = createEngine(sisoProgram);
const joined = events.joined('p1', '2025-01-01', null, 'join-p1');

describe('how far the clock may move', () => {
  it('refuses an instant outside the supported range at its index, and keeps the as-of time', () => {
    const far = events.used('p1', 'dashboard', '9999-01-01', 'far');
    const result = engine.replay([joined, far]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: 'far', index: 1, code: 'INVALID_EVENT', path: 'at' }),
    ]);
    // The refused time moves no clock: as of the join.
    expect(result.asOf).toBe('2025-01-01T00:00:00.000Z');
  });

  it('takes an event dated 2000 ahead of a 2025 stream, and every event after it', () => {
    // No limit on one step: the 25 years of month ends and payout runs in between find nothing to do.
    const early = events.joined('early', '2000-01-01', null, 'j-early');
    const result = engine.replay([early, joined, events.deal('p1', 'd1', '100.00', '2025-01-02')]);
    expect(result.rejected).toEqual([]);
    expect(result.ledger.map((entry) => entry.amount)).toEqual(['20.00']);
  });

  it('runs 74 years of time-driven work in one step, asking for an unpaid balance at each run', () => {
    // p1 earns 0.20 × 1,000.00 = 200.00 on 2 January 2025, payable from 1 February. Nothing is
    // paid, so every run from 15 February 2025 to 15 December 2098 asks for it: 11 runs in 2025
    // and 12 in each of the 73 years 2026-2098, 11 + 876 = 887.
    const result = engine.replay([
      joined,
      events.deal('p1', 'd1', '1000.00', '2025-01-02'),
      events.used('p1', 'dashboard', '2099-01-01', 'much-later'),
    ]);
    expect(result.rejected).toEqual([]);
    const dues = result.effects.filter((effect) => effect.type === 'payout.due');
    expect(dues).toHaveLength(887);
    expect(dues.at(-1)?.at).toBe('2098-12-15T00:00:00.000Z');
  });

  it('refuses an as-of time outside the supported range with INVALID_ARGUMENT', () => {
    expect(() => engine.replay([joined], { asOf: '2100-01-01T00:00:00Z' })).toThrow(EngineError);
    const { state } = engine.replay([joined]);
    expect(() => engine.advance(state, '9999-01-01T00:00:00Z')).toThrow(/outside the supported range/);
  });

  it('refuses an as-of time finer than a millisecond, which it would otherwise cut', () => {
    // 00:00:00.0001 is not 00:00:00.000: cutting it would move the as-of time.
    expect(() => engine.replay([joined], { asOf: '2025-02-01T00:00:00.0001Z' })).toThrow(
      /more precise than a millisecond/,
    );
    const { state } = engine.replay([joined]);
    expect(() => engine.advance(state, '2025-02-01T00:00:00.0009Z')).toThrow(EngineError);
    // Trailing zeros name the same millisecond and are fine.
    expect(engine.advance(state, '2025-02-01T00:00:00.000000Z').state.clock).toBe(
      Date.parse('2025-02-01T00:00:00Z'),
    );
  });
});

describe('a hostile input object', () => {
  it('is rejected alone when reading its id or time throws', () => {
    const hostile = {};
    for (const field of ['id', 'type', 'at'])
      Object.defineProperty(hostile, field, {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
    const result = engine.replay([joined, hostile, events.deal('p1', 'd1', '100.00', '2025-01-02')]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: null, index: 1, code: 'INVALID_EVENT' }),
    ]);
    expect(result.ledger).toHaveLength(1);
    const applied = engine.apply(result.state, hostile);
    expect(applied.ok).toBe(false);
  });
});

describe('one apply does not copy the whole history', () => {
  it('keeps seen ids and deals in buckets, and leaves the input buckets it did not write shared', () => {
    let { state } = engine.replay([joined, events.deal('p1', 'd1', '100.00', '2025-01-02')]);
    const before = state;
    const result = engine.apply(state, events.deal('p1', 'd2', '100.00', '2025-01-03'));
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
    const untouched = before.seen.filter((node, slot) => state.seen[slot] === node);
    // Two ids were seen before (join-p1, e-d1); e-d2 lands in one slot, copied; the others are shared.
    expect(untouched.length).toBe(before.seen.length - 1);
    expect(before.seen).not.toBe(state.seen);
  });
});

describe('the default as-of time', () => {
  it('comes from accepted events only: a rejected event, whatever its time, moves nothing', () => {
    // p1 earns 0.20 × 1,000.00 = 200.00 on 2 January, payable from 1 February. An event of an
    // unknown partner dated 1 June is rejected: had its time counted, the runs of 15 February to
    // 15 May would each ask for the 200.00 (four payout.due effects) and Q1 would be reviewed.
    const result = engine.replay([
      joined,
      events.deal('p1', 'd1', '1000.00', '2025-01-02'),
      events.used('nobody', 'dashboard', '2025-06-01', 'stray'),
    ]);
    expect(result.rejected).toEqual([expect.objectContaining({ eventId: 'stray', code: 'UNKNOWN_PARTNER' })]);
    expect(result.asOf).toBe('2025-01-02T00:00:00.000Z');
    expect(result.effects.filter((effect) => effect.eventId === null)).toEqual([]);
  });

  it('moves nothing either for an event refused on what is payable at its time', () => {
    // The payment of 20 June is judged on what is payable then (the 200.00, payable from
    // 1 February), which the work due by 20 June decides: that work runs on a copy, so the
    // rejected payment leaves the clock, the effects and the state as they were without it.
    const stream = [joined, events.deal('p1', 'd1', '1000.00', '2025-01-02')];
    const without = engine.replay(stream);
    const payment = {
      id: 'pay',
      type: 'payout.paid',
      at: '2025-06-20T00:00:00Z',
      partnerId: 'p1',
      amount: '999.00',
    };
    const result = engine.replay([...stream, payment]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: 'pay', code: 'PAYOUT_EXCEEDS_PAYABLE' }),
    ]);
    expect(result.rejected[0]?.message).toContain('200.00');
    expect(result.asOf).toBe('2025-01-02T00:00:00.000Z');
    expect(result.state).toEqual(without.state);
    expect(result.effects).toEqual(without.effects);
    // A payment of what is payable then is accepted, and the work due by then runs for it.
    const accepted = engine.replay([...stream, { ...payment, amount: '200.00' }]);
    expect(accepted.rejected).toEqual([]);
    // In minor units: 0 payable, 20,000 cents (200.00) paid.
    expect(partnerOf(accepted.state, 'p1')?.balance).toMatchObject({ payable: 0, paid: 20_000 });
  });
});

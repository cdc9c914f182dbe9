// Limits on what one step may do: an event dated decades after the clock is refused (it would
// run every month end and payout run in between), and so is an as-of time that far away.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';

const engine = createEngine(sisoProgram);
const joined = events.joined('p1', '2025-01-01', null, 'join-p1');

describe('how far the clock may move in one step', () => {
  it('refuses an event more than 50 years after the clock, at its index, and keeps the as-of time', () => {
    const far = events.used('p1', 'dashboard', '9999-01-01', 'far');
    const result = engine.replay([joined, far]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: 'far', index: 1, code: 'INVALID_EVENT', path: 'at' }),
    ]);
    // The refused time moves no clock: as of the join.
    expect(result.asOf).toBe('2025-01-01T00:00:00.000Z');
  });

  it('takes an event 49 years later, running the time-driven work in between', () => {
    const later = events.used('p1', 'dashboard', '2074-01-01', 'later');
    expect(engine.replay([joined, later]).rejected).toEqual([]);
  });

  it('refuses an as-of time more than 50 years after the events with INVALID_ARGUMENT', () => {
    expect(() => engine.replay([joined], { asOf: '2100-01-01T00:00:00Z' })).toThrow(EngineError);
    const { state } = engine.replay([joined]);
    expect(() => engine.advance(state, '9999-01-01T00:00:00Z')).toThrow(/more than 50 years/);
  });
});

describe('one apply does not copy the whole history', () => {
  it('keeps seen ids and deals in buckets, and leaves the input buckets it did not write shared', () => {
    let { state } = engine.replay([joined, events.deal('p1', 'd1', '100.00', '2025-01-02')]);
    const before = state;
    const result = engine.apply(state, events.deal('p1', 'd2', '100.00', '2025-01-03'));
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
    const untouched = Object.keys(before.seen).filter((key) => state.seen[key] === before.seen[key]);
    // Two ids were seen before (join-p1, e-d1); e-d2 lands in one bucket, copied; the others are shared.
    expect(untouched.length).toBeGreaterThanOrEqual(Object.keys(before.seen).length - 1);
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
});

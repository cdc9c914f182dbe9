// Queries read their state as apply does (checked once, refused with an EngineError and a code),
// and a batch's result is the state so far for good: what the batch applies later never changes it.
import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, loadProgram, partnerOf, sisoProgram } from '../../src/index.js';

const engine = createEngine(sisoProgram);
const joined = {
  id: 'j',
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId: 'p',
  sponsorId: null,
};
const deal = (id: string, at: string) => ({
  id,
  type: 'deal.closed',
  at,
  partnerId: 'p',
  dealId: id,
  amount: '1000.00',
  currency: 'USD',
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('queries on a state', () => {
  const { state, ledger } = engine.replay([joined, deal('d1', '2025-01-02T00:00:00Z')]);
  const queries: Array<[string, (input: never) => unknown]> = [
    ['can', (input) => engine.can(input, 'p', 'dashboard')],
    ['progress', (input) => engine.progress(input, 'p')],
    ['nextPayout', (input) => engine.nextPayout(input, 'p')],
    ['statement', (input) => engine.statement(input, ledger, 'p')],
    ['leaderboard', (input) => engine.leaderboard(input, { period: 'all-time', metric: 'revenue' })],
    ['team', (input) => engine.team(input, 'p')],
  ];

  it.each(queries)('%s refuses what is not a state with INVALID_STATE', (_, query) => {
    expect(codeOf(() => query(null as never))).toBe('INVALID_STATE');
    expect(codeOf(() => query({ format: 'partner-engine/state@4' } as never))).toBe('INVALID_STATE');
  });

  it.each(queries)('%s refuses a state of another programme', (_, query) => {
    const other = createEngine(loadProgram({ ...JSON.parse(JSON.stringify(sisoProgram)), id: 'other' }));
    const foreign = other.replay([joined]).state;
    expect(codeOf(() => query(foreign as never))).toBe('STATE_PROGRAM_MISMATCH');
  });

  it.each(queries)('%s reads a state saved as JSON', (_, query) => {
    expect(codeOf(() => query(JSON.parse(JSON.stringify(state)) as never))).toBe('accepted');
  });
});

describe('a batch result', () => {
  it('never changes when the batch goes on', () => {
    const batch = engine.batch();
    batch.apply(joined);
    batch.apply(deal('d1', '2025-01-02T00:00:00Z'));
    const first = batch.result();
    const saved = JSON.stringify(first.state);
    const entries = first.ledger.length;
    batch.apply(deal('d2', '2025-01-03T00:00:00Z'));
    batch.advance('2025-03-01T00:00:00Z');
    expect(JSON.stringify(first.state)).toBe(saved);
    expect(first.ledger).toHaveLength(entries);
    // The batch went on from where it was: d1 and d2 at Starter's 20 % of 1,000.00 = 200.00 each.
    expect(batch.result().ledger.map((entry) => entry.amount)).toEqual(['200.00', '200.00']);
  });
});

describe('a batch from nothing', () => {
  // It works on a state it made itself, in place; one given a state copies what it writes.
  const stream = [joined, deal('d1', '2025-01-02T00:00:00Z'), deal('d2', '2025-02-20T00:00:00Z')];

  it('gives what a batch on an initial state gives, and leaves that state as it was', () => {
    const initial = engine.initialState();
    const before = JSON.stringify(initial);
    const given = engine.batch(initial);
    const own = engine.batch();
    for (const event of stream) {
      given.apply(event);
      own.apply(event);
    }
    expect(JSON.stringify(own.result())).toBe(JSON.stringify(given.result()));
    expect(JSON.stringify(initial)).toBe(before);
    // Two deals of 1,000.00 taken in: 200,000 cents.
    expect(own.result().state.volume).toBe(200_000);
  });

  it('is what a caller without types gets with a null state', () => {
    expect(engine.replay(stream, { state: null as never })).toEqual(engine.replay(stream));
    const batch = engine.batch(null as never);
    for (const event of stream) batch.apply(event);
    expect(batch.result().state).toEqual(engine.replay(stream).state);
  });

  it('keeps its state out of what it handed out before, once it goes on', () => {
    const batch = engine.batch();
    batch.apply(joined);
    const first = batch.result().state;
    const saved = JSON.stringify(first);
    for (const event of stream.slice(1)) batch.apply(event);
    batch.advance('2025-04-01T00:00:00Z');
    expect(JSON.stringify(first)).toBe(saved);
    // Two deals at Starter's 20 % of 1,000.00: 200.00 each.
    expect(partnerOf(batch.result().state, 'p')?.balance.earned).toBe(40_000);
  });
});

describe('replay input', () => {
  it('refuses what is neither an array of events nor an event source, with INVALID_ARGUMENT', () => {
    // A Set of events has no positions: before, it replayed nothing without a word.
    for (const input of [new Set([joined]), null, {}, 'events'])
      expect(codeOf(() => engine.replay(input as never))).toBe('INVALID_ARGUMENT');
  });

  it('reads an event source one event at a time, in its replay order', () => {
    const events = [deal('d1', '2025-01-02T00:00:00Z'), joined];
    const read: number[] = [];
    const source = {
      count: 2,
      replayOrder: () => [1, 0],
      event: (index: number) => {
        read.push(index);
        return events[index];
      },
    };
    const result = engine.replay(source);
    expect(read).toEqual([1, 0]);
    expect(result).toEqual(engine.replay(events));
  });
});

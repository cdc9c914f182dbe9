// engine.leaderboard (SISO-PROGRAM.md, "Leaderboards"): periods in the programme's time zone,
// revenue, deals and commission, ties sharing a rank (1, 1, 3) and listed by partner id, `behind`
// the gap to the rank above, a tier filter by the tier held at the period's end, and a limit that
// keeps ties at the cut.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { events, replay } from '../support/scenario.js';

// Partners join in the order e, d, c, b, a so that rows in a tie follow ids, not joining order.
// All stay Starter (at most 2 deals each), paid 20 %:
//   a: 2025-01-10 1,000.00                              commission 200.00
//   b: 2025-01-11   600.00, 2025-02-11 400.00           commission 120.00 + 80.00
//   c: 2025-04-05   400.00                              commission 80.00
//   d: 2025-01-12   200.00, 2025-07-12 200.00           commission 40.00 + 40.00
//   e: nothing
const outcome = replay(
  [
    ...['e', 'd', 'c', 'b', 'a'].map((id) => events.joined(id, '2025-01-01', null, `join-${id}`)),
    events.deal('a', 'a1', '1000.00', '2025-01-10'),
    events.deal('b', 'b1', '600.00', '2025-01-11'),
    events.deal('d', 'd1', '200.00', '2025-01-12'),
    events.deal('b', 'b2', '400.00', '2025-02-11'),
    events.deal('c', 'c1', '400.00', '2025-04-05'),
    events.deal('d', 'd2', '200.00', '2025-07-12'),
  ],
  { asOf: '2025-08-01' },
);
type Options = Parameters<typeof outcome.engine.leaderboard>[1];
const board = (options: Options) => outcome.engine.leaderboard(outcome.state, options);
/** Rows as [rank, partner, value, behind]. */
const rowsOf = (options: Options) =>
  board(options).rows.map((row) => [row.rank, row.partnerId, row.value, row.behind]);

describe('ranks, ties and behind', () => {
  it('ranks January by revenue, tied zeros sharing rank 4', () => {
    // a 1,000.00; b 600.00 (400.00 behind a); d 200.00 (400.00 behind b); c, e 0.00 (200.00 behind d).
    expect(rowsOf({ period: '2025-01', metric: 'revenue' })).toEqual([
      [1, 'a', '1000.00', null],
      [2, 'b', '600.00', '400.00'],
      [3, 'd', '200.00', '400.00'],
      [4, 'c', '0.00', '200.00'],
      [4, 'e', '0.00', '200.00'],
    ]);
  });

  it('gives ties one rank and skips the places they take (1, 1, 3, 3, 5)', () => {
    // 2025: a 1,000.00; b 600.00 + 400.00 = 1,000.00; c 400.00; d 200.00 + 200.00 = 400.00; e 0.
    expect(rowsOf({ period: '2025', metric: 'revenue' })).toEqual([
      [1, 'a', '1000.00', null],
      [1, 'b', '1000.00', null],
      [3, 'c', '400.00', '600.00'],
      [3, 'd', '400.00', '600.00'],
      [5, 'e', '0.00', '400.00'],
    ]);
  });

  it('names the board it ranks and each row’s tier', () => {
    const result = board({ period: '2025-Q1', metric: 'deals' });
    expect(result).toMatchObject({ period: '2025-Q1', metric: 'deals', tier: null });
    expect(result.rows.map((row) => row.tier)).toEqual([
      'starter',
      'starter',
      'starter',
      'starter',
      'starter',
    ]);
  });

  it('does not change the state it reads', () => {
    const before = JSON.stringify(outcome.state);
    board({ period: '2025-Q1', metric: 'revenue', tier: 'starter', limit: 2 });
    expect(JSON.stringify(outcome.state)).toBe(before);
  });
});

describe('periods and metrics', () => {
  it('sums a quarter’s months', () => {
    // Q1: a 1,000.00; b 600.00 + 400.00 = 1,000.00; d 200.00 (800.00 behind); c, e 0.00.
    expect(rowsOf({ period: '2025-Q1', metric: 'revenue' })).toEqual([
      [1, 'a', '1000.00', null],
      [1, 'b', '1000.00', null],
      [3, 'd', '200.00', '800.00'],
      [4, 'c', '0.00', '200.00'],
      [4, 'e', '0.00', '200.00'],
    ]);
  });

  it('ranks all time by each partner’s total', () => {
    expect(rowsOf({ period: 'all-time', metric: 'revenue' })).toEqual(
      rowsOf({ period: '2025', metric: 'revenue' }),
    );
  });

  it('ranks by counted deals, as whole numbers', () => {
    // Q1 deals: b 2; a 1, d 1 (1 behind); c 0, e 0 (1 behind).
    expect(rowsOf({ period: '2025-Q1', metric: 'deals' })).toEqual([
      [1, 'b', '2', null],
      [2, 'a', '1', '1'],
      [2, 'd', '1', '1'],
      [4, 'c', '0', '1'],
      [4, 'e', '0', '1'],
    ]);
    // All time: b 2, d 2; a 1, c 1; e 0.
    expect(rowsOf({ period: 'all-time', metric: 'deals' })).toEqual([
      [1, 'b', '2', null],
      [1, 'd', '2', null],
      [3, 'a', '1', '1'],
      [3, 'c', '1', '1'],
      [5, 'e', '0', '1'],
    ]);
  });

  it('ranks by commission earned', () => {
    // January: a 200.00; b 120.00 (80.00 behind); d 40.00 (80.00 behind); c, e 0.00.
    expect(rowsOf({ period: '2025-01', metric: 'commission' })).toEqual([
      [1, 'a', '200.00', null],
      [2, 'b', '120.00', '80.00'],
      [3, 'd', '40.00', '80.00'],
      [4, 'c', '0.00', '40.00'],
      [4, 'e', '0.00', '40.00'],
    ]);
    // 2025: a 200.00, b 200.00; c 80.00, d 80.00 (120.00 behind); e 0.00 (80.00 behind).
    expect(rowsOf({ period: '2025', metric: 'commission' })).toEqual([
      [1, 'a', '200.00', null],
      [1, 'b', '200.00', null],
      [3, 'c', '80.00', '120.00'],
      [3, 'd', '80.00', '120.00'],
      [5, 'e', '0.00', '80.00'],
    ]);
  });
});

describe('limit', () => {
  const partnersWithin = (limit: number) =>
    board({ period: '2025', metric: 'revenue', limit }).rows.map((row) => row.partnerId);

  it('keeps every row tied at the cut', () => {
    // 2025 ranks: a 1, b 1, c 3, d 3, e 5.
    expect(partnersWithin(1)).toEqual(['a', 'b']);
    expect(partnersWithin(2)).toEqual(['a', 'b']);
    expect(partnersWithin(3)).toEqual(['a', 'b', 'c', 'd']);
    expect(partnersWithin(4)).toEqual(['a', 'b', 'c', 'd']);
    expect(partnersWithin(5)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(partnersWithin(50)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('a partner’s own row', () => {
  it('is returned even when the limit cuts it', () => {
    // 2025 revenue: e is 5th, 400.00 behind c and d; a limit of 2 shows only a and b.
    const result = board({ period: '2025', metric: 'revenue', limit: 2, partnerId: 'e' });
    expect(result.rows.map((row) => row.partnerId)).toEqual(['a', 'b']);
    expect(result.own).toEqual({ rank: 5, partnerId: 'e', tier: 'starter', value: '0.00', behind: '400.00' });
  });

  it('is null for a partner outside the tier asked for, and without a partner', () => {
    expect(board({ period: '2025', metric: 'revenue', tier: 'active', partnerId: 'a' }).own).toBeNull();
    expect(board({ period: '2025', metric: 'revenue' }).own).toBeNull();
  });
});

describe('invalid arguments', () => {
  const errorOf = (options: Options): unknown => {
    try {
      board(options);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each(['month', '2025-13', '2025-00', '2025-Q5', '2025-1', '25-01', 'all time', ''])(
    'rejects the period "%s" with INVALID_ARGUMENT',
    (period) => {
      const error = errorOf({ period, metric: 'revenue' });
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    },
  );

  it.each(['gold', 'Starter'])('rejects the unknown tier "%s" with INVALID_ARGUMENT', (tier) => {
    const error = errorOf({ period: '2025-01', metric: 'revenue', tier });
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toContain(tier);
  });
});

// The programme's `leaderboards` section drives the boards (SISO-PROGRAM.md, "Leaderboards":
// monthly by tier and all-time, by revenue and by deal count).
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { events, replay } from '../support/scenario.js';

// a sells 1,000.00 + 500.00 in March, b 2,000.00 in March and 100.00 in April: all Starters.
const outcome = replay([
  events.joined('a', '2025-03-01', null, 'j-a'),
  events.joined('b', '2025-03-01', null, 'j-b'),
  events.deal('a', 'a1', '1000.00', '2025-03-02'),
  events.deal('a', 'a2', '500.00', '2025-03-03'),
  events.deal('b', 'b1', '2000.00', '2025-03-04'),
  events.deal('b', 'b2', '100.00', '2025-04-02'),
]);
const { engine, state } = outcome;

describe("the programme's leaderboards", () => {
  it('lists the four SISO boards, each for the period holding the clock (April)', () => {
    const boards = engine.boards(state);
    expect(boards.map((board) => [board.id, board.period, board.byTier, board.tables.length])).toEqual([
      ['monthly-revenue-by-tier', '2025-04', true, 4],
      ['monthly-deals-by-tier', '2025-04', true, 4],
      ['all-time-revenue', 'all-time', false, 1],
      ['all-time-deals', 'all-time', false, 1],
    ]);
  });

  it('ranks March revenue by tier: b 2,000.00 first, a 1,500.00 second, 500.00 behind', () => {
    const board = engine.board(state, 'monthly-revenue-by-tier', { period: '2025-03' });
    const starters = board.tables[0];
    expect(starters?.tier).toBe('starter');
    expect(starters?.rows).toEqual([
      { rank: 1, partnerId: 'b', tier: 'starter', value: '2000.00', behind: null },
      { rank: 2, partnerId: 'a', tier: 'starter', value: '1500.00', behind: '500.00' },
    ]);
    expect(board.tables[1]?.rows).toEqual([]);
  });

  it('ranks all-time deals: a and b tied at 2 share rank 1, in id order', () => {
    const [table] = engine.board(state, 'all-time-deals').tables;
    expect(table?.rows.map((row) => [row.rank, row.partnerId, row.value])).toEqual([
      [1, 'a', '2'],
      [1, 'b', '2'],
    ]);
  });

  it('refuses an unknown board and a period of the wrong kind with INVALID_ARGUMENT', () => {
    expect(() => engine.board(state, 'weekly')).toThrow(EngineError);
    expect(() => engine.board(state, 'weekly')).toThrow(/no leaderboard "weekly".*"monthly-revenue-by-tier"/);
    expect(() => engine.board(state, 'monthly-deals-by-tier', { period: '2025-Q1' })).toThrow(
      /ranks a month/,
    );
    expect(() => engine.board(state, 'all-time-deals', { period: '2025' })).toThrow(/all-time/);
  });
});

// Leaderboards by period (a month, quarter or year in the programme's time zone, or all time),
// by revenue, counted deals or commission earned, optionally for one tier. Ties share a rank
// (1, 1, 3) and are listed by partner id; each row says how far it is behind the rank above.
import { Calendar } from '../engine/calendar.js';
import { EngineError } from '../engine/errors.js';
import { type EngineState, type PartnerState, partnerIds, partnerOf } from '../engine/state.js';
import { formatMinor, type MinorUnits } from '../money/minor.js';
import { monthsOf, scoreOf, tierAtMonthEnd } from '../partners/history.js';
import type { CompiledProgram } from '../program/compile.js';
import type { LeaderboardMetric } from '../program/schema.js';

/**
 * Options of `engine.leaderboard`: the period, the metric, and optionally one tier, a row limit and
 * a partner to find.
 */
export interface LeaderboardOptions {
  /** `2025-03`, `2025-Q1`, `2025`, or `all-time`. */
  readonly period: string;
  /** What partners are ranked by: net revenue, counted deals, or commission earned. */
  readonly metric: LeaderboardMetric;
  /** Only partners holding this tier (at the period's end; now for all-time or an open period). */
  readonly tier?: string;
  /** At most this many rows (ties at the cut are kept). */
  readonly limit?: number;
  /** Also return this partner's own row (rank and gap), even when the limit cuts it. */
  readonly partnerId?: string;
}

/** One partner's place on a leaderboard. */
export interface LeaderboardRow {
  /** The partner's rank: ties share one (1, 1, 3) and are listed by partner id. */
  readonly rank: number;
  /** The partner's id. */
  readonly partnerId: string;
  /**
   * The tier the partner is ranked in: held at the period's end, or now for all-time or an open
   * period.
   */
  readonly tier: string;
  /** A money string for revenue and commission; a whole number as a string for deals. */
  readonly value: string;
  /** How far behind the next better rank, in the metric's unit; null for rank 1. */
  readonly behind: string | null;
}

/**
 * Partners ranked for a period and a metric, as `engine.leaderboard` returns them.
 *
 * @example
 * // events: ana and ben join, ana closes a 1000.00 USD deal in January 2025
 * engine.leaderboard(state, { period: '2025-01', metric: 'revenue' }).rows
 * //=> [{ rank: 1, partnerId: 'ana', tier: 'starter', value: '1000.00', behind: null },
 * //    { rank: 2, partnerId: 'ben', tier: 'starter', value: '0.00', behind: '1000.00' }]
 */
export interface Leaderboard {
  /** The period ranked, as given. */
  readonly period: string;
  /** The metric ranked by. */
  readonly metric: LeaderboardMetric;
  /** The tier ranked, or null for every partner. */
  readonly tier: string | null;
  /** The rows, best first. */
  readonly rows: readonly LeaderboardRow[];
  /** The row of `options.partnerId`: null when it is not ranked (another tier, not joined yet). */
  readonly own: LeaderboardRow | null;
}

/** A count of deals, or money in minor units. */
function allTimeScore(partner: PartnerState, metric: LeaderboardMetric): number | MinorUnits {
  if (metric === 'deals') return partner.countedDeals;
  return metric === 'revenue' ? partner.revenue : partner.balance.earned;
}

/**
 * Ranks partners for a period and metric.
 *
 * @example
 * leaderboard(compiled, state, { period: '2025-03', metric: 'revenue', tier: 'active' }).rows[0]
 * //=> { rank: 1, partnerId: 'p7', tier: 'active', value: '4200.00', behind: null }
 */
export function leaderboard(
  compiled: CompiledProgram,
  state: EngineState,
  options: LeaderboardOptions,
): Leaderboard {
  const calendar = new Calendar(compiled.program.timeZone);
  const range = options.period === 'all-time' ? null : calendar.rangeOfKey(options.period);
  if (options.period !== 'all-time' && !range) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `period must be like 2025-03, 2025-Q1, 2025 or all-time; got "${options.period}"`,
    );
  }
  if (options.tier !== undefined && !compiled.tierIndex.has(options.tier)) {
    throw new EngineError('INVALID_ARGUMENT', `"${options.tier}" is not a tier of this programme`);
  }
  const months = range ? monthsOf({ calendar }, range) : [];
  const lastMonth = months[months.length - 1];
  const places = compiled.program.currency.decimals;
  const scored: Array<{ partnerId: string; tier: string; score: number }> = [];
  for (const partnerId of partnerIds(state)) {
    const partner = partnerOf(state, partnerId) as PartnerState;
    if (range && partner.joinedAt >= range.end) continue;
    // A period that has ended ranks partners by the tier held at its end; an open one, by now.
    const ended = range !== null && range !== undefined && state.clock !== null && range.end <= state.clock;
    const closedTier = ended && lastMonth !== undefined ? tierAtMonthEnd(partner, lastMonth) : undefined;
    const tier = closedTier ?? compiled.program.tiers[partner.tier]?.id ?? '';
    if (options.tier !== undefined && tier !== options.tier) continue;
    const score = range ? scoreOf(partner, months, options.metric) : allTimeScore(partner, options.metric);
    scored.push({ partnerId, tier, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.partnerId < b.partnerId ? -1 : 1));
  const show = (value: number) =>
    options.metric === 'deals' ? String(value) : formatMinor(value as MinorUnits, places);
  const ranked = rank(scored, show);
  const { limit, partnerId } = options;
  // The limit keeps every row tied with the last one it lets through.
  const lastRank = limit === undefined ? undefined : ranked[limit - 1]?.rank;
  const cut =
    limit === undefined ? ranked : ranked.filter((row, index) => index < limit || row.rank === lastRank);
  const own = partnerId === undefined ? null : (ranked.find((row) => row.partnerId === partnerId) ?? null);
  return { period: options.period, metric: options.metric, tier: options.tier ?? null, rows: cut, own };
}

/** Ranks sorted scores: ties share a rank (1, 1, 3); each row's gap to the rank above. */
function rank(
  scored: ReadonlyArray<{ partnerId: string; tier: string; score: number }>,
  show: (value: number) => string,
): LeaderboardRow[] {
  const rows: LeaderboardRow[] = [];
  let previous: { score: number; rank: number } | null = null;
  let better: number | null = null;
  for (const [index, row] of scored.entries()) {
    const tied: boolean = previous?.score === row.score;
    if (!tied) better = previous?.score ?? null;
    const rankNumber: number = tied && previous ? previous.rank : index + 1;
    rows.push({
      rank: rankNumber,
      partnerId: row.partnerId,
      tier: row.tier,
      value: show(row.score),
      behind: better === null ? null : show(better - row.score),
    });
    previous = { score: row.score, rank: rankNumber };
  }
  return rows;
}

/**
 * One of the programme's own leaderboards, ranked for a period: one table, or one a tier. What
 * `engine.board` and `engine.boards` return.
 */
export interface ProgrammeBoard {
  /** The leaderboard's id in the programme. */
  readonly id: string;
  /** Its name as partners see it. */
  readonly name: string;
  /** The period ranked: its key, or `all-time`. */
  readonly period: string;
  /** What partners are ranked by. */
  readonly metric: LeaderboardMetric;
  /** Whether each tier is ranked separately. */
  readonly byTier: boolean;
  /** One table (all partners), or one per tier in the programme's order when `byTier`. */
  readonly tables: readonly Leaderboard[];
}

/** Options of `engine.board` and `engine.boards`. */
export interface BoardOptions {
  /** The period to rank (`2025-03`, `2025-Q1`, `2025`); default: the one holding the state's clock. */
  readonly period?: string;
  /** At most this many rows per table (ties at the cut are kept). */
  readonly limit?: number;
  /**
   * Also return this partner's own row in each table (rank and gap), even when the limit cuts it.
   */
  readonly partnerId?: string;
}

/**
 * The programme's `leaderboards`, ranked: each board's period kind and metric as the programme
 * declares them, one table per tier for a board `byTier`.
 *
 * @example
 * programmeBoard(compiled, state, 'monthly-revenue-by-tier', { period: '2025-03' }).tables[1].tier
 * //=> 'active'
 */
export function programmeBoard(
  compiled: CompiledProgram,
  state: EngineState,
  boardId: string,
  options: BoardOptions = {},
): ProgrammeBoard {
  const board = compiled.program.leaderboards.find((candidate) => candidate.id === boardId);
  if (!board) {
    const known = compiled.program.leaderboards.map((candidate) => `"${candidate.id}"`).join(', ');
    throw new EngineError(
      'INVALID_ARGUMENT',
      `no leaderboard "${boardId}" in this programme (it has ${known || 'none'})`,
    );
  }
  const period = boardPeriod(compiled, state, board.period, options.period);
  const base = { period, metric: board.metric, limit: options.limit, partnerId: options.partnerId };
  const tables = board.byTier
    ? compiled.program.tiers.map((tier) => leaderboard(compiled, state, { ...base, tier: tier.id }))
    : [leaderboard(compiled, state, base)];
  return { id: board.id, name: board.name, period, metric: board.metric, byTier: board.byTier, tables };
}

/** Every leaderboard the programme declares, ranked for its current period (or `options.period`). */
export function programmeBoards(
  compiled: CompiledProgram,
  state: EngineState,
  options: Omit<BoardOptions, 'period'> = {},
): ProgrammeBoard[] {
  return compiled.program.leaderboards.map((board) => programmeBoard(compiled, state, board.id, options));
}

/** The period key a board ranks: the one asked for, checked against the board's kind, or the current one. */
function boardPeriod(
  compiled: CompiledProgram,
  state: EngineState,
  kind: 'month' | 'quarter' | 'year' | 'all-time',
  asked: string | undefined,
): string {
  if (kind === 'all-time') {
    if (asked !== undefined && asked !== 'all-time')
      throw new EngineError('INVALID_ARGUMENT', `this leaderboard is all-time; got period "${asked}"`);
    return 'all-time';
  }
  const calendar = new Calendar(compiled.program.timeZone);
  if (asked === undefined) {
    const now = state.clock;
    if (now === null)
      throw new EngineError('INVALID_ARGUMENT', 'no period given and the state has no clock yet');
    return calendar.periodOf(now, kind).key;
  }
  const range = calendar.rangeOfKey(asked);
  if (!range || range.period !== kind)
    throw new EngineError('INVALID_ARGUMENT', `this leaderboard ranks a ${kind}; got period "${asked}"`);
  return asked;
}

// The composition root: the engine core with the programme's slices in the order an event
// flows through them (roster, team, tiers, commissions, overrides, achievements), plus the
// queries a host asks of a state.
import {
  type BoardOptions,
  type Leaderboard,
  type LeaderboardOptions,
  leaderboard,
  type ProgrammeBoard,
  programmeBoard,
  programmeBoards,
} from './achievements/leaderboard.js';
import { achievementsSlice } from './achievements/slice.js';
import { commissionsSlice } from './commissions/slice.js';
import {
  type NextPayout,
  nextPayout,
  type Statement,
  type StatementOptions,
  statement,
} from './commissions/statement.js';
import { parseInstant } from './engine/batch.js';
import { createEngineCore, type EngineCore } from './engine/engine.js';
import { EngineError } from './engine/errors.js';
import type { LedgerEntry } from './engine/outputs.js';
import type { EngineState } from './engine/state.js';
import { type Explanation, explain } from './ledger/explain.js';
import { type Team, type TeamOptions, team } from './overrides/query.js';
import { overridesSlice } from './overrides/slice.js';
import { teamSlice } from './overrides/team.js';
import { partnersSlice } from './partners/slice.js';
import { type Program, withOperators } from './program/load.js';
import type { OperatorFunction } from './rules/operators.js';
import { type Progress, progressOf } from './tiers/progress.js';
import { tiersSlice } from './tiers/slice.js';
import { can } from './tiers/unlocks.js';
import { programmeOverview } from './views/overview.js';
import { partnerView } from './views/partner-view.js';
import type { PartnerView, ProgrammeOverview } from './views/types.js';

/**
 * The slices, in the order each does its part of a phase (the phases are in engine/phases.ts).
 *
 * @internal
 */
export const SLICES = [
  partnersSlice,
  teamSlice,
  tiersSlice,
  commissionsSlice,
  overridesSlice,
  achievementsSlice,
];

/**
 * An engine for one programme, made by `createEngine`: the pure fold over partner events (`apply`,
 * `replay`, `advance`, `batch`) and the queries a host asks of a state (`can`, `progress`,
 * `statement`, `leaderboard`, ...). No call changes the state it is given: the fold returns a new
 * one.
 *
 * @example
 * const engine = createEngine(sisoProgram);
 * const { state, ledger } = engine.replay([
 *   { id: 'e1', type: 'partner.joined', at: '2025-01-02T09:00:00Z', partnerId: 'ana', sponsorId: null },
 *   { id: 'e2', type: 'deal.closed', at: '2025-01-10T09:00:00Z', partnerId: 'ana',
 *     dealId: 'd1', amount: '1000.00', currency: 'USD' },
 * ]);
 * ledger[0]?.amount
 * //=> '200.00'
 * engine.can(state, 'ana', 'dashboard')
 * //=> true
 */
export interface Engine extends EngineCore {
  /** Whether the partner may use the feature now (unlocks are cumulative). */
  can(state: EngineState, partnerId: string, feature: string): boolean;
  /** Progress toward the next tier, derived from the rule itself. */
  progress(state: EngineState, partnerId: string, at?: string): Progress;
  /** The derivation of a ledger entry, in words and data. */
  explain(ledger: readonly LedgerEntry[], entryId: string): Explanation;
  /** A partner's statement for a period: opening balance, entries, payouts, closing balance. */
  statement(
    state: EngineState,
    ledger: readonly LedgerEntry[],
    partnerId: string,
    options?: StatementOptions,
  ): Statement;
  /** Partners ranked for a period (`2025-03`, `2025-Q1`, `2025`, `all-time`) and a metric. */
  leaderboard(state: EngineState, options: LeaderboardOptions): Leaderboard;
  /** One of the programme's `leaderboards`, by id, for its current period or `options.period`. */
  board(state: EngineState, boardId: string, options?: BoardOptions): ProgrammeBoard;
  /** Every leaderboard the programme declares, each for its current period. */
  boards(state: EngineState, options?: Omit<BoardOptions, 'period'>): ProgrammeBoard[];
  /** A partner's team: aggregates, upline, and downline to `depth` levels (default 1). */
  team(state: EngineState, partnerId: string, options?: TeamOptions): Team;
  /** The next payout run and what it would pay the partner. */
  nextPayout(state: EngineState, partnerId: string): NextPayout;
  /**
   * Everything a partner's dashboard shows, as of the state's clock or a later `at`.
   *
   * @example
   * engine.partnerView(state, 'p1').progress.message
   * //=> 'Close 1 more deal to reach Active Partner and its 22 % commission.'
   */
  partnerView(state: EngineState, partnerId: string, options?: ViewOptions): PartnerView;
  /**
   * What a programme manager acts on, as of the state's clock or a later `at`.
   *
   * @example
   * engine.programmeOverview(state).money.owed
   * //=> '1530.00'
   */
  programmeOverview(state: EngineState, options?: ViewOptions): ProgrammeOverview;
}

/** The moment a view (`partnerView`, `programmeOverview`) is of. */
export interface ViewOptions {
  /** The moment to view (ISO-8601): the state's clock by default; a later one runs the time-driven work due first. */
  readonly at?: string;
}

/** Options of `createEngine`. */
export interface CreateEngineOptions {
  /**
   * Custom operators for the programme's rules, added to (and by name over) those it carries
   * from `loadProgram`: how a programme copied with structuredClone or JSON gets its back.
   */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
}

/**
 * An engine for a programme: a pure fold over partner events.
 *
 * @throws {ProgramError} `INVALID_PROGRAM` when a rule names a custom operator that neither the
 *   programme nor `options.operators` provides.
 * @example
 * const engine = createEngine(sisoProgram);
 * const { state, ledger } = engine.replay(events);
 * engine.can(state, 'p1', 'roi-calculator')
 * //=> true
 */
export function createEngine(program: Program, options: CreateEngineOptions = {}): Engine {
  const core = createEngineCore(withOperators(program, options.operators ?? {}), SLICES);
  return {
    ...core,
    // Every query reads its state as apply does: checked once, refused with an EngineError.
    can: (state, partnerId, feature) => can(core.compiled, core.readState(state), partnerId, feature),
    progress: (state, partnerId, at) => progressOf(core.compiled, core.readState(state), partnerId, at),
    explain: (ledger, entryId) => explain(ledger, entryId, program.rounding),
    statement: (state, ledger, partnerId, options) =>
      statement(core.compiled, core.readState(state), ledger, partnerId, options),
    leaderboard: (state, options) => leaderboard(core.compiled, core.readState(state), options),
    board: (state, boardId, options) =>
      programmeBoard(core.compiled, core.readState(state), boardId, options),
    boards: (state, options) => programmeBoards(core.compiled, core.readState(state), options),
    team: (state, partnerId, options) => team(core.compiled, core.readState(state), partnerId, options),
    nextPayout: (state, partnerId) => nextPayout(core.compiled, core.readState(state), partnerId),
    partnerView: (state, partnerId, options = {}) =>
      partnerView(core.compiled, stateAt(core, state, options.at), partnerId),
    programmeOverview: (state, options = {}) =>
      programmeOverview(core.compiled, stateAt(core, state, options.at)),
  };
}

/**
 * The state a view is of: as given, or advanced to a later `at` (the reviews, payout runs and
 * releases due by then done). A view of a time before the state's clock cannot be told from it.
 */
function stateAt(core: EngineCore, given: EngineState, at: string | undefined): EngineState {
  const state = core.readState(given);
  if (at === undefined) return state;
  const instant = parseInstant(at, 'at');
  if (state.clock !== null && instant < state.clock) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `at ${at} is before the state's last event (${new Date(state.clock).toISOString()}); replay with asOf for an earlier view`,
      'at',
    );
  }
  return instant === state.clock ? state : core.advance(state, at).state;
}

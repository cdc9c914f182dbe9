// createEngine: a programme in, a pure event-sourced fold out. apply, replay and advance take a
// state and return a new one with the effects and ledger entries; the input is never changed.
import type { EventError } from '../events/codes.js';
import { type CompiledProgram, compileProgram } from '../program/compile.js';
import type { Program } from '../program/load.js';
import { Draft } from './draft.js';
import { type FoldOutcome, foldEvent, parseWith, sortInputs } from './fold.js';
import type { Effect, LedgerEntry } from './outputs.js';
import { createRuntime, type Outputs, type Runtime, runDueWork, startSchedule } from './runtime.js';
import type { Slice } from './slice.js';
import { type EngineState, initialState } from './state.js';

export type ApplyResult =
  | {
      readonly ok: true;
      readonly state: EngineState;
      readonly effects: readonly Effect[];
      readonly ledger: readonly LedgerEntry[];
      /** 'duplicate' when the same event was applied before: nothing changed. */
      readonly skipped?: 'duplicate';
    }
  | { readonly ok: false; readonly state: EngineState; readonly error: EventError };

export interface Rejection {
  readonly eventId: string | null;
  /** 0-based position in the input. */
  readonly index: number;
  readonly code: EventError['code'];
  readonly path: string;
  readonly message: string;
}

export interface Skip {
  readonly eventId: string;
  readonly index: number;
  readonly reason: 'duplicate' | 'after-as-of';
}

export interface ReplayOptions {
  /** Run time-driven work up to this instant; events after it are skipped. Default: the last event. */
  readonly asOf?: string;
  /** Continue from this state instead of an empty one. */
  readonly state?: EngineState;
  /** Called every `progressEvery` events (default 10,000) with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface ReplayResult {
  readonly asOf: string | null;
  readonly state: EngineState;
  readonly effects: readonly Effect[];
  readonly ledger: readonly LedgerEntry[];
  readonly rejected: readonly Rejection[];
  readonly skipped: readonly Skip[];
}

export interface AdvanceResult {
  readonly state: EngineState;
  readonly effects: readonly Effect[];
  readonly ledger: readonly LedgerEntry[];
}

export interface EngineCore {
  readonly program: Program;
  readonly compiled: CompiledProgram;
  /** The state before any event. */
  initialState(): EngineState;
  /** Applies one event (raw JSON or parsed); a rejected event returns the input state unchanged. */
  apply(state: EngineState, event: unknown): ApplyResult;
  /** Folds a whole stream, sorted by `at` (input order among equal times). */
  replay(events: readonly unknown[], options?: ReplayOptions): ReplayResult;
  /** Runs the time-driven work due up to `at` (reviews, hold periods, payout runs). */
  advance(state: EngineState, at: string): AdvanceResult;
}

export function createEngineCore(program: Program, slices: readonly Slice[]): EngineCore {
  const compiled = compileProgram(program);
  const runtime = createRuntime(compiled, slices);
  const empty = () => initialState(program.id, program.tiers.length);
  return {
    program,
    compiled,
    initialState: empty,
    apply: (state, event) => apply(runtime, state, event),
    replay: (events, options = {}) => replay(runtime, events, options, empty),
    advance: (state, at) => advance(runtime, state, at),
  };
}

function apply(runtime: Runtime, state: EngineState, input: unknown): ApplyResult {
  const draft = new Draft(state);
  const outputs: Outputs = { effects: [], ledger: [] };
  const outcome = foldEvent(runtime, draft, outputs, parseWith(runtime, input), input);
  if (outcome.kind === 'rejected') return { ok: false, state, error: outcome.error };
  if (outcome.kind === 'skipped') return { ok: true, state, effects: [], ledger: [], skipped: 'duplicate' };
  return { ok: true, state: draft.state, effects: outputs.effects, ledger: outputs.ledger };
}

function parseInstant(at: string, what: string): number {
  const instant = Date.parse(at);
  if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(at) || Number.isNaN(instant)) {
    throw new RangeError(`${what} must be an ISO-8601 date-time with an offset or Z; got "${at}"`);
  }
  return instant;
}

function advance(runtime: Runtime, state: EngineState, at: string): AdvanceResult {
  const instant = parseInstant(at, 'advance(at)');
  const draft = new Draft(state);
  const outputs: Outputs = { effects: [], ledger: [] };
  if (draft.state.clock === null) startSchedule(runtime, draft, instant);
  runDueWork(runtime, draft, outputs, instant);
  if (draft.state.clock === null || Date.parse(draft.state.clock) < instant)
    draft.state.clock = new Date(instant).toISOString();
  return { state: draft.state, effects: outputs.effects, ledger: outputs.ledger };
}

function replay(
  runtime: Runtime,
  events: readonly unknown[],
  options: ReplayOptions,
  empty: () => EngineState,
): ReplayResult {
  const asOf = options.asOf === undefined ? null : parseInstant(options.asOf, 'asOf');
  const draft = new Draft(options.state ?? empty());
  const outputs: Outputs = { effects: [], ledger: [] };
  const rejected: Rejection[] = [];
  const skipped: Skip[] = [];
  const sorted = sortInputs(runtime, events);
  let last = Number.NEGATIVE_INFINITY;
  const every = options.progressEvery ?? 10_000;
  sorted.forEach((item, done) => {
    if (options.onProgress && done % every === 0) options.onProgress(done, sorted.length);
    if (asOf !== null && item.instant > asOf && item.parsed.ok) {
      skipped.push({ eventId: item.parsed.event.id, index: item.index, reason: 'after-as-of' });
      return;
    }
    if (item.parsed.ok) last = Math.max(last, item.instant);
    report(foldEvent(runtime, draft, outputs, item.parsed, item.input), item.index, rejected, skipped);
  });
  options.onProgress?.(sorted.length, sorted.length);
  const until = asOf ?? last;
  if (Number.isFinite(until)) {
    runDueWork(runtime, draft, outputs, until);
    if (draft.state.clock !== null && Date.parse(draft.state.clock) < until)
      draft.state.clock = new Date(until).toISOString();
  }
  rejected.sort((a, b) => a.index - b.index);
  skipped.sort((a, b) => a.index - b.index);
  const asOfText = Number.isFinite(until) ? new Date(until).toISOString() : null;
  return {
    asOf: asOfText,
    state: draft.state,
    effects: outputs.effects,
    ledger: outputs.ledger,
    rejected,
    skipped,
  };
}

function report(outcome: FoldOutcome, index: number, rejected: Rejection[], skipped: Skip[]): void {
  if (outcome.kind === 'skipped') skipped.push({ eventId: outcome.eventId, index, reason: 'duplicate' });
  if (outcome.kind === 'rejected') {
    const { code, path, message } = outcome.error;
    rejected.push({ eventId: outcome.eventId, index, code, path, message });
  }
}

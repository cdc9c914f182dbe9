// The engine core: run one accepted event through the slices, or one moment of time-driven work,
// collecting effects and ledger entries. It knows the order of things, never what a slice does.
import type { EventError } from '../events/codes.js';
import type { PartnerEvent } from '../events/parse.js';
import { EVENT_TYPES } from '../events/schema.js';
import { type CompiledProgram, type CompiledVersion, versionAt } from '../program/compile.js';
import { Calendar, periodsEndingAt } from './calendar.js';
import type { Change } from './changes.js';
import type { Draft } from './draft.js';
import type { EffectDraft, LedgerEntry } from './outputs.js';
import { EVENT_PHASES, SETTLE_PHASES, TIME_PHASES, type TimePhase } from './phases.js';
import type { Context, EventOf, Slice } from './slice.js';
import type { Schedule } from './state.js';
import { Touched } from './touched.js';

/** Effects and entries gathered while a draft is worked on. */
export interface Outputs {
  readonly effects: { push(effect: EffectDraft): unknown };
  readonly ledger: { push(entry: LedgerEntry): unknown };
}

type Work = (context: Context, event: PartnerEvent) => void;
type Check = (context: Context, event: PartnerEvent) => EventError | null;

/**
 * The order of work for each event type, laid out once when the engine is made: every slice's
 * checks and its part of each phase in the order phases.ts and the slice list give, so folding an
 * event runs a list instead of asking every slice about every phase.
 */
interface Plan {
  readonly before: readonly Check[];
  /** The refusals judged on what holds at the event's time (`checkNow`), if any. */
  readonly now: readonly Check[];
  /** Whether every slice with such a refusal says time-driven work only eases it (`easedByTime`). */
  readonly easedByTime: boolean;
  readonly work: readonly Work[];
}

export interface Runtime {
  readonly compiled: CompiledProgram;
  readonly calendar: Calendar;
  readonly slices: readonly Slice[];
  /** Each event type's checks and work, in order (see Plan). */
  readonly plans: Readonly<Record<PartnerEvent['type'], Plan>>;
  /** The settling work (SETTLE_PHASES), in order. */
  readonly settling: readonly ((context: Context) => void)[];
}

export function createRuntime(compiled: CompiledProgram, slices: readonly Slice[]): Runtime {
  const calendar = new Calendar(compiled.program.timeZone);
  const plans = Object.fromEntries(EVENT_TYPES.map((type) => [type, planOf(slices, type)])) as Record<
    PartnerEvent['type'],
    Plan
  >;
  const settling = SETTLE_PHASES.flatMap((phase) =>
    slices.flatMap((slice) => slice.phases?.[phase]?.each ?? []),
  );
  return { compiled, calendar, slices, plans, settling };
}

function planOf(slices: readonly Slice[], type: PartnerEvent['type']): Plan {
  const checks = (when: 'check' | 'checkNow') =>
    slices.flatMap((slice) => handlerOf<EventError | null>(slice[when], type) ?? []);
  const work = EVENT_PHASES.flatMap((phase) =>
    slices.flatMap((slice): Work[] => {
      const part = slice.phases?.[phase];
      if (!part) return [];
      const on = handlerOf<void>(part.on, type);
      return [...(on ? [on] : []), ...(part.each ? [part.each] : [])];
    }),
  );
  const easedByTime = slices.every(
    (slice) => handlerOf(slice.checkNow, type) === undefined || slice.easedByTime?.includes(type) === true,
  );
  return { before: checks('check'), now: checks('checkNow'), easedByTime, work };
}

/** The context of one event or one moment of time-driven work: plain fields and shared methods, no closures. */
class WorkContext implements Context {
  readonly compiled: CompiledProgram;
  readonly version: CompiledVersion;
  readonly calendar: Calendar;
  readonly touched = new Touched();

  constructor(
    private readonly runtime: Runtime,
    readonly draft: Draft,
    private readonly outputs: Outputs,
    readonly instant: number,
    readonly eventId: string | null,
    private written: string | null,
  ) {
    this.compiled = runtime.compiled;
    this.version = versionAt(runtime.compiled, instant);
    this.calendar = runtime.calendar;
  }

  /** The instant as ISO-8601 text: the event's own, or made when time-driven work first asks. */
  get at(): string {
    this.written ??= new Date(this.instant).toISOString();
    return this.written;
  }

  announce(change: Change): void {
    for (const slice of this.runtime.slices) {
      const react = slice.reactsTo?.[change.type] as ((context: Context, change: Change) => void) | undefined;
      react?.(this, change);
    }
  }

  emit(effect: EffectDraft): void {
    this.outputs.effects.push(effect);
  }

  record(entry: LedgerEntry): void {
    this.outputs.ledger.push(entry);
  }
}

export function createContext(
  runtime: Runtime,
  draft: Draft,
  outputs: Outputs,
  instant: number,
  eventId: string | null,
  at: string | null = null,
): Context {
  return new WorkContext(runtime, draft, outputs, instant, eventId, at);
}

type Handler<R> = (context: Context, event: PartnerEvent) => R;

function handlerOf<R>(
  handlers: { readonly [T in PartnerEvent['type']]?: (context: Context, event: EventOf<T>) => R } | undefined,
  type: PartnerEvent['type'],
): Handler<R> | undefined {
  return handlers?.[type] as Handler<R> | undefined;
}

/**
 * The first slice check that refuses the event, or null when every slice accepts it: `before`
 * the time-driven work due by the event's time (`check`), or `now`, after it (`checkNow`).
 */
export function checkEvent(runtime: Runtime, context: Context, event: PartnerEvent, when: 'before' | 'now') {
  const checks = runtime.plans[event.type][when];
  for (let index = 0; index < checks.length; index++) {
    const error = (checks[index] as Check)(context, event);
    if (error) return error;
  }
  return null;
}

/** Applies an accepted event: each phase in order, each slice's part of it in slice order. */
export function applyEvent(runtime: Runtime, context: Context, event: PartnerEvent): void {
  const { work } = runtime.plans[event.type];
  for (let index = 0; index < work.length; index++) (work[index] as Work)(context, event);
  if (runtime.compiled.tierRulesReadLateFacts) settle(runtime, context);
}

/** Settles what changed for the context's touched partners: promotions, top-ups, badges. */
function settle(runtime: Runtime, context: Context): void {
  const { settling } = runtime;
  for (let index = 0; index < settling.length; index++)
    (settling[index] as (context: Context) => void)(context);
}

/**
 * Runs the time-driven work due at or before `until`, earliest first; at one instant, in the
 * order of TIME_PHASES. Says whether there was any.
 */
export function runDueWork(runtime: Runtime, draft: Draft, outputs: Outputs, until: number): boolean {
  const { state } = draft;
  if (state.schedule === null) return false;
  for (let worked = false; ; worked = true) {
    const phase = nextDue(draft, state.schedule);
    const next = dueAt(draft, state.schedule, phase);
    if (next > until) return worked;
    const context = createContext(runtime, draft, outputs, next, null);
    runTimePhase(runtime, draft, context, phase);
    // What the time-driven work changed is settled at once.
    settle(runtime, context);
    state.clock = next;
  }
}

/** When a kind of time-driven work is next due. */
function dueAt(draft: Draft, schedule: Schedule, phase: TimePhase): number {
  switch (phase) {
    case 'holdEnded':
      return draft.nextHold()?.releaseAt ?? Number.POSITIVE_INFINITY;
    case 'periodsEnded':
      return schedule.nextPeriodEnd;
    case 'payoutRun':
      return schedule.nextPayoutRun;
    default: {
      const unknown: never = phase;
      throw new Error(`internal: time phase ${String(unknown)}`);
    }
  }
}

/** The kind of time-driven work due first; at one instant, the first of TIME_PHASES. */
function nextDue(draft: Draft, schedule: Schedule): TimePhase {
  let first: TimePhase = TIME_PHASES[0];
  let firstAt = dueAt(draft, schedule, first);
  for (let index = 1; index < TIME_PHASES.length; index++) {
    const phase = TIME_PHASES[index] as TimePhase;
    const at = dueAt(draft, schedule, phase);
    if (at < firstAt) {
      first = phase;
      firstAt = at;
    }
  }
  return first;
}

/** Whether any time-driven work is due at or before `until`. */
export function workDueBy(draft: Draft, until: number): boolean {
  const { schedule } = draft.state;
  if (schedule === null) return false;
  return dueAt(draft, schedule, nextDue(draft, schedule)) <= until;
}

function runTimePhase(runtime: Runtime, draft: Draft, context: Context, phase: TimePhase): void {
  const schedule = draft.state.schedule as Schedule;
  const { calendar } = runtime;
  switch (phase) {
    case 'holdEnded': {
      const hold = draft.nextHold();
      draft.shiftHold();
      const deal = hold && draft.deal(hold.dealId);
      if (deal) for (const slice of runtime.slices) slice.holdEnded?.(context, deal);
      return;
    }
    case 'periodsEnded': {
      const ended = periodsEndingAt(calendar, context.instant);
      for (const slice of runtime.slices) slice.periodsEnded?.(context, ended);
      draft.state.schedule = { ...schedule, nextPeriodEnd: calendar.nextMonthStart(context.instant) };
      return;
    }
    case 'payoutRun': {
      for (const slice of runtime.slices) slice.payoutRun?.(context);
      const day = context.version.payouts.dayOfMonth;
      draft.state.schedule = { ...schedule, nextPayoutRun: calendar.nextPayoutRun(context.instant, day) };
      return;
    }
    default: {
      const unknown: never = phase;
      throw new Error(`internal: time phase ${String(unknown)}`);
    }
  }
}

/** Starts the calendar at the first event: the first period end and payout run after it. */
export function startSchedule(runtime: Runtime, draft: Draft, instant: number): void {
  if (draft.state.schedule !== null) return;
  const day = versionAt(runtime.compiled, instant).payouts.dayOfMonth;
  draft.state.schedule = {
    nextPeriodEnd: runtime.calendar.nextMonthStart(instant),
    nextPayoutRun: runtime.calendar.nextPayoutRun(instant, day),
  };
}

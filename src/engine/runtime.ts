// The engine core: run one accepted event through the slices, or one moment of time-driven work,
// collecting effects and ledger entries. It knows the order of things, never what a slice does.
import type { PartnerEvent } from '../events/parse.js';
import { type CompiledProgram, versionAt } from '../program/compile.js';
import { Calendar, periodsEndingAt } from './calendar.js';
import type { Draft } from './draft.js';
import type { EffectDraft, LedgerEntry } from './outputs.js';
import type { Context, EventOf, Slice } from './slice.js';
import type { Schedule } from './state.js';

/** Effects and entries gathered while a draft is worked on. */
export interface Outputs {
  readonly effects: { push(effect: EffectDraft): unknown };
  readonly ledger: { push(entry: LedgerEntry): unknown };
}

export interface Runtime {
  readonly compiled: CompiledProgram;
  readonly calendar: Calendar;
  readonly slices: readonly Slice[];
}

export function createRuntime(compiled: CompiledProgram, slices: readonly Slice[]): Runtime {
  return { compiled, calendar: new Calendar(compiled.program.timeZone), slices };
}

export function createContext(
  runtime: Runtime,
  draft: Draft,
  outputs: Outputs,
  instant: number,
  eventId: string | null,
  at: string = new Date(instant).toISOString(),
): Context {
  return {
    compiled: runtime.compiled,
    version: versionAt(runtime.compiled, instant),
    calendar: runtime.calendar,
    draft,
    at,
    instant,
    eventId,
    touched: new Set(),
    emit: (effect) => outputs.effects.push(effect),
    record: (entry) => outputs.ledger.push(entry),
  };
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
  for (const slice of runtime.slices) {
    const handlers = when === 'before' ? slice.check : slice.checkNow;
    const error = handlerOf(handlers, event.type)?.(context, event);
    if (error) return error;
  }
  return null;
}

/** Applies an accepted event: every slice's handler, then its after-event step, in slice order. */
export function applyEvent(runtime: Runtime, context: Context, event: PartnerEvent): void {
  for (const slice of runtime.slices) {
    handlerOf(slice.on, event.type)?.(context, event);
    slice.afterEvent?.(context);
  }
}

/**
 * Runs the time-driven work due at or before `until`, earliest first; at one instant, hold
 * periods ending, then period ends, then payout runs. Says whether there was any.
 */
export function runDueWork(runtime: Runtime, draft: Draft, outputs: Outputs, until: number): boolean {
  const { state } = draft;
  if (state.schedule === null) return false;
  for (let worked = false; ; worked = true) {
    const schedule: Schedule = state.schedule;
    const hold = draft.nextHold();
    const holdAt = hold ? Date.parse(hold.releaseAt) : Number.POSITIVE_INFINITY;
    const periodAt = Date.parse(schedule.nextPeriodEnd);
    const payoutAt = Date.parse(schedule.nextPayoutRun);
    const next = Math.min(holdAt, periodAt, payoutAt);
    if (next > until) return worked;
    const context = createContext(runtime, draft, outputs, next, null);
    if (hold && holdAt === next) {
      draft.shiftHold();
      const deal = draft.deal(hold.dealId);
      if (deal) for (const slice of runtime.slices) slice.holdEnded?.(context, deal);
    } else if (periodAt === next) {
      const ended = periodsEndingAt(runtime.calendar, next);
      for (const slice of runtime.slices) slice.periodsEnded?.(context, ended);
      state.schedule = {
        ...schedule,
        nextPeriodEnd: new Date(runtime.calendar.nextMonthStart(next)).toISOString(),
      };
    } else {
      for (const slice of runtime.slices) slice.payoutRun?.(context);
      const day = context.version.payouts.dayOfMonth;
      state.schedule = {
        ...schedule,
        nextPayoutRun: new Date(runtime.calendar.nextPayoutRun(next, day)).toISOString(),
      };
    }
    state.clock = context.at;
  }
}

/** Starts the calendar at the first event: the first period end and payout run after it. */
export function startSchedule(runtime: Runtime, draft: Draft, instant: number): void {
  if (draft.state.schedule !== null) return;
  const day = versionAt(runtime.compiled, instant).payouts.dayOfMonth;
  draft.state.schedule = {
    nextPeriodEnd: new Date(runtime.calendar.nextMonthStart(instant)).toISOString(),
    nextPayoutRun: new Date(runtime.calendar.nextPayoutRun(instant, day)).toISOString(),
  };
}

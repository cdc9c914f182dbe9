// One programme over the shared events: a batch whose entries and effects go straight into a
// tally (never kept), the as-of rule of replay (events after it skipped; the time-driven work run
// up to it, or to the last accepted event), then the partners' summaries for where they ended.
// Only the entries of one partner are kept, when a delta is to be explained.
import { createEngine } from '../create-engine.js';
import type { LedgerEntry } from '../engine/outputs.js';
import type { PartnerEvent } from '../events/types.js';
import type { Program } from '../program/load.js';
import { partnerSummaries } from '../reports/run-report.js';
import { MonthKeys } from './month-keys.js';
import type { OrderedEvents } from './ordered-events.js';
import type { RunOutcome } from './outcome.js';
import { RunTally } from './tally.js';

export interface RunProgramOptions {
  /** ISO-8601; already checked. */
  readonly asOf?: string | undefined;
  /** The zone months are keyed in (the baseline's, so every run's months line up). */
  readonly timeZone: string;
  /** Keep this partner's ledger entries. */
  readonly partnerId?: string | undefined;
}

export interface ProgramRun {
  readonly outcome: RunOutcome;
  /** The ledger entries of `partnerId`, in the order they happened (empty without it). */
  readonly partnerEntries: readonly LedgerEntry[];
}

/**
 * Runs the programme over the events and sums what it costs.
 *
 * @example
 * runProgram(sisoProgram, prepareEvents(events, sisoProgram.currency), { timeZone: 'UTC' }).outcome.total
 * //=> '1180.00'
 */
export function runProgram(program: Program, events: OrderedEvents, options: RunProgramOptions): ProgramRun {
  const engine = createEngine(program);
  const tally = new RunTally(program, new MonthKeys(options.timeZone));
  const partnerEntries: LedgerEntry[] = [];
  const batch = engine.batch(undefined, {
    onEntry: (entry) => {
      tally.entry(entry);
      if (entry.partnerId === options.partnerId) partnerEntries.push(entry);
    },
    onEffect: (effect) => tally.effect(effect),
  });
  const asOf = options.asOf === undefined ? null : Date.parse(options.asOf);
  let last = Number.NEGATIVE_INFINITY;
  events.forEach((input, index, instant) => {
    const id = input !== null && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
    if (asOf !== null && instant > asOf && typeof id === 'string') {
      batch.skipAfterAsOf(id, index);
      return;
    }
    const outcome = batch.apply(input, index);
    if (outcome.kind === 'rejected') {
      tally.rejectedEvent(outcome.error.code);
      return;
    }
    // As replay: a duplicate skipped moves the default as-of time too, a rejection never does.
    last = Math.max(last, instant);
    if (outcome.kind === 'applied') tally.accepted(input as PartnerEvent);
  });
  const until = asOf ?? last;
  const asOfText = Number.isFinite(until) ? new Date(until).toISOString() : null;
  if (asOfText !== null) batch.advance(asOfText);
  const { state } = batch.result();
  return { outcome: tally.outcome(asOfText, partnerSummaries(engine.compiled, state)), partnerEntries };
}

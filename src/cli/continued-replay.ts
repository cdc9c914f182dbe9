// A replay that starts from a saved run (--state) or keeps one (--save-state). With --state, the
// events given must begin with exactly the events the saved run covers (checked by a digest of
// their text); those are not replayed again: their state, entries, effects, rejections and skips
// come from the file, and only the events after them, if any, are replayed from its state. That
// gives the answer a replay of the whole file gives only when none of the new events is earlier
// than the saved run reached, so an earlier one is refused rather than answered differently.
import { createHash, type Hash } from 'node:crypto';
import { instantOf } from '../engine/fold.js';
import type { Effect, EventSource as EngineEventSource, LedgerEntry, ReplayResult } from '../index.js';
import { programDigest } from '../reports/reproducibility.js';
import { IndexedEvents } from './event-index.js';
import { CliError, eventsFileName } from './io.js';
import {
  DISCARD,
  type EventSource,
  eventCount,
  type OpenedInput,
  type ProgressOptions,
  type ReplayedFile,
  type ReplayFileOptions,
  type ReplaySinks,
  replaySource,
  withUnparsable,
} from './replay.js';
import { type EventsCovered, SavedRunRecorder } from './saved-run.js';
import type { SavedOutcome, SavedRun } from './saved-run-reader.js';
import { printable } from './text-table.js';

const COUNT = new Intl.NumberFormat('en-US');

/**
 * Replays an opened input from the saved run of `options.state` (or from nothing), and writes a
 * saved run to `options.saveState` when given. The result is the whole run's, as a replay of
 * every event would give it; its `rejected` already includes the lines that are not JSON.
 *
 * @throws {CliError} exit 2 when the saved run cannot be used for these events, programme and
 *   as-of time, or the new saved run cannot be written there.
 */
export function replayContinued(
  input: OpenedInput,
  options: ReplayFileOptions,
  sinks: ReplaySinks,
  progress: ProgressOptions = {},
): ReplayedFile {
  const { saved } = input;
  let recorder: SavedRunRecorder | null = null;
  try {
    const at = asOfFor(options.at, saved);
    recorder = options.saveState === undefined ? null : SavedRunRecorder.create(options.saveState);
    const covered = coverEvents(input.events, saved, eventsFileName(options.events));
    // The new events are checked before the saved run is read: a refusal comes at once.
    const newEvents = eventsAfter(input, saved);
    const run = new RunParts(sinks, recorder);
    const prefix = saved?.load(input.engine, run.loadSinks()) ?? null;
    const tail = replayTail(input.engine, newEvents, prefix, at, run.replaySinks(), progress);
    const result = run.result(saved, prefix, tail, at === undefined, input.unparsable);
    recorder?.save({
      program: programDigest('programme', input.program),
      events: covered,
      at: at ?? null,
      asOf: result.asOf,
      state: result.state,
      rejected: result.rejected,
      skipped: result.skipped,
    });
    return {
      program: input.program,
      engine: input.engine,
      result,
      unparsable: [],
      eventCount: covered.count,
    };
  } finally {
    recorder?.close();
  }
}

/** The as-of time of a run from a saved one: the one it was saved with, and no other. */
function asOfFor(given: string | undefined, saved: SavedRun | null): string | undefined {
  if (saved === null) return given;
  const { at } = saved.header;
  if (given === undefined) return at ?? undefined;
  if (at !== null && Date.parse(at) === Date.parse(given)) return given;
  throw new CliError(
    `--at ${given}: state file "${saved.path}" was saved as of ${at === null ? 'its last event' : `--at ${at}`}; another as-of time needs a replay without --state`,
  );
}

/** The events' digest and latest time; with a saved run, the check that they begin with its events. */
function coverEvents(events: EventSource, saved: SavedRun | null, what: string): EventsCovered {
  const total = eventCount(events);
  const covers = saved?.header.events.count ?? 0;
  if (saved !== null && total < covers)
    throw new CliError(
      `${what} ${what.startsWith('the events') ? 'hold' : 'holds'} ${COUNT.format(total)} events, fewer than the ${COUNT.format(covers)} state file "${saved.path}" was saved from; replay without --state`,
    );
  const hash = createHash('sha256');
  for (let index = 0; index <= total; index++) {
    if (saved !== null && index === covers) mustBegin(hash, saved, what);
    if (index < total) hash.update(textOf(events, index)).update('\n');
  }
  // With a saved run, the events it covers were not parsed: their latest time is the saved one.
  const latest = Math.max(latestOf(events), instantOrNone(saved?.header.events.latest));
  return {
    count: total,
    sha256: hash.digest('hex'),
    latest: Number.isFinite(latest) ? new Date(latest).toISOString() : null,
  };
}

function mustBegin(hash: Hash, saved: SavedRun, what: string): void {
  if (hash.copy().digest('hex') === saved.header.events.sha256) return;
  const count = COUNT.format(saved.header.events.count);
  throw new CliError(
    `${what} does not begin with the ${count} events state file "${saved.path}" was saved from (their text differs); replay without --state`,
  );
}

/** An event's text as the digest reads it: its NDJSON line as written, or an element's JSON. */
function textOf(events: EventSource, index: number): Buffer | string {
  if (events instanceof IndexedEvents) return events.text(index);
  return JSON.stringify(events[index]) ?? 'null';
}

function eventAt(events: EventSource, index: number): unknown {
  return events instanceof IndexedEvents ? events.event(index) : events[index];
}

function latestOf(events: EventSource): number {
  if (events instanceof IndexedEvents) return events.latest;
  let latest = Number.NEGATIVE_INFINITY;
  for (const event of events) latest = Math.max(latest, instantOf(event));
  return latest;
}

/** What the replay of the events after the saved run gave, with indexes in the whole input. */
interface TailResult {
  readonly result: ReplayResult;
  readonly from: number;
}

/** The events to replay after the saved ones, from input index `from`; null when there are none. */
interface NewEvents {
  readonly events: EventSource | EngineEventSource;
  readonly from: number;
}

function eventsAfter(input: OpenedInput, saved: SavedRun | null): NewEvents | null {
  if (saved === null) return { events: input.events, from: 0 };
  const from = saved.header.events.count;
  if (from === eventCount(input.events)) return null;
  return { events: tailOf(input.events, from, saved), from };
}

function replayTail(
  engine: OpenedInput['engine'],
  newEvents: NewEvents | null,
  prefix: SavedOutcome | null,
  at: string | undefined,
  sinks: ReplaySinks,
  progress: ProgressOptions,
): TailResult | null {
  if (newEvents === null) return null;
  const options = { ...sinks, ...(at === undefined ? {} : { asOf: at }) };
  const state = prefix?.state;
  return {
    result: replaySource(engine, newEvents.events, state ? { ...options, state } : options, progress),
    from: newEvents.from,
  };
}

/**
 * The events from `from` on, in replay order, checked not to be earlier than anything the saved
 * run reached: its latest event (accepted or not) and its as-of time.
 */
function tailOf(events: EventSource, from: number, saved: SavedRun): EngineEventSource {
  const count = eventCount(events) - from;
  const instants = new Float64Array(count);
  for (let index = 0; index < count; index++) instants[index] = instantOf(eventAt(events, from + index));
  const reached = Math.max(...[saved.header.events.latest, saved.header.asOf].map(instantOrNone));
  const early = instants.findIndex((instant) => Number.isFinite(instant) && instant < reached);
  if (early !== -1) {
    const event = eventAt(events, from + early) as { id?: unknown; at?: unknown };
    throw new CliError(
      `event ${printable(String(event.id))} (index ${from + early}) at ${printable(String(event.at))} is earlier than where state file "${saved.path}" stops (${new Date(reached).toISOString()}), so it cannot be added to it; replay without --state`,
    );
  }
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  order.sort((a, b) => (instants[a] as number) - (instants[b] as number) || a - b);
  return { count, replayOrder: () => order, event: (index) => eventAt(events, from + index) };
}

function instantOrNone(text: string | null | undefined): number {
  return text === null || text === undefined ? Number.NEGATIVE_INFINITY : Date.parse(text);
}

/**
 * The sinks of a continued run (the caller's, the recorder's, or lists kept for the result) and
 * the whole run's result put together from the saved part and the replayed one.
 */
class RunParts {
  private readonly ledger: LedgerEntry[] = [];
  private readonly effects: Effect[] = [];
  private readonly onEntry: ((entry: LedgerEntry) => void) | undefined;
  private readonly onEffect: ((effect: Effect) => void) | undefined;

  constructor(sinks: ReplaySinks, recorder: SavedRunRecorder | null) {
    this.onEntry = joined(sinks.onEntry, this.ledger, recorder && ((entry) => recorder.entry(entry)));
    this.onEffect = joined(sinks.onEffect, this.effects, recorder && ((effect) => recorder.effect(effect)));
  }

  /** For the saved run: a kind nobody wants is skipped unread. */
  loadSinks() {
    return { onEntry: this.onEntry, onEffect: this.onEffect };
  }

  replaySinks(): ReplaySinks {
    return { onEntry: this.onEntry ?? DISCARD, onEffect: this.onEffect ?? DISCARD };
  }

  result(
    saved: SavedRun | null,
    prefix: SavedOutcome | null,
    tail: TailResult | null,
    defaultAsOf: boolean,
    unparsable: OpenedInput['unparsable'],
  ): ReplayResult {
    const replayed = tail?.result;
    const from = tail?.from ?? 0;
    const shifted = <T extends { index: number }>(list: readonly T[]) =>
      list.map((each) => ({ ...each, index: each.index + from }));
    const rejected = replayed
      ? withUnparsable(
          shifted(replayed.rejected),
          unparsable.filter((line) => line.index >= from),
        )
      : [];
    return {
      asOf: asOfOf(saved?.header.asOf ?? null, replayed?.asOf ?? null, defaultAsOf),
      state: replayed?.state ?? (prefix as SavedOutcome).state,
      effects: this.effects,
      ledger: this.ledger,
      rejected: [...(prefix?.rejected ?? []), ...rejected],
      skipped: [...(prefix?.skipped ?? []), ...shifted(replayed?.skipped ?? [])],
    };
  }
}

/** The caller's sink (DISCARD: nobody's) with the recorder's, or a list kept for the result. */
function joined<T>(
  own: ((value: T) => void) | undefined,
  kept: T[],
  record: ((value: T) => void) | null,
): ((value: T) => void) | undefined {
  const mine = own ?? ((value: T) => kept.push(value));
  if (record === null) return mine === DISCARD ? undefined : mine;
  if (mine === DISCARD) return record;
  return (value) => {
    record(value);
    mine(value);
  };
}

/** The whole run's as-of time: the replayed part's when it has one (never earlier), else the saved one. */
function asOfOf(saved: string | null, replayed: string | null, defaultAsOf: boolean): string | null {
  if (!defaultAsOf) return replayed ?? saved;
  if (saved === null || replayed === null) return replayed ?? saved;
  return Date.parse(replayed) >= Date.parse(saved) ? replayed : saved;
}

// engine.replay for events read back from an index (see event-index.ts): the same fold, through
// the engine's public Batch, in the engine's replay order, so the file's events are never held
// together. What engine.replay does, this does, step for step: the as-of time checked first,
// events after it skipped, the rest applied with their input index, and the time-driven work run
// up to the as-of time or the last accepted event. test/cli/run.unit.test.ts pins the two together.
import { parseInstant } from '../engine/batch.js';
import { instantOf } from '../engine/fold.js';
import type { Engine, ReplayOptions, ReplayResult } from '../index.js';
import type { IndexedEvents } from './event-index.js';

/** engine.replay's default for how often onProgress is called. */
const PROGRESS_EVERY = 10_000;

/** engine.replay's options but `state`: an indexed replay starts from the programme's empty state. */
export type IndexedReplayOptions = Omit<ReplayOptions, 'state'>;

/**
 * Replays indexed events as engine.replay replays the same events held in an array.
 *
 * @throws {EngineError} INVALID_ARGUMENT for an as-of time outside the supported range, before
 *   any event is read.
 * @example
 * replayIndexed(engine, openEventsFile('events.ndjson'), { asOf: '2025-04-01T00:00:00Z' }).asOf
 * //=> '2025-04-01T00:00:00.000Z'
 */
export function replayIndexed(
  engine: Engine,
  events: IndexedEvents,
  options: IndexedReplayOptions = {},
): ReplayResult {
  const asOf = options.asOf === undefined ? null : parseInstant(options.asOf, 'asOf');
  const batch = engine.batch(undefined, { onEffect: options.onEffect, onEntry: options.onEntry });
  const every = options.progressEvery ?? PROGRESS_EVERY;
  let last = Number.NEGATIVE_INFINITY;
  let done = 0;
  for (const index of events.replayOrder()) {
    if (options.onProgress && done % every === 0) options.onProgress(done, events.count);
    done++;
    const input = events.event(index);
    const instant = instantOf(input);
    const id = idOf(input);
    if (asOf !== null && id !== null && instant > asOf) {
      batch.skipAfterAsOf(id, index);
      continue;
    }
    // A rejected event, whatever its time, moves nothing (not even the work run at the end).
    if (batch.apply(input, index).kind !== 'rejected') last = Math.max(last, instant);
  }
  options.onProgress?.(events.count, events.count);
  const until = asOf ?? last;
  if (!Number.isFinite(until)) return { asOf: null, ...batch.result() };
  const at = new Date(until).toISOString();
  batch.advance(at);
  return { asOf: at, ...batch.result() };
}

/** The id an event after the as-of time is skipped under: any string (engine.replay's rule). */
function idOf(input: unknown): string | null {
  const id = input !== null && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

// A partner programme behind a host's storage: the engine composed with the ports. `ingest`
// decides on the state in memory (a pure fold), then appends the accepted events with the effects
// and entries they caused in one transaction; a conflict with another writer catches up and
// decides again, a bounded number of times. On start it loads the snapshot and replays the tail.
import type { Engine } from '../create-engine.js';
import type { Rejection, Skip } from '../engine/batch.js';
import { replayOrder } from '../engine/fold.js';
import type { Effect, LedgerEntry } from '../engine/outputs.js';
import type { EngineState } from '../engine/state.js';
import { ConflictError, checkCount, StoreError } from './errors.js';
import type { OutboxItem, ProgrammeStore } from './types.js';

/** What `createPartnerProgramme` composes: an engine, a store and how often to snapshot and retry. */
export interface PartnerProgrammeOptions {
  /** The engine of the programme the store's history was written under. */
  readonly engine: Engine;
  /** Where the events, snapshot, outbox and ledger are kept (`memoryStore()`, `postgresStore(...)`). */
  readonly store: ProgrammeStore;
  /** Save a snapshot once this many events were appended since the last one (default 1,000). */
  readonly snapshotEvery?: number;
  /** How many times an ingest decides again after a conflict before giving up (default 3). */
  readonly retries?: number;
}

/** What one `ingest` stored and what it refused or left out. */
export interface IngestResult {
  /** The stream's version after the append: how many events are stored. */
  readonly version: number;
  /** How many of the given events were stored (rejected and duplicate ones are not). */
  readonly appended: number;
  /** The effects the stored events caused, added to the outbox in the same transaction. */
  readonly effects: readonly Effect[];
  /** The ledger entries the stored events caused, booked in the same transaction. */
  readonly ledger: readonly LedgerEntry[];
  /** `index` is the event's position in the array given to `ingest`. */
  readonly rejected: readonly Rejection[];
  /** Events left out as duplicates of one stored or earlier in the array (`index` as in `rejected`). */
  readonly skipped: readonly Skip[];
  /**
   * Set when the events were stored but the snapshot due after them could not be saved: nothing
   * is lost (a restart replays them from the last snapshot), and the next ingest tries again.
   */
  readonly snapshotError?: unknown;
}

/** The time-driven work `advance` shows: nothing of it is stored or put in the outbox. */
export interface AdvanceView {
  /** The state with the time-driven work due up to `at` done (the service's own state is unchanged). */
  readonly state: EngineState;
  /** The effects that work causes (payout runs, review outcomes), not added to the outbox. */
  readonly effects: readonly Effect[];
  /** The ledger entries that work books, not stored. */
  readonly ledger: readonly LedgerEntry[];
}

/** What one `deliver` call did with the effects it claimed. */
export interface DeliveryReport {
  /** Effects the handler accepted, now marked delivered. */
  readonly delivered: number;
  /** Effects whose handler threw: left in the outbox for the next delivery. */
  readonly failed: readonly {
    /** The effect's id. */
    readonly id: string;
    /** What the handler threw. */
    readonly error: unknown;
  }[];
}

/**
 * The host's handler for one effect: returning (or resolving) marks it delivered, throwing leaves
 * it in the outbox. `item.attempts` tells how many times it was handed out before.
 */
export type Deliver = (effect: Effect, item: OutboxItem) => void | Promise<void>;

/** A programme over a store: its state in memory, kept in step with the stored history. */
export interface PartnerProgramme {
  /** The engine it was created with, for the queries on `state()`. */
  readonly engine: Engine;
  /** The state of every event stored up to `version()`, as this process last saw them. */
  state(): EngineState;
  /** How many stored events `state()` covers. */
  version(): number;
  /**
   * Folds `events` (sorted by `at`, input order among equal times) into the state and stores the
   * accepted ones with their effects and entries in one transaction.
   *
   * @throws {StoreError} CONFLICT_RETRIES_EXHAUSTED when every retry met another writer's append.
   */
  ingest(events: readonly unknown[]): Promise<IngestResult>;
  /** Reads what other writers appended since this process last looked, and returns the new version. */
  refresh(): Promise<number>;
  /**
   * The state with the time-driven work due up to `at` done (payouts due, reviews), to show; the
   * stored history and the outbox are not changed. Those effects reach the outbox with the first
   * event stored after their moment, which does the same work, with the same ids: had an effect
   * gone out from here, an event dated before its moment (a refund) could still change it.
   */
  advance(at: string): Promise<AdvanceView>;
  /**
   * Hands up to `limit` undelivered effects (default 100) to `deliver`, one at a time, and marks
   * each delivered once `deliver` returns. A process that stops in between hands the effect out
   * again: delivery is at least once, and `deliver` recognises a repeat by the effect's `id`.
   */
  deliver(deliver: Deliver, options?: { readonly limit?: number }): Promise<DeliveryReport>;
  /** Saves a snapshot of the state now. */
  snapshot(): Promise<void>;
  /** The partner's stored ledger entries, for `engine.statement` and `engine.explain`. */
  entries(partnerId: string): Promise<readonly LedgerEntry[]>;
}

/**
 * Starts a programme over a store: loads the latest snapshot (refused with an EngineError when it
 * is of another programme, another format, or corrupt) and replays the events after it.
 *
 * @example
 * const programme = await createPartnerProgramme({ engine: createEngine(sisoProgram), store: memoryStore() });
 * await programme.ingest([
 *   { id: 'e1', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p1', sponsorId: null },
 * ]); //=> { version: 1, appended: 1, rejected: [], ... }
 * programme.engine.progress(programme.state(), 'p1').tier.id //=> 'starter'
 */
export async function createPartnerProgramme(options: PartnerProgrammeOptions): Promise<PartnerProgramme> {
  const { engine, store } = options;
  const snapshotEvery = checkCount(options.snapshotEvery ?? 1_000, 'snapshotEvery', 1);
  const retries = checkCount(options.retries ?? 3, 'retries');
  const saved = await store.snapshots.load();
  let state = saved === undefined ? engine.initialState() : engine.readState(saved.state);
  let version = saved === undefined ? 0 : checkCount(saved.position, 'snapshot.position');
  let snapshotAt = version;
  const stored = await store.events.version();
  if (stored < version) {
    throw new StoreError(
      'CORRUPT_STORE',
      `the snapshot covers ${version} events, but the event store holds ${stored}: they are not of one history`,
      'snapshot.position',
    );
  }

  const catchUp = async (): Promise<void> => {
    const batch = engine.batch(state);
    let position = version;
    for await (const stored of store.events.read(version)) {
      if (stored.position !== position + 1) {
        throw new StoreError(
          'CORRUPT_STORE',
          `expected the event at position ${position + 1}, read ${stored.position}`,
          'position',
        );
      }
      const outcome = batch.apply(stored.event, position);
      if (outcome.kind === 'rejected') {
        // A stored event was accepted once under this programme; refusing it now means the store
        // holds another history than this engine's.
        throw new StoreError(
          'CORRUPT_STORE',
          `the stored event at position ${stored.position} is refused: ${outcome.error.message}`,
          `events[${stored.position}]`,
        );
      }
      position = stored.position;
    }
    state = batch.result().state;
    version = position;
  };

  const saveSnapshot = async (): Promise<void> => {
    const covered = version;
    await store.snapshots.save({ position: covered, state: JSON.parse(JSON.stringify(state)) });
    snapshotAt = covered;
  };

  await catchUp();

  const decide = (events: readonly unknown[]) => {
    const batch = engine.batch(state);
    const accepted: unknown[] = [];
    for (const index of replayOrder(events)) {
      const event = events[index];
      if (batch.apply(event, index).kind === 'applied') accepted.push(event);
    }
    return { accepted, ...batch.result() };
  };

  // One change of the state at a time: an ingest or a refresh sees the state the one before
  // left, never one half caught up by another. One delivery at a time: two would claim and act
  // on the same effects.
  const exclusive = oneAtATime();
  const delivering = oneAtATime();

  const ingest = async (events: readonly unknown[]): Promise<IngestResult> => {
    if (!Array.isArray(events))
      throw new StoreError('INVALID_ARGUMENT', 'ingest takes an array of events', 'events');
    // Decided on the stream as it is now: a rejection seen on a stale state would be wrong.
    if ((await store.events.version()) !== version) await catchUp();
    for (let attempt = 0; ; attempt += 1) {
      const decision = decide(events);
      const { accepted, effects, ledger, rejected, skipped } = decision;
      try {
        const next =
          accepted.length === 0
            ? version
            : await store.events.append({ expectedVersion: version, events: accepted, effects, ledger });
        state = decision.state;
        version = next;
        const result = { version, appended: accepted.length, effects, ledger, rejected, skipped };
        if (version - snapshotAt < snapshotEvery) return result;
        // The events are stored: a snapshot that fails now must not look like a failed ingest.
        const snapshotError = await saveSnapshot().then(
          () => undefined,
          (error: unknown) => error ?? new Error('the snapshot could not be saved'),
        );
        return snapshotError === undefined ? result : { ...result, snapshotError };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        if (attempt >= retries) {
          throw new StoreError(
            'CONFLICT_RETRIES_EXHAUSTED',
            `another writer appended first ${attempt + 1} times in a row; nothing of this ingest was stored`,
            'events',
          );
        }
        await catchUp();
      }
    }
  };

  return {
    engine,
    state: () => state,
    version: () => version,
    ingest: (events) => exclusive(() => ingest(events)),
    refresh: () =>
      exclusive(async () => {
        await catchUp();
        return version;
      }),
    advance: async (at) => engine.advance(state, at),
    deliver: (deliver, deliverOptions = {}) => delivering(() => deliverOnce(deliver, deliverOptions)),
    snapshot: () => exclusive(saveSnapshot),
    entries: (partnerId) => store.ledger.entries(partnerId),
  };

  async function deliverOnce(
    deliver: Deliver,
    deliverOptions: { readonly limit?: number },
  ): Promise<DeliveryReport> {
    const limit = checkCount(deliverOptions.limit ?? 100, 'limit', 1);
    const items = await store.outbox.claim(limit);
    const failed: { id: string; error: unknown }[] = [];
    let delivered = 0;
    for (const item of items) {
      try {
        await deliver(item.effect, item);
      } catch (error) {
        failed.push({ id: item.effect.id, error });
        continue;
      }
      await store.outbox.delivered([item.effect.id]);
      delivered += 1;
    }
    return { delivered, failed };
  }
}

/** Runs the work given to it one after the other, each after the one before settled. */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
}

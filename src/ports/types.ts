// The ports a host implements to keep a programme's history: an event store, a snapshot store,
// an outbox of effects and the ledger. The library ships an in-memory implementation of each
// (`memoryStore`) and a PostgreSQL one; storage and delivery stay the host's.
import type { Effect, LedgerEntry } from '../engine/outputs.js';

/** An event as stored: its place in the stream (1 for the first) and the event as it came. */
export interface StoredEvent {
  /** Its 1-based place in the stream: 1 for the first event, the stream's version for the last. */
  readonly position: number;
  /** The event as it was appended, read back from its JSON. */
  readonly event: unknown;
}

/**
 * What one ingest stores at once: the accepted events, appended after exactly `expectedVersion`
 * events, with the effects and ledger entries they caused. An adapter writes all of it in one
 * transaction, or none of it.
 */
export interface Append {
  /** How many events the stream must hold for the append to go through (0 for an empty stream). */
  readonly expectedVersion: number;
  /** The accepted events, stored at positions `expectedVersion + 1` onwards, in this order. */
  readonly events: readonly unknown[];
  /** The effects the events caused, added to the outbox (an id already there is not added again). */
  readonly effects: readonly Effect[];
  /** The ledger entries the events caused, booked in this order. */
  readonly ledger: readonly LedgerEntry[];
}

/** The append-only stream of a programme's accepted events, guarded by its version. */
export interface EventStore {
  /** How many events are stored: the version the next append must expect. */
  version(): Promise<number>;
  /**
   * Appends `append.events` (with their effects into the outbox and their entries into the
   * ledger) if exactly `append.expectedVersion` events are stored, and returns the new version.
   *
   * @throws {ConflictError} VERSION_CONFLICT when another writer appended first: nothing is stored.
   */
  append(append: Append): Promise<number>;
  /**
   * The events after position `after` (0 for all), in stream order (`ORDER BY position`), up to
   * the version when the read starts: events appended meanwhile belong to the next read.
   */
  read(after: number): AsyncIterable<StoredEvent>;
}

/** A saved state and the number of events it covers. */
export interface Snapshot {
  /** How many events the state covers: the stream's version when it was taken. */
  readonly position: number;
  /** The engine's state as plain JSON data (`JSON.parse(JSON.stringify(state))` of it). */
  readonly state: unknown;
}

/** Where the latest snapshot of the state is kept, so a start replays only the events after it. */
export interface SnapshotStore {
  /** The latest snapshot, or undefined when none was saved. */
  load(): Promise<Snapshot | undefined>;
  /** Keeps `snapshot` as the latest one (an older position than the latest is ignored). */
  save(snapshot: Snapshot): Promise<void>;
}

/** An effect waiting in the outbox, with how many times it was handed out before. */
export interface OutboxItem {
  /** The effect, as it was added. */
  readonly effect: Effect;
  /** How many times it was claimed before this claim (0 the first time). */
  readonly attempts: number;
}

/** The effects waiting to be delivered, each kept once by its id and handed out until marked delivered. */
export interface Outbox {
  /**
   * Adds effects outside an append; an effect whose id is already in the outbox, delivered or
   * not, is not added again.
   */
  add(effects: readonly Effect[]): Promise<void>;
  /**
   * Up to `limit` undelivered effects, those tried least first and then the oldest (one that keeps
   * failing never holds back the rest), each counted as one more attempt.
   */
  claim(limit: number): Promise<readonly OutboxItem[]>;
  /** Marks effects delivered: they are never handed out again. */
  delivered(ids: readonly string[]): Promise<void>;
}

/** The ledger entries the appends booked, read back per partner. */
export interface LedgerStore {
  /** Every stored ledger entry of the partner (earned by it), in the order they were booked. */
  entries(partnerId: string): Promise<readonly LedgerEntry[]>;
}

/** The four ports together, as one adapter gives them over one database. */
export interface ProgrammeStore {
  /** The stream of accepted events. */
  readonly events: EventStore;
  /** The latest snapshot of the state. */
  readonly snapshots: SnapshotStore;
  /** The effects waiting to be delivered. */
  readonly outbox: Outbox;
  /** The booked ledger entries. */
  readonly ledger: LedgerStore;
}

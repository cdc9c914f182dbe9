// The errors a store or the service throws: a code, the path of what was wrong and a message.

/** What went wrong in a store or the service, as `StoreError.code` tells it. */
export type StoreErrorCode =
  /** Another writer appended first; the append stored nothing. */
  | 'VERSION_CONFLICT'
  /** The retries of an ingest all met a conflict. */
  | 'CONFLICT_RETRIES_EXHAUSTED'
  /** A stored row cannot be read back (a hand-edited table, another application's data). */
  | 'CORRUPT_STORE'
  /** The database's schema is not the one this library writes: not migrated, or by a newer version. */
  | 'SCHEMA_MISMATCH'
  /** An argument of a store or the service is unusable (a negative count, a value JSON cannot hold). */
  | 'INVALID_ARGUMENT';

/** The typed error of a store or the service: its message reads `CODE: reason`. */
export class StoreError extends Error {
  /** What went wrong. */
  readonly code: StoreErrorCode;
  /** Where: the argument (`expectedVersion`) or the stored row (`partner_engine_events[3]`), or `''`. */
  readonly path: string;

  constructor(code: StoreErrorCode, message: string, path = '') {
    super(`${code}: ${message}`);
    this.name = 'StoreError';
    this.code = code;
    this.path = path;
  }
}

/** An append that expected another version than the store's: nothing was stored. */
export class ConflictError extends StoreError {
  /** The version the append expected. */
  readonly expectedVersion: number;
  /** The stream's version when the append was refused: catch up to it and decide again. */
  readonly actualVersion: number;

  constructor(expectedVersion: number, actualVersion: number) {
    super(
      'VERSION_CONFLICT',
      `expected the stream at version ${expectedVersion}, but it is at ${actualVersion}`,
      'expectedVersion',
    );
    this.name = 'ConflictError';
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** Refuses anything but a whole number of at least `min`. */
export function checkCount(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new StoreError('INVALID_ARGUMENT', `must be a whole number of at least ${min}`, path);
  }
  return value;
}

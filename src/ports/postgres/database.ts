// What the PostgreSQL adapter needs of a database: a query method, and connections a transaction
// holds from BEGIN to COMMIT. `pg.Pool` has this shape as it is; `pgliteDatabase` gives it to
// PGlite, whose one connection is handed out to one holder at a time.

/** A result as `pg` and PGlite return it: the rows, each keyed by column name. */
export interface SqlResult {
  /** The rows the statement returned (none for one without a result set). */
  readonly rows: readonly Record<string, unknown>[];
}

/** Anything that runs one SQL statement with `$1`-style parameters: a `pg.Pool`, a `pg.PoolClient`. */
export interface SqlQueryable {
  /** Runs the one statement `text` with `params` bound to `$1`, `$2`, … and resolves to its result. */
  query(text: string, params?: unknown[]): Promise<SqlResult>;
}

/** A connection held until `release` (a `pg.PoolClient`); `release(error)` tells a pool to drop it. */
export interface SqlConnection extends SqlQueryable {
  /** Hands the connection back to the pool; an Error or `true` tells the pool to drop it, not reuse it. */
  release(destroy?: Error | boolean): void;
}

/** A pool of connections, as `pg.Pool` is: `query` for one statement, `connect` for a transaction. */
export interface SqlDatabase extends SqlQueryable {
  /** Takes a connection of its own for a transaction, held until its `release`. */
  connect(): Promise<SqlConnection>;
}

/** PGlite as far as the adapter uses it (`new PGlite()` from `@electric-sql/pglite`). */
export interface PgliteLike {
  /** Runs one statement with `$1`-style parameters, as `PGlite.query` does. */
  query(text: string, params?: unknown[]): Promise<SqlResult>;
}

/**
 * Runs `work` in one transaction on one connection: COMMIT when it returns, ROLLBACK when it
 * throws (the error is thrown on). A connection whose ROLLBACK fails is released as broken.
 */
export async function transaction<T>(
  database: SqlDatabase,
  work: (connection: SqlQueryable) => Promise<T>,
): Promise<T> {
  const connection = await database.connect();
  let broken: Error | undefined;
  try {
    await connection.query('BEGIN');
    const result = await work(connection);
    await connection.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await connection.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    connection.release(broken);
  }
}

/** The SQLSTATE of a database error (`23505` for a unique violation), or undefined. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Gives PGlite the pool shape the adapter takes. PGlite has one connection: `connect` hands it to
 * one holder at a time and queues the next caller until `release`, and `query` waits its turn the
 * same way, so two writers' transactions never interleave on it.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const database = pgliteDatabase(new PGlite()); // in memory; new PGlite('./data') keeps a directory
 * await migrate(database);
 * const store = postgresStore(database, { stream: 'siso' });
 */
export function pgliteDatabase(pglite: PgliteLike): SqlDatabase {
  let queue: Promise<void> = Promise.resolve();

  const connect = async (): Promise<SqlConnection> => {
    let free = () => {};
    const released = new Promise<void>((resolve) => {
      free = resolve;
    });
    const turn = queue;
    queue = turn.then(() => released);
    await turn;
    let held = true;
    return {
      query: (text, params) => {
        if (!held) return Promise.reject(new Error('the connection was released'));
        return pglite.query(text, params);
      },
      release: () => {
        if (!held) return;
        held = false;
        free();
      },
    };
  };

  return {
    connect,
    query: async (text, params) => {
      const connection = await connect();
      try {
        return await connection.query(text, params);
      } finally {
        connection.release();
      }
    },
  };
}

// The four ports over PostgreSQL: one stream's events, snapshot, outbox and ledger in the tables
// `migrate` creates, every row keyed by the stream so several programmes share a database.
import type { LedgerEntry } from '../../engine/outputs.js';
import { checkCount, StoreError } from '../errors.js';
import type { ProgrammeStore, Snapshot, StoredEvent } from '../types.js';
import { appendToStream, streamVersion } from './append.js';
import { type SqlDatabase, type SqlQueryable, sqlState } from './database.js';
import { postgresOutbox } from './outbox.js';
import { column, readCount, readJson, writeJson } from './rows.js';

/** How `postgresStore` keys its rows and pages its reads. */
export interface PostgresStoreOptions {
  /** The programme's stream: every row is keyed by it (default `'default'`). */
  readonly stream?: string;
  /** How many events `read` fetches per query (default 1,000). */
  readonly pageSize?: number;
}

/**
 * A store over PostgreSQL tables that `migrate(database)` has created. `database` is a `pg.Pool`
 * (or anything with its `query` and `connect`), or PGlite through `pgliteDatabase`.
 *
 * @example
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const programme = await createPartnerProgramme({
 *   engine: createEngine(sisoProgram),
 *   store: postgresStore(pool, { stream: 'siso' }),
 * });
 */
export function postgresStore(database: SqlDatabase, options: PostgresStoreOptions = {}): ProgrammeStore {
  const stream = options.stream ?? 'default';
  if (typeof stream !== 'string' || stream.length === 0 || stream.includes('\u0000')) {
    throw new StoreError('INVALID_ARGUMENT', 'must be a non-empty string without NUL characters', 'stream');
  }
  const pageSize = checkCount(options.pageSize ?? 1_000, 'pageSize', 1);
  const checked = schemaChecked(database);
  return {
    events: {
      version: () => streamVersion(checked, stream),
      append: async (append) =>
        appendToStream(checked, stream, append, checkCount(append?.expectedVersion, 'expectedVersion')),
      read: (after) => readEvents(checked, stream, checkCount(after, 'after'), pageSize),
    },
    snapshots: {
      load: () => loadSnapshot(checked, stream),
      save: (snapshot) => saveSnapshot(checked, stream, snapshot),
    },
    outbox: postgresOutbox(checked, stream),
    ledger: { entries: (partnerId) => ledgerEntries(checked, stream, partnerId) },
  };
}

/**
 * The events after `after` up to the stream's version when the read starts (events appended
 * meanwhile belong to the next read), `pageSize` rows per query.
 */
async function* readEvents(
  database: SqlQueryable,
  stream: string,
  after: number,
  pageSize: number,
): AsyncIterable<StoredEvent> {
  const end = await streamVersion(database, stream);
  let position = after;
  while (position < end) {
    const { rows } = await database.query(
      `SELECT position, event FROM partner_engine_events
       WHERE stream = $1 AND position > $2 AND position <= $3 ORDER BY position LIMIT $4`,
      [stream, position, end, pageSize],
    );
    if (rows.length === 0) {
      throw new StoreError(
        'CORRUPT_STORE',
        `missing: the stream is at version ${end}`,
        eventPath(position + 1),
      );
    }
    for (const row of rows) {
      const read = readCount(
        column(row, 'position', eventPath(position + 1)),
        `${eventPath(position + 1)}.position`,
      );
      if (read !== position + 1) {
        throw new StoreError(
          'CORRUPT_STORE',
          `missing: the next stored event is at ${read}`,
          eventPath(position + 1),
        );
      }
      const path = eventPath(read);
      yield { position: read, event: readJson(column(row, 'event', path), `${path}.event`) };
      position = read;
    }
  }
}

const eventPath = (position: number) => `partner_engine_events[${position}]`;

async function loadSnapshot(database: SqlQueryable, stream: string): Promise<Snapshot | undefined> {
  const { rows } = await database.query(
    'SELECT position, state FROM partner_engine_snapshots WHERE stream = $1',
    [stream],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const table = 'partner_engine_snapshots';
  const position = readCount(column(row, 'position', table), `${table}.position`);
  const path = `${table}[${position}]`;
  return { position, state: readJson(column(row, 'state', path), `${path}.state`) };
}

async function saveSnapshot(database: SqlQueryable, stream: string, snapshot: Snapshot): Promise<void> {
  const position = checkCount(snapshot?.position, 'position');
  const state = writeJson(snapshot.state, 'state');
  // A snapshot older than the stored one is ignored: the WHERE leaves the newer row as it is.
  await database.query(
    `INSERT INTO partner_engine_snapshots (stream, position, state) VALUES ($1, $2, $3)
     ON CONFLICT (stream) DO UPDATE SET position = excluded.position, state = excluded.state
     WHERE partner_engine_snapshots.position <= excluded.position`,
    [stream, position, state],
  );
}

async function ledgerEntries(
  database: SqlQueryable,
  stream: string,
  partnerId: string,
): Promise<LedgerEntry[]> {
  // No stored partner id holds a NUL character (the append refuses one), and PostgreSQL text cannot.
  if (typeof partnerId !== 'string' || partnerId.includes('\u0000')) return [];
  const { rows } = await database.query(
    'SELECT position, entry FROM partner_engine_ledger WHERE stream = $1 AND partner_id = $2 ORDER BY position',
    [stream, partnerId],
  );
  return rows.map((row) => {
    const position = readCount(
      column(row, 'position', 'partner_engine_ledger'),
      'partner_engine_ledger.position',
    );
    const path = `partner_engine_ledger[${position}]`;
    return readJson(column(row, 'entry', path), `${path}.entry`) as LedgerEntry;
  });
}

/** `database` with a missing table or column told as "run migrate" rather than a raw SQL error. */
function schemaChecked(database: SqlDatabase): SqlDatabase {
  const explain = (error: unknown): never => {
    const state = sqlState(error);
    // 42P01: undefined table, 42703: undefined column.
    if (state === '42P01' || state === '42703') {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreError(
        'SCHEMA_MISMATCH',
        `${reason}: run migrate(database) first`,
        'partner_engine_migrations',
      );
    }
    throw error;
  };
  const checkedQuery =
    (queryable: SqlQueryable): SqlQueryable['query'] =>
    (text, params) =>
      queryable.query(text, params).catch(explain);
  return {
    query: checkedQuery(database),
    connect: async () => {
      const connection = await database.connect();
      return { query: checkedQuery(connection), release: (destroy) => connection.release(destroy) };
    },
  };
}

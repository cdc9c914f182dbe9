// The adapter's schema, as numbered migrations. `migrate` applies the ones a database lacks, each
// in its own transaction, and records them in partner_engine_migrations; a database migrated by
// a newer version of the library is refused rather than written to with an older layout.
import { StoreError } from '../errors.js';
import { type SqlDatabase, type SqlQueryable, transaction } from './database.js';
import { readCount } from './rows.js';

/** One numbered step of the adapter's schema, as `migrations` lists them. */
export interface Migration {
  /** Its number: `migrate` applies them in this order and records each in `partner_engine_migrations`. */
  readonly version: number;
  /** What it does, in words, as recorded with its version. */
  readonly name: string;
  /** Its statements, run one by one (PGlite's `query` takes one statement at a time). */
  readonly statements: readonly string[];
}

// Events, snapshot states, effects and entries are text, not jsonb: jsonb reorders an object's
// keys and drops duplicate ones, and a snapshot must read back byte for byte as it was saved.
const initialSchema = [
  `CREATE TABLE partner_engine_streams (
  stream text PRIMARY KEY,
  version bigint NOT NULL CHECK (version >= 0),
  ledger_version bigint NOT NULL CHECK (ledger_version >= 0)
)`,
  `CREATE TABLE partner_engine_events (
  stream text NOT NULL,
  position bigint NOT NULL CHECK (position >= 1),
  event text NOT NULL,
  PRIMARY KEY (stream, position)
)`,
  `CREATE TABLE partner_engine_snapshots (
  stream text PRIMARY KEY,
  position bigint NOT NULL CHECK (position >= 0),
  state text NOT NULL
)`,
  `CREATE TABLE partner_engine_outbox (
  stream text NOT NULL,
  effect_id text NOT NULL,
  sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  effect text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  delivered_at timestamptz,
  PRIMARY KEY (stream, effect_id)
)`,
  `CREATE INDEX partner_engine_outbox_waiting ON partner_engine_outbox (stream, sequence)
  WHERE delivered_at IS NULL`,
  `CREATE TABLE partner_engine_ledger (
  stream text NOT NULL,
  position bigint NOT NULL CHECK (position >= 1),
  entry_id text NOT NULL,
  partner_id text NOT NULL,
  kind text NOT NULL,
  amount text NOT NULL,
  currency text NOT NULL,
  rate text NOT NULL,
  basis text NOT NULL,
  event_id text NOT NULL,
  entry text NOT NULL,
  PRIMARY KEY (stream, position)
)`,
  `CREATE INDEX partner_engine_ledger_partner ON partner_engine_ledger (stream, partner_id, position)`,
];

/** The migrations this version of the library knows, in order. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', statements: initialSchema },
];

/** The latest migration this version of the library knows. */
export const schemaVersion = migrations[migrations.length - 1]?.version ?? 0;

// One migrator at a time, even before the log table exists: a second one waits for the first's
// transaction to end, then finds the migration applied. The key is the adapter's own constant.
const LOCK = 'SELECT pg_advisory_xact_lock(5127064301)';

const createLog = `
CREATE TABLE IF NOT EXISTS partner_engine_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Brings the database's schema to `schemaVersion`: applies each missing migration in its own
 * transaction and returns the versions applied (none when it was up to date).
 *
 * @throws {StoreError} SCHEMA_MISMATCH when the database is at a newer migration than this library knows.
 * @example
 * await migrate(pool) //=> [1] the first time, [] after
 */
export async function migrate(database: SqlDatabase): Promise<number[]> {
  await transaction(database, async (connection) => {
    await connection.query(LOCK);
    await connection.query(createLog);
    refuseNewer(await appliedVersion(connection));
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await transaction(database, async (connection) => {
      await connection.query(LOCK);
      const current = refuseNewer(await appliedVersion(connection));
      if (current >= migration.version) return false;
      for (const statement of migration.statements) await connection.query(statement);
      await connection.query('INSERT INTO partner_engine_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

async function appliedVersion(database: SqlQueryable): Promise<number> {
  const { rows } = await database.query('SELECT max(version) AS version FROM partner_engine_migrations');
  const version = rows[0]?.version;
  return version === null || version === undefined
    ? 0
    : readCount(version, 'partner_engine_migrations.version');
}

function refuseNewer(version: number): number {
  if (version > schemaVersion) {
    throw new StoreError(
      'SCHEMA_MISMATCH',
      `the database is at migration ${version}, this library knows up to ${schemaVersion}: upgrade the library`,
      'partner_engine_migrations',
    );
  }
  return version;
}

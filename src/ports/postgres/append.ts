// One append as rows: the events, effects and ledger entries turned into the text the tables
// keep, checked before any transaction opens, then written in one transaction behind the
// stream's version check.
import type { Effect, LedgerEntry } from '../../engine/outputs.js';
import { ConflictError, StoreError } from '../errors.js';
import type { Append } from '../types.js';
import { type SqlDatabase, type SqlQueryable, sqlState, transaction } from './database.js';
import { readCount, writeJson } from './rows.js';

const LEDGER_COLUMNS = ['id', 'partnerId', 'kind', 'amount', 'currency', 'rate', 'basis', 'eventId'] as const;

interface AppendRows {
  readonly events: string[];
  readonly effectIds: string[];
  readonly effects: string[];
  /** One array per ledger column, in LEDGER_COLUMNS order, then the entries' texts. */
  readonly ledger: string[][];
}

/** Thrown inside the transaction when the stream is not at the expected version. */
class VersionMoved extends Error {}

/** A string a text column can hold (PostgreSQL text has no NUL character). */
export function textValue(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new StoreError('INVALID_ARGUMENT', 'must be a string', path);
  if (value.includes('\u0000')) {
    throw new StoreError('INVALID_ARGUMENT', 'must not contain a NUL character', path);
  }
  return value;
}

export function effectRows(effects: readonly Effect[]): { ids: string[]; texts: string[] } {
  if (!Array.isArray(effects)) throw new StoreError('INVALID_ARGUMENT', 'must be an array', 'effects');
  const ids = effects.map((effect, index) => textValue(effect?.id, `effects[${index}].id`));
  const texts = effects.map((effect, index) => writeJson(effect, `effects[${index}]`));
  return { ids, texts };
}

function appendRows(append: Append): AppendRows {
  for (const name of ['events', 'effects', 'ledger'] as const) {
    if (!Array.isArray(append[name])) throw new StoreError('INVALID_ARGUMENT', 'must be an array', name);
  }
  const events = append.events.map((event, index) => writeJson(event, `events[${index}]`));
  const { ids, texts } = effectRows(append.effects);
  const ledger: string[][] = LEDGER_COLUMNS.map((name) =>
    append.ledger.map((entry: LedgerEntry, index) => textValue(entry?.[name], `ledger[${index}].${name}`)),
  );
  ledger.push(append.ledger.map((entry, index) => writeJson(entry, `ledger[${index}]`)));
  return { events, effectIds: ids, effects: texts, ledger };
}

/**
 * Appends after exactly `expectedVersion` events of `stream`, or throws a ConflictError with the
 * stream's actual version once the transaction is rolled back.
 */
export async function appendToStream(
  database: SqlDatabase,
  stream: string,
  append: Append,
  expectedVersion: number,
): Promise<number> {
  const rows = appendRows(append);
  try {
    return await transaction(database, (connection) => writeRows(connection, stream, expectedVersion, rows));
  } catch (error) {
    // 23505: another writer's event holds the position (the primary key behind the version check).
    if (!(error instanceof VersionMoved) && sqlState(error) !== '23505') throw error;
    const actual = await streamVersion(database, stream);
    if (actual === expectedVersion) {
      throw new StoreError(
        'CORRUPT_STORE',
        `events are stored past the stream's version ${actual}`,
        `partner_engine_events[${actual + 1}]`,
      );
    }
    throw new ConflictError(expectedVersion, actual);
  }
}

/** How many events `stream` holds (0 for a stream never appended to). */
export async function streamVersion(database: SqlQueryable, stream: string): Promise<number> {
  const { rows } = await database.query('SELECT version FROM partner_engine_streams WHERE stream = $1', [
    stream,
  ]);
  const row = rows[0];
  return row === undefined ? 0 : readCount(row.version, 'partner_engine_streams.version');
}

async function writeRows(
  connection: SqlQueryable,
  stream: string,
  expectedVersion: number,
  rows: AppendRows,
): Promise<number> {
  const entries = rows.ledger[0]?.length ?? 0;
  await connection.query(
    'INSERT INTO partner_engine_streams (stream, version, ledger_version) VALUES ($1, 0, 0) ON CONFLICT (stream) DO NOTHING',
    [stream],
  );
  // The row lock this takes makes a second writer wait here until the first commits, then find
  // the version moved: the check holds under concurrency.
  const moved = await connection.query(
    `UPDATE partner_engine_streams SET version = version + $3, ledger_version = ledger_version + $4
     WHERE stream = $1 AND version = $2 RETURNING ledger_version`,
    [stream, expectedVersion, rows.events.length, entries],
  );
  const ledgerVersion = moved.rows[0]?.ledger_version;
  if (ledgerVersion === undefined) throw new VersionMoved();
  if (rows.events.length > 0) {
    await connection.query(
      `INSERT INTO partner_engine_events (stream, position, event)
       SELECT $1, $2 + item.ordinality, item.event FROM unnest($3::text[]) WITH ORDINALITY AS item(event, ordinality)`,
      [stream, expectedVersion, rows.events],
    );
  }
  await insertEffects(connection, stream, rows.effectIds, rows.effects);
  if (entries > 0) {
    const booked = readCount(ledgerVersion, 'partner_engine_streams.ledger_version') - entries;
    await connection.query(
      `INSERT INTO partner_engine_ledger
         (stream, position, entry_id, partner_id, kind, amount, currency, rate, basis, event_id, entry)
       SELECT $1, $2 + item.ordinality, item.id, item.partner, item.kind, item.amount, item.currency,
         item.rate, item.basis, item.event, item.entry
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[]) WITH ORDINALITY
         AS item(id, partner, kind, amount, currency, rate, basis, event, entry, ordinality)`,
      [stream, booked, ...rows.ledger],
    );
  }
  return expectedVersion + rows.events.length;
}

/** Adds effects in the given order; an id the stream's outbox already holds is not added again. */
export async function insertEffects(
  connection: SqlQueryable,
  stream: string,
  ids: readonly string[],
  texts: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await connection.query(
    `INSERT INTO partner_engine_outbox (stream, effect_id, effect)
     SELECT $1, item.id, item.effect FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS item(id, effect, ordinality)
     ORDER BY item.ordinality
     ON CONFLICT (stream, effect_id) DO NOTHING`,
    [stream, ids, texts],
  );
}

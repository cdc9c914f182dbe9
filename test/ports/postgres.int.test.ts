// The PostgreSQL store on PGlite: the store conformance cases (each on its own stream of one
// database, read in pages of 2 so reads cross pages), then what only a database has: migrations,
// rollback of a statement failing mid-transaction, rows that do not read back, the connection
// handed out to one holder at a time.
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/ports/errors.js';
import {
  migrate,
  migrations,
  pgliteDatabase,
  postgresStore,
  type SqlDatabase,
  type SqlResult,
} from '../../src/ports/index.js';
import {
  appendOf,
  collect,
  commission,
  describeStoreConformance,
  joined,
  unlocked,
} from '../support/store-conformance.js';

const pglite = new PGlite();
const database = pgliteDatabase(pglite);
let streams = 0;
const freshStore = (options: { pageSize?: number } = {}) =>
  postgresStore(database, { stream: `stream-${++streams}`, pageSize: 2, ...options });

// PGlite takes a second or more to start on a busy machine.
beforeAll(async () => {
  expect(await migrate(database)).toEqual([1]);
}, 60_000);

describeStoreConformance('postgresStore', async () => freshStore());

// `pg` parses bigint columns (positions, versions) as strings, PGlite as numbers: the store reads both.
describeStoreConformance('postgresStore with bigint columns read as text, as pg reads them', async () =>
  postgresStore(bigintsAsText(database), { stream: `stream-${++streams}`, pageSize: 2 }),
);

describe('migrate', () => {
  it('applies nothing the second time and records each version once', async () => {
    expect(await migrate(database)).toEqual([]);
    const { rows } = await database.query(
      'SELECT version, name FROM partner_engine_migrations ORDER BY version',
    );
    expect(rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
  });

  it('refuses a database at a newer migration than the library knows', async () => {
    const newer = pgliteDatabase(new PGlite());
    // Before any migration, a store says to migrate rather than showing PostgreSQL's error.
    await expect(postgresStore(newer).events.version()).rejects.toMatchObject({
      code: 'SCHEMA_MISMATCH',
      message: expect.stringContaining('run migrate(database) first'),
    });
    // Two migrators at once: the second waits for the first, then finds migration 1 applied.
    expect(await Promise.all([migrate(newer), migrate(newer)])).toEqual([[1], []]);
    await newer.query(
      "INSERT INTO partner_engine_migrations (version, name) VALUES (2, 'from a newer library')",
    );
    await expect(migrate(newer)).rejects.toMatchObject({
      code: 'SCHEMA_MISMATCH',
      path: 'partner_engine_migrations',
      message: expect.stringContaining('at migration 2, this library knows up to 1'),
    });
  });
});

describe('postgresStore', () => {
  it('keeps streams apart in one database', async () => {
    const siso = freshStore();
    const other = freshStore();
    await siso.events.append(
      appendOf(0, { events: [joined('e1')], ledger: [commission('l1', 'a', '10.00', '2.00')] }),
    );
    expect(await other.events.version()).toBe(0);
    expect(await other.ledger.entries('a')).toEqual([]);
    // The same effect id in two streams is two effects.
    await siso.outbox.add([unlocked('f1')]);
    await other.outbox.add([unlocked('f1')]);
    expect(await other.outbox.claim(5)).toEqual([{ effect: unlocked('f1'), attempts: 0 }]);
  });

  it('rolls back an append whose ledger insert fails after its events were written', async () => {
    const stream = `stream-${++streams}`;
    const store = postgresStore(failingOn(database, 'INSERT INTO partner_engine_ledger'), { stream });
    const append = appendOf(0, {
      events: [joined('e1'), joined('e2')],
      effects: [unlocked('f1')],
      ledger: [commission('l1', 'a', '10.00', '2.00')],
    });
    await expect(store.events.append(append)).rejects.toThrow('the disk is full');
    const reader = postgresStore(database, { stream });
    expect(await reader.events.version()).toBe(0);
    expect(await collect(reader.events.read(0))).toEqual([]);
    expect(await reader.outbox.claim(5)).toEqual([]);
    expect(await reader.ledger.entries('a')).toEqual([]);
  });

  it('reads events in pages of pageSize, in position order', async () => {
    const store = freshStore({ pageSize: 3 });
    const events = Array.from({ length: 8 }, (_, index) => joined(`e${index + 1}`));
    await store.events.append(appendOf(0, { events: events.slice(0, 5) }));
    await store.events.append(appendOf(5, { events: events.slice(5) }));
    // 8 events in pages of 3: positions 1-3, 4-6, 7-8.
    expect(await collect(store.events.read(0))).toEqual(
      events.map((event, index) => ({ position: index + 1, event })),
    );
  });

  it('refuses what a PostgreSQL text column cannot hold before writing anything', async () => {
    const store = freshStore();
    const entry = commission('l1', 'a\u0000b', '10.00', '2.00');
    await expect(
      store.events.append(appendOf(0, { events: [joined('e1')], ledger: [entry] })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'ledger[0].partnerId',
    });
    // In JSON text a NUL is written \u0000: an event may hold one.
    await store.events.append(appendOf(0, { events: [joined('e\u0000')] }));
    expect(await collect(store.events.read(0))).toEqual([{ position: 1, event: joined('e\u0000') }]);
  });
});

describe('rows that do not read back', () => {
  it('are CORRUPT_STORE errors naming the table and position', async () => {
    const stream = `stream-${++streams}`;
    const store = postgresStore(database, { stream });
    await store.events.append(appendOf(0, { events: [joined('e1'), joined('e2')] }));
    await store.snapshots.save({ position: 2, state: { partners: [] } });
    await database.query(
      'UPDATE partner_engine_events SET event = \'{"id": \' WHERE stream = $1 AND position = 2',
      [stream],
    );
    await database.query("UPDATE partner_engine_snapshots SET state = 'not json' WHERE stream = $1", [
      stream,
    ]);
    const reading = collect(store.events.read(0));
    await expect(reading).rejects.toBeInstanceOf(StoreError);
    await expect(reading).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'partner_engine_events[2].event',
    });
    await expect(store.snapshots.load()).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'partner_engine_snapshots[2].state',
    });
  });

  it('a missing column is CORRUPT_STORE naming the table, position and column', async () => {
    const stream = `stream-${++streams}`;
    await postgresStore(database, { stream }).events.append(
      appendOf(0, { events: [joined('e1')], ledger: [commission('l1', 'a', '10.00', '2.00')] }),
    );
    await postgresStore(database, { stream }).snapshots.save({ position: 1, state: {} });
    const without = (column: string) =>
      postgresStore(
        mappingColumns(database, (name, value) => (name === column ? undefined : value)),
        { stream },
      );
    await expect(collect(without('event').events.read(0))).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'partner_engine_events[1].event',
    });
    await expect(without('state').snapshots.load()).rejects.toMatchObject({
      path: 'partner_engine_snapshots[1].state',
    });
    await expect(without('entry').ledger.entries('a')).rejects.toMatchObject({
      path: 'partner_engine_ledger[1].entry',
    });
  });

  it('a missing event below the stream version is CORRUPT_STORE, not a shorter history', async () => {
    const stream = `stream-${++streams}`;
    const store = postgresStore(database, { stream });
    await store.events.append(appendOf(0, { events: [joined('e1'), joined('e2'), joined('e3')] }));
    await database.query('DELETE FROM partner_engine_events WHERE stream = $1 AND position = 3', [stream]);
    await expect(collect(store.events.read(0))).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'partner_engine_events[3]',
    });
    await database.query('DELETE FROM partner_engine_events WHERE stream = $1 AND position = 2', [stream]);
    await database.query(`INSERT INTO partner_engine_events VALUES ($1, 3, '{}')`, [stream]);
    await expect(collect(store.events.read(0))).rejects.toMatchObject({ path: 'partner_engine_events[2]' });
  });
});

describe('the primary key behind the version check', () => {
  it('refuses an event already at the position, as corrupt when the version says it is free', async () => {
    const stream = `stream-${++streams}`;
    const store = postgresStore(database, { stream });
    await store.events.append(appendOf(0, { events: [joined('e1')] }));
    // A row written past the stream's version, by hand or by another application.
    await database.query(`INSERT INTO partner_engine_events VALUES ($1, 2, '{}')`, [stream]);
    await expect(store.events.append(appendOf(1, { events: [joined('e2')] }))).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'partner_engine_events[2]',
    });
    // The unique violation rolled the append back: the version is still 1.
    expect(await store.events.version()).toBe(1);
  });
});

describe('pgliteDatabase', () => {
  it('and pg.Pool have the shape postgresStore takes', () => {
    expect(pgPoolIsADatabase).toBe(true);
  });

  it('hands its connection to one holder at a time, in the order they asked', async () => {
    const order: string[] = [];
    const first = await database.connect();
    const second = database.connect().then((connection) => {
      order.push('second connected');
      return connection;
    });
    const query = database.query('SELECT 1 AS one').then((result) => {
      order.push('query ran');
      return result;
    });
    await first.query('SELECT 1');
    order.push('first released');
    first.release();
    const held = await second;
    await held.query('SELECT 1');
    order.push('second released');
    held.release();
    expect((await query).rows).toEqual([{ one: 1 }]);
    expect(order).toEqual(['first released', 'second connected', 'second released', 'query ran']);
    await expect(first.query('SELECT 1')).rejects.toThrow('released');
  });
});

// The shapes of `pg.Pool` and `pg.PoolClient`, as @types/pg declares the overloads the adapter
// relies on: the compiler checks the adapter takes them as they are.
interface PgResult<R> {
  command: string;
  rowCount: number | null;
  rows: R[];
}
interface PgQueryable {
  query<R extends Record<string, unknown> = Record<string, unknown>>(config: {
    text: string;
  }): Promise<PgResult<R>>;
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<PgResult<R>>;
  query(text: string, values: unknown[], callback: (error: Error, result: PgResult<unknown>) => void): void;
}
interface PgPoolClient extends PgQueryable {
  release(error?: Error | boolean): void;
}
interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  connect(callback: (error: Error, client: PgPoolClient, done: () => void) => void): void;
  end(): Promise<void>;
}
type PgPoolIsADatabase = PgPool extends SqlDatabase ? true : never;
const pgPoolIsADatabase: PgPoolIsADatabase = true;

/** `database` with bigint columns given as strings, as `pg` gives them. */
function bigintsAsText(inner: SqlDatabase): SqlDatabase {
  const BIGINT_COLUMNS = new Set(['position', 'version', 'ledger_version', 'sequence']);
  return mappingColumns(inner, (name, value) =>
    BIGINT_COLUMNS.has(name) && typeof value === 'number' ? String(value) : value,
  );
}

/** `database` with each column of each row read through `map` (a column mapped to undefined is left out). */
function mappingColumns(inner: SqlDatabase, map: (name: string, value: unknown) => unknown): SqlDatabase {
  const mapped = (result: SqlResult): SqlResult => ({
    rows: result.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .map(([name, value]) => [name, map(name, value)])
          .filter(([, value]) => value !== undefined),
      ),
    ),
  });
  return {
    query: async (text, params) => mapped(await inner.query(text, params)),
    connect: async () => {
      const connection = await inner.connect();
      return {
        query: async (text, params) => mapped(await connection.query(text, params)),
        release: (destroy) => connection.release(destroy),
      };
    },
  };
}

/** `database` whose statements starting with `prefix` fail, as a full disk would. */
function failingOn(inner: SqlDatabase, prefix: string): SqlDatabase {
  const failing = (text: string) => text.trimStart().startsWith(prefix);
  return {
    query: (text, params) =>
      failing(text) ? Promise.reject(new Error('the disk is full')) : inner.query(text, params),
    connect: async () => {
      const connection = await inner.connect();
      return {
        query: (text, params) =>
          failing(text) ? Promise.reject(new Error('the disk is full')) : connection.query(text, params),
        release: (destroy) => connection.release(destroy),
      };
    },
  };
}

// The PostgreSQL adapter: the store, its migrations and the database shapes it takes.
export {
  type PgliteLike,
  pgliteDatabase,
  type SqlConnection,
  type SqlDatabase,
  type SqlQueryable,
  type SqlResult,
} from './database.js';
export { type Migration, migrate, migrations, schemaVersion } from './migrations.js';
export { type PostgresStoreOptions, postgresStore } from './store.js';

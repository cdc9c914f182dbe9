// Ports and the service that composes them with the engine: re-exports only.
export { type DeliveredIds, onceById } from './delivery.js';
export { ConflictError, StoreError, type StoreErrorCode } from './errors.js';
export { memoryStore } from './memory.js';
export {
  type Migration,
  migrate,
  migrations,
  type PgliteLike,
  type PostgresStoreOptions,
  pgliteDatabase,
  postgresStore,
  type SqlConnection,
  type SqlDatabase,
  type SqlQueryable,
  type SqlResult,
} from './postgres/index.js';
export {
  type AdvanceView,
  createPartnerProgramme,
  type Deliver,
  type DeliveryReport,
  type IngestResult,
  type PartnerProgramme,
  type PartnerProgrammeOptions,
} from './service.js';
export type * from './types.js';

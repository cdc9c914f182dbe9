// @siso/partner-engine/testing: fast-check arbitraries, invariant checks and differential
// properties a host's CI runs on its own programme (fast-check is a peer dependency of this
// entry point).
/**
 * The testing kit a host's CI runs on its own programme: fast-check arbitraries, the engine's
 * invariants, and differential properties of a programme change (fast-check is a peer
 * dependency of this entry point).
 *
 * @module @siso/partner-engine/testing
 */
export {
  amount,
  arbitraries,
  type EventStreamOptions,
  type EventsOptions,
  eventStream,
  events,
  type MoneyOptions,
  money,
  moneyText,
  type ProgramOptions,
  program,
  programVariant,
  rate,
  type TeamGraphOptions,
  teamGraph,
  trainingModules,
} from './arbitraries/index.js';
export {
  type ChangeScope,
  type CompareOptions,
  type Comparison,
  type CostLimit,
  changesOnly,
  compare,
  costsAtMost,
  DifferentialError,
  type DifferentialOptions,
  describeComparison,
  differential,
  type EntryDifference,
  neverPaysLess,
  type PartnerDifference,
  type ProgrammeOrEngine,
} from './differential/index.js';
export {
  assert,
  type CheckOptions,
  check,
  checkInvariants,
  checkReplay,
  describeViolations,
  INVARIANTS,
  InvariantError,
  type InvariantName,
  invariants,
} from './invariants/index.js';
export type { Invariant, Run, Subject, Violation } from './invariants/types.js';
export { indentedNdjson, toNdjson } from './ndjson.js';

// @siso/partner-engine/testing: fast-check arbitraries and invariant checks a host's CI runs on
// its own programme (fast-check is a peer dependency of this entry point).
export {
  type AmountOptions,
  amount,
  arbitraries,
  type EventStreamOptions,
  eventStream,
  programVariant,
  rate,
  teamGraph,
} from './arbitraries.js';
export {
  balancesMatchLedger,
  capacityRespected,
  checkInvariants,
  checkReplay,
  entriesAreRateTimesBasis,
  fullRefundsNetZero,
  invariants,
  ledgerIdsUnique,
  type Violation,
} from './invariants.js';

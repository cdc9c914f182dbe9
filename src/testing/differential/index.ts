// Differential helpers for a programme change, gathered under one name.
import { compare } from './compare.js';
import { changesOnly, costsAtMost, neverPaysLess } from './properties.js';

export {
  type CompareOptions,
  type Comparison,
  compare,
  type EntryDifference,
  type PartnerDifference,
  type ProgrammeOrEngine,
} from './compare.js';
export {
  type ChangeScope,
  type CostLimit,
  changesOnly,
  costsAtMost,
  DifferentialError,
  type DifferentialOptions,
  describeComparison,
  neverPaysLess,
} from './properties.js';

/**
 * The differential properties and `compare` under one name, as `fc.assert` reads best.
 *
 * @example
 * fc.assert(differential.neverPaysLess(sisoProgram, candidate), { seed: 42, numRuns: 100 });
 */
export const differential = {
  /** The candidate never pays any partner less than the baseline, on any stream (`neverPaysLess`). */
  neverPaysLess,
  /** The candidate costs at most a multiple of the baseline plus an amount (`costsAtMost`). */
  costsAtMost,
  /** The candidate changes nothing in the ledger outside a scope (`changesOnly`). */
  changesOnly,
  /** Two programmes on one stream, side by side (`compare`). */
  compare,
} as const;

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

export const differential = { neverPaysLess, costsAtMost, changesOnly, compare } as const;

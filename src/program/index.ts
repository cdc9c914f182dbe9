export { ProgramError, type ProgramIssue } from './errors.js';
export { programJsonSchema } from './json-schema.js';
export * from './lint/index.js';
export {
  type DeepReadonly,
  type LoadProgramOptions,
  loadProgram,
  type Program,
  programOperators,
  type ValidateProgramResult,
  validateProgram,
  withOperators,
} from './load.js';
export type {
  BadgeDefinition,
  LeaderboardDefinition,
  LeaderboardMetric,
  LeaderboardPeriod,
  MilestoneDefinition,
  OverrideLevel,
  OverridesDefinition,
  Period,
  ProgramDocument,
  ProgramInput,
  TierDefinition,
  VersionDefinition,
} from './schema.js';
export { MAX_HOLD_PERIOD_DAYS } from './schema.js';
export { sisoProgram } from './siso.js';

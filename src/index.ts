// The public API of @siso/partner-engine: re-exports only.
/**
 * A partner programme as code: load a programme, fold partner events into a state with
 * `createEngine`, and read tiers, commissions, badges and leaderboards from it; simulate and
 * forecast what a change would cost.
 *
 * @module @siso/partner-engine
 */
export type {
  BoardOptions,
  Leaderboard,
  LeaderboardOptions,
  LeaderboardRow,
  ProgrammeBoard,
} from './achievements/leaderboard.js';
export type { NextPayout, Statement, StatementOptions } from './commissions/statement.js';
export {
  type CreateEngineOptions,
  createEngine,
  type Engine,
  SLICES,
  type ViewOptions,
} from './create-engine.js';
export type { Batch, BatchOptions, BatchResult } from './engine/batch.js';
export type { PeriodRange } from './engine/calendar.js';
export { Calendar, type CalendarPeriod } from './engine/calendar.js';
export type {
  AdvanceResult,
  ApplyResult,
  EngineCore,
  EventSource,
  Rejection,
  ReplayOptions,
  ReplayResult,
  Skip,
} from './engine/engine.js';
export { EngineError, type EngineErrorCode } from './engine/errors.js';
export type { FoldOutcome } from './engine/fold.js';
export type * from './engine/outputs.js';
export type * from './engine/state.js';
export {
  allDeals,
  allPartners,
  bucketPath,
  dealOf,
  lookup,
  partnerIds,
  partnerOf,
  pendingHolds,
  STATE_FORMAT,
  tagOf,
} from './engine/state.js';
export { type EventError, REJECTION_CODES, type RejectionCode } from './events/codes.js';
export { canonicalJson, fingerprint } from './events/fingerprint.js';
export * from './events/parse.js';
export { EVENT_TYPES, type EventType } from './events/schema.js';
export { FACTS, type FactDefinition, type FactKind } from './facts/catalogue.js';
export { type Facts, partnerFacts } from './facts/partner-facts.js';
export { formatPath, type Issue, type JsonPath } from './issues.js';
export { type BalanceSummary, formatBalance } from './ledger/balance.js';
export type { Derivation, Explanation } from './ledger/explain.js';
export { dealEntryId } from './ledger/ids.js';
export * from './money/index.js';
export type { Team, TeamMember, TeamOptions } from './overrides/query.js';
export { type CompiledProgram, compileProgram, versionAt } from './program/compile.js';
export * from './program/index.js';
export {
  type PartnerSummary,
  partnerSummaries,
  partnerSummary,
  type RunReport,
  runReport,
} from './reports/run-report.js';
export * from './rules/index.js';
export type { Progress, Requirement, TierPreview, WaitlistPlace } from './tiers/progress.js';
/** The version of this package, as in its package.json. */
export const VERSION = '0.1.0';
export type { FactSource } from './facts/catalogue.js';
export * from './ports/index.js';
export type {
  CompiledOverrideLevel,
  CompiledOverrides,
  CompiledRule,
  CompiledTier,
  CompiledVersion,
} from './program/compile.js';
export {
  featureNamesOf,
  overviewPage,
  type PortalPageOptions,
  partnerPage,
} from './reports/portal/index.js';
export {
  eventsDigest,
  type ProgramDigest,
  programDigest,
  type Reproducibility,
  reproducibilityLine,
} from './reports/reproducibility.js';
export type { ReadonlyCondition } from './rules/condition.js';
export type * from './simulation/comparison.js';
export { SimulationError, type SimulationErrorCode } from './simulation/errors.js';
export type { ForecastMonth } from './simulation/forecast.js';
export {
  type CalibrationSummary,
  ForecastError,
  type ForecastOptions,
  type ForecastProgramme,
  type ForecastReport,
  type ForecastRun,
  forecast,
  type Percentiles,
} from './simulation/forecast.js';
export { type GeneratedEvent, type GenerateOptions, generateEvents } from './simulation/generator.js';
export {
  checkGuard,
  type Guard,
  type GuardKind,
  type GuardLimit,
  type GuardResult,
  type GuardViolation,
  guardText,
  parseGuard,
} from './simulation/guards.js';
export {
  type Kpi,
  type KpiOptions,
  type KpiReport,
  type KpiStatus,
  kpis,
  type QuarterRetention,
} from './simulation/kpis.js';
export type * from './simulation/outcome.js';
export type {
  EntryChange,
  EntryChangeKind,
  EntrySide,
  PartnerExplanation,
} from './simulation/partner-delta.js';
export type { ProgramLike, SimulateOptions } from './simulation/plan.js';
export type { PoolOptions } from './simulation/pool.js';
export { type PathStep, parseProgramPath } from './simulation/program-path.js';
export {
  type BaselineReport,
  type CandidateReport,
  type SimulateInWorkersOptions,
  type SimulationReport,
  simulate,
  simulateInWorkers,
} from './simulation/simulate.js';
export {
  axisValues,
  MAX_SWEEP_CELLS,
  MAX_SWEEP_VALUES,
  type SweepAxis,
  type SweepOptions,
  type SweepReport,
  type SweepRow,
  sweep,
  sweepInWorkers,
} from './simulation/sweep.js';
export type * from './views/types.js';

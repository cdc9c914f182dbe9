// The contract's `run --format json` object: partners ordered by id with their tier, status,
// counts, badges, unlocks and balance; the ledger and effects in the order they happened; the
// rejected and skipped events with their input positions.
import type { ReplayResult } from '../engine/engine.js';
import type { Effect, LedgerEntry } from '../engine/outputs.js';
import { type EngineState, type PartnerStatus, partnerIds, partnerOf } from '../engine/state.js';
import { type BalanceSummary, formatBalance } from '../ledger/balance.js';
import { formatMinor } from '../money/minor.js';
import type { CompiledProgram } from '../program/compile.js';
import { partnerStatus } from '../tiers/progress.js';
import { unlocksOf } from '../tiers/unlocks.js';

/**
 * One partner as the contract's run report shows it: tier, status, counts, badges, unlocks and
 * balance.
 */
export interface PartnerSummary {
  /** The partner's id. */
  readonly id: string;
  /** The tier it holds. */
  readonly tier: string;
  /** Good, at risk after a failed review, or waitlisted for a full tier. */
  readonly status: PartnerStatus;
  /** Its sponsor, or null. */
  readonly sponsorId: string | null;
  /** Its counted deals, all time. */
  readonly deals: number;
  /** Its net revenue, all time, as a money string. */
  readonly revenue: string;
  /** The ids of the badges it holds, each once, in the order first awarded. */
  readonly badges: readonly string[];
  /** Every feature its tier unlocks (cumulative up the ranks). */
  readonly unlocks: readonly string[];
  /** Its balance, as money strings. */
  readonly balance: BalanceSummary;
}

/**
 * The contract's run object for a replay (what `partner-engine run --format json` prints): partners
 * ordered by id, the ledger and effects in the order they happened, and the events refused or
 * skipped.
 */
export interface RunReport {
  /** The instant the replay ran up to, as `ReplayResult.asOf`. */
  readonly asOf: string | null;
  /** Every partner, ordered by id. */
  readonly partners: readonly PartnerSummary[];
  /** The ledger, in the order it was booked. */
  readonly ledger: readonly LedgerEntry[];
  /** The effects, in the order they happened. */
  readonly effects: readonly Effect[];
  /** Events refused, in input order. */
  readonly rejected: ReplayResult['rejected'];
  /** Events skipped, in input order. */
  readonly skipped: ReplayResult['skipped'];
}

/**
 * Each partner of a state as the contract shows it, ordered by id.
 *
 * @example
 * const { state } = engine.replay(events);
 * partnerSummaries(engine.compiled, state).map((partner) => [partner.id, partner.tier, partner.balance.earned])
 * //=> [['ana', 'starter', '200.00']]
 */
export function partnerSummaries(compiled: CompiledProgram, state: EngineState): PartnerSummary[] {
  return [...eachPartnerSummary(compiled, state)];
}

/** The same summaries one at a time, for a writer that prints each and lets it go. */
export function* eachPartnerSummary(
  compiled: CompiledProgram,
  state: EngineState,
): Generator<PartnerSummary> {
  for (const id of partnerIds(state)) {
    const summary = partnerSummary(compiled, state, id);
    if (!summary) throw new Error(`internal: partner ${id} vanished`);
    yield summary;
  }
}

/**
 * One partner as `run --format json` writes it, or undefined when it never joined.
 *
 * @example
 * partnerSummary(engine.compiled, state, 'p1')?.balance.payable
 * //=> '200.00'
 */
export function partnerSummary(
  compiled: CompiledProgram,
  state: EngineState,
  partnerId: string,
): PartnerSummary | undefined {
  const partner = partnerOf(state, partnerId);
  if (!partner) return undefined;
  const places = compiled.program.currency.decimals;
  return {
    id: partnerId,
    tier: compiled.program.tiers[partner.tier]?.id ?? '',
    status: partnerStatus(partner),
    sponsorId: partner.sponsorId,
    deals: partner.countedDeals,
    revenue: formatMinor(partner.revenue, places),
    badges: [...new Set(partner.badges.map((award) => award.badge))],
    unlocks: unlocksOf(compiled, partner.tier),
    balance: formatBalance(partner.balance, places),
  };
}

/**
 * The contract's run object for a replay.
 *
 * @example
 * runReport(engine.compiled, engine.replay(events)).partners[0].tier
 * //=> 'starter'
 */
export function runReport(compiled: CompiledProgram, result: ReplayResult): RunReport {
  return {
    asOf: result.asOf,
    partners: partnerSummaries(compiled, result.state),
    ledger: result.ledger,
    effects: result.effects,
    rejected: result.rejected,
    skipped: result.skipped,
  };
}

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

export interface PartnerSummary {
  readonly id: string;
  readonly tier: string;
  readonly status: PartnerStatus;
  readonly sponsorId: string | null;
  readonly deals: number;
  readonly revenue: string;
  readonly badges: readonly string[];
  readonly unlocks: readonly string[];
  readonly balance: BalanceSummary;
}

export interface RunReport {
  readonly asOf: string | null;
  readonly partners: readonly PartnerSummary[];
  readonly ledger: readonly LedgerEntry[];
  readonly effects: readonly Effect[];
  readonly rejected: ReplayResult['rejected'];
  readonly skipped: ReplayResult['skipped'];
}

/** Each partner of a state as the contract shows it, ordered by id. */
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

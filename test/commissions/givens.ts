// Givens for the money tests: partners brought to a tier by the fewest deals SISO-PROGRAM.md
// asks for (3 counted deals and the certification for Active, 10 for Performer, 25 for Elite),
// runs of deals, and small readers of a partner's entries and balance.
import type { LedgerEntry } from '../../src/engine/outputs.js';
import { Decimal } from '../../src/money/decimal.js';
import { dealRun, events, type Outcome } from '../support/scenario.js';

export { type DealRun, dealRun } from '../support/scenario.js';

export const HOUR_MS = 3_600_000;

/** SISO-PROGRAM.md, "Tiers": the counted deals each tier needs (Active also the certification). */
export const DEALS_FOR = { starter: 0, active: 3, performer: 10, elite: 25 } as const;
export type TierId = keyof typeof DEALS_FOR;

export interface PartnerOptions {
  readonly sponsorId?: string | null;
  readonly certified?: boolean;
}

/** A partner who joins at midnight of `day` (event `join-${id}`) and is certified at 01:00 (`cert-${id}`). */
export function joinedPartner(partnerId: string, day: string, options: PartnerOptions = {}): unknown[] {
  const joined = events.joined(partnerId, `${day}T00:00:00Z`, options.sponsorId ?? null, `join-${partnerId}`);
  if (options.certified === false) return [joined];
  return [joined, events.trained(partnerId, `${day}T01:00:00Z`, 'certification', `cert-${partnerId}`)];
}

/**
 * A certified partner who reaches `tier` on `day`: it joins, is certified, then closes the
 * deals the tier needs, of 1,000.00 each, one an hour from 02:00 (deals `${id}-d1`, ...).
 */
export function partnerAt(tier: TierId, partnerId: string, day: string, sponsorId: string | null = null) {
  return [
    ...joinedPartner(partnerId, day, { sponsorId }),
    ...dealRun(partnerId, { from: `${day}T02:00:00Z`, count: DEALS_FOR[tier] }),
  ];
}

/** The sum of some ledger entries, exactly, as a money string. */
export function sumOf(entries: readonly LedgerEntry[]): string {
  return entries.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0)).toFixed(2);
}

/** What a partner nets on one deal: the sum of its entries of that deal. */
export function netOn(outcome: Outcome, partnerId: string, dealId: string): string {
  return sumOf(outcome.entries({ partnerId, dealId }));
}

/** The fields of a ledger entry that carry its money, for compact assertions. */
export function moneyOf(entry: LedgerEntry | undefined) {
  if (!entry) return undefined;
  const { id, partnerId, kind, rate, basis, amount } = entry;
  return { id, partnerId, kind, rate, basis, amount };
}

// The generator's payouts: after each payout run (the 15th) the host pays partners what it knows
// they are owed. The generator cannot run the engine, so it pays from a conservative estimate
// that never exceeds the payable balance the engine will hold at that moment.

/** What the payout estimate needs of one generated deal. */
export interface ReleasedDeal {
  readonly partnerIndex: number;
  /** Epoch ms when the deal's hold period ends (its earnings become payable). */
  readonly releaseAt: number;
  /** The deal amount less every refund it will ever get, in cents. */
  readonly netCents: number;
  readonly refundCount: number;
}

export interface PlannedPayout {
  readonly instant: number;
  readonly partnerIndex: number;
  readonly cents: number;
}

/** The payments are made on the 17th at 10:00 UTC, two days after the payout run. */
const PAYMENT_DAY = 17;
const PAYMENT_HOUR = 10;
const MINIMUM_CENTS = 5_000;
/** Paying only part of the estimate leaves room for anything the estimate misjudges. */
const SHARE_PAID = 0.8;

/**
 * A lower bound on the seller's own commission left on a deal. The seller's rate is never below
 * Starter's 20 %; a commission rounds (half-even) to at least floor(20 % of the amount), and each
 * partial clawback rounds up by at most half a cent, so one cent per refund covers rounding. A
 * deal refunded in full nets exactly zero. Referral bonuses and overrides only add to the
 * balance, and counting refunds that come later only lowers the estimate.
 */
function safeCommissionCents(deal: ReleasedDeal): number {
  if (deal.netCents === 0) return 0;
  return Math.floor(deal.netCents / 5) - deal.refundCount;
}

/**
 * Payments after each payout run: 80 % of a partner's estimated payable balance, in whole
 * cents, when that estimate is at least the 50.00 minimum.
 *
 * @example
 * planPayouts([{ partnerIndex: 0, releaseAt: Date.parse('2025-01-31T00:00:00Z'), netCents: 100_000,
 *   refundCount: 0 }], 1, Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-03-01T00:00:00Z'))
 * //=> [{ instant: Date.parse('2025-02-17T10:00:00Z'), partnerIndex: 0, cents: 16_000 }]
 */
export function planPayouts(
  deals: readonly ReleasedDeal[],
  partnerCount: number,
  startMs: number,
  endMs: number,
): PlannedPayout[] {
  const byRelease = [...deals].sort((a, b) => a.releaseAt - b.releaseAt);
  const owedCents = new Float64Array(partnerCount);
  const paidCents = new Float64Array(partnerCount);
  const payouts: PlannedPayout[] = [];
  let released = 0;
  for (const instant of paymentDays(startMs, endMs)) {
    for (let deal = byRelease[released]; deal && deal.releaseAt <= instant; deal = byRelease[released]) {
      owedCents[deal.partnerIndex] = (owedCents[deal.partnerIndex] ?? 0) + safeCommissionCents(deal);
      released += 1;
    }
    for (let partnerIndex = 0; partnerIndex < partnerCount; partnerIndex += 1) {
      const estimate = (owedCents[partnerIndex] ?? 0) - (paidCents[partnerIndex] ?? 0);
      if (estimate < MINIMUM_CENTS) continue;
      const cents = Math.floor(estimate * SHARE_PAID);
      paidCents[partnerIndex] = (paidCents[partnerIndex] ?? 0) + cents;
      payouts.push({ instant, partnerIndex, cents });
    }
  }
  return payouts;
}

/** The payment instants strictly after the start and before the end of the period. */
function paymentDays(startMs: number, endMs: number): number[] {
  const days: number[] = [];
  const first = new Date(startMs);
  for (let month = 0; ; month += 1) {
    const instant = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + month, PAYMENT_DAY, PAYMENT_HOUR);
    if (instant >= endMs) return days;
    if (instant > startMs) days.push(instant);
  }
}

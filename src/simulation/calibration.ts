// The forecast's calibration: the history's own rates, measured over its complete calendar
// months (joins a month, deals per partner-month by the tier held when the month began, those
// deals' amounts, the sponsored share of joins) and over all its deals (refund rate, the share
// refunded, the days to the refund), and how soon its partners completed each required module.
import { Decimal } from '../money/decimal.js';
import { DAY_MS, type History, rankAt } from './history.js';
import { modulesRequiredBy } from './kpi-progression.js';
import { completeMonths } from './kpi-revenue.js';
import { median } from './statistics.js';

/** What the history says about one tier (by the tier held when each month began). */
export interface TierCalibration {
  readonly tier: string;
  readonly partnerMonths: number;
  readonly deals: number;
  /** deals / partnerMonths, or null with no partner-month in the tier. */
  readonly dealsPerPartnerMonth: Decimal | null;
  /** The amounts of those deals, in the order they closed: the future draws its deals from them. */
  readonly dealAmounts: readonly string[];
}

export interface ModuleCalibration {
  readonly moduleId: string;
  /** Partners who completed it, of the partners who joined. */
  readonly completedShare: Decimal;
  /** Median whole days from joining to completing it (0 when nobody did). */
  readonly days: number;
}

export interface Calibration {
  readonly months: number;
  readonly joins: number;
  readonly joinsPerMonth: Decimal;
  /** Joins with a sponsor, of the joins in those months (0 when there were none). */
  readonly sponsoredShare: Decimal;
  readonly tiers: readonly TierCalibration[];
  readonly deals: number;
  readonly refundedDeals: number;
  /** Deals with at least one refund, of all deals (0 with no deal). */
  readonly refundRate: Decimal;
  /** What the refunds took back, of the amounts of the deals refunded. */
  readonly refundedShare: Decimal;
  /** Median whole days from a refunded deal to its first refund. */
  readonly refundDays: number;
  readonly modules: readonly ModuleCalibration[];
}

const ZERO = new Decimal(0);

function ratio(numerator: Decimal | number | string, denominator: Decimal | number | string): Decimal {
  const whole = new Decimal(denominator);
  return whole.isZero() ? ZERO : new Decimal(numerator).dividedBy(whole);
}

function medianDays(durations: readonly number[]): number {
  const middle = median(durations.map((duration) => new Decimal(duration)));
  return middle === null
    ? 0
    : middle.dividedBy(DAY_MS).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

/**
 * The rates of a history.
 *
 * @throws {RangeError} when the history has no complete calendar month to measure rates over.
 * @example
 * calibrate(readHistory(events, sisoProgram)).joinsPerMonth.toString()
 * //=> '2.5' (5 partners joined over 2 complete months)
 */
export function calibrate(history: History): Calibration {
  const months = completeMonths(history);
  if (months.length === 0)
    throw new RangeError(
      'the history has no complete calendar month: a forecast needs at least one to measure its rates',
    );
  const first = months[0]?.start ?? 0;
  const end = months.at(-1)?.end ?? 0;
  const joined = [...history.partners.values()].filter(
    (partner) => partner.joinedAt >= first && partner.joinedAt < end,
  );
  const sponsored = joined.filter((partner) => partner.sponsorId !== null).length;
  return {
    months: months.length,
    joins: joined.length,
    joinsPerMonth: ratio(joined.length, months.length),
    sponsoredShare: ratio(sponsored, joined.length),
    tiers: tierCalibrations(history),
    ...refundCalibration(history),
    modules: moduleCalibrations(history),
  };
}

/** Per tier: partner-months (members for the whole month), the deals closed in them, their amounts. */
function tierCalibrations(history: History): TierCalibration[] {
  const months = completeMonths(history);
  const { tiers } = history.program;
  const partnerMonths = tiers.map(() => 0);
  const amounts: string[][] = tiers.map(() => []);
  const monthOf = (at: number) => months.findIndex((month) => at >= month.start && at < month.end);
  const dealsByMonth = new Map<string, string[]>(); // `${month} ${partner}` → amounts
  for (const deal of history.deals) {
    const index = monthOf(deal.at);
    if (index < 0) continue;
    const key = `${index} ${deal.partnerId}`;
    dealsByMonth.set(key, [...(dealsByMonth.get(key) ?? []), deal.amount.toFixed()]);
  }
  months.forEach((month, index) => {
    for (const partner of history.partners.values()) {
      if (partner.joinedAt > month.start) continue;
      const rank = rankAt(partner, month.start) ?? 0;
      partnerMonths[rank] = (partnerMonths[rank] ?? 0) + 1;
      amounts[rank]?.push(...(dealsByMonth.get(`${index} ${partner.id}`) ?? []));
    }
  });
  return tiers.map((tier, rank) => {
    const count = partnerMonths[rank] ?? 0;
    const dealAmounts = amounts[rank] ?? [];
    return {
      tier: tier.id,
      partnerMonths: count,
      deals: dealAmounts.length,
      dealsPerPartnerMonth: count === 0 ? null : ratio(dealAmounts.length, count),
      dealAmounts,
    };
  });
}

function refundCalibration(history: History) {
  const amounts = new Map(history.deals.map((deal) => [deal.dealId, deal]));
  const refunded = new Map<string, { amount: Decimal; firstAt: number }>();
  for (const refund of history.refunds) {
    const seen = refunded.get(refund.dealId);
    refunded.set(refund.dealId, {
      amount: (seen?.amount ?? ZERO).plus(refund.amount),
      firstAt: seen?.firstAt ?? refund.at,
    });
  }
  let dealAmounts = ZERO;
  let refundedAmounts = ZERO;
  const delays: number[] = [];
  for (const [dealId, refund] of refunded) {
    const deal = amounts.get(dealId);
    if (!deal) continue;
    dealAmounts = dealAmounts.plus(deal.amount);
    refundedAmounts = refundedAmounts.plus(refund.amount);
    delays.push(refund.firstAt - deal.at);
  }
  return {
    deals: history.deals.length,
    refundedDeals: delays.length,
    refundRate: ratio(delays.length, history.deals.length),
    refundedShare: ratio(refundedAmounts, dealAmounts),
    refundDays: medianDays(delays),
  };
}

/** For each module the tier rules require: who completed it, and how soon after joining. */
function moduleCalibrations(history: History): ModuleCalibration[] {
  const modules = new Set<string>();
  for (const tier of history.program.tiers) modulesRequiredBy([tier.qualify, tier.maintain ?? null], modules);
  const partners = [...history.partners.values()];
  return [...modules].sort().map((moduleId) => {
    const durations = partners.flatMap((partner) => {
      const at = partner.trainings.get(moduleId);
      return at === undefined ? [] : [at - partner.joinedAt];
    });
    return {
      moduleId,
      completedShare: ratio(durations.length, partners.length),
      days: medianDays(durations),
    };
  });
}

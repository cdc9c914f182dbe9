// Revenue per partner per month by tier, against the seed's figures: over the complete calendar
// months of the history, each partner who was a member for the whole month counts one
// partner-month in the tier it held when the month began, with its deals closed that month net
// of the refunds received that month.
import type { PeriodRange } from '../engine/calendar.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import { roundToPlaces } from '../money/rounding.js';
import { type History, rankAt } from './history.js';
import type { Kpi, KpiStatus } from './kpis.js';
import { NOT_AVAILABLE } from './statistics.js';

/** The seed's revenue per partner per month, by tier rank: Starter, Active, Performer, Elite. */
export const SEED_REVENUE_PER_MONTH = ['199', '755', '1424', '4636'] as const;

/** Partner-months and their revenue, by tier rank. */
export interface TierMonths {
  readonly partnerMonths: number[];
  readonly revenue: Decimal[];
}

/** The complete calendar months from the one holding the first event to the as-of time. */
export function completeMonths(history: History): PeriodRange[] {
  const months: PeriodRange[] = [];
  if (history.firstAt === null || history.asOf === null) return months;
  for (let month = history.calendar.periodOf(history.firstAt, 'month'); month.end <= history.asOf; ) {
    months.push(month);
    month = history.calendar.periodOf(month.end, 'month');
  }
  return months;
}

/** Partner-months by the tier held at each month's start, and their net revenue. */
export function tierMonths(history: History): TierMonths {
  const tiers = history.program.tiers.length;
  const partnerMonths = Array.from({ length: tiers }, () => 0);
  const revenue = Array.from({ length: tiers }, () => new Decimal(0));
  const months = completeMonths(history);
  const net = new Map<string, Decimal>(); // `${month index} ${partner id}`
  const add = (at: number, partnerId: string, amount: Decimal) => {
    const index = months.findIndex((month) => at >= month.start && at < month.end);
    if (index < 0) return;
    const key = `${index} ${partnerId}`;
    net.set(key, (net.get(key) ?? new Decimal(0)).plus(amount));
  };
  for (const deal of history.deals) add(deal.at, deal.partnerId, deal.amount);
  for (const refund of history.refunds) add(refund.at, refund.partnerId, refund.amount.negated());
  months.forEach((month, index) => {
    for (const partner of history.partners.values()) {
      if (partner.joinedAt > month.start) continue;
      const rank = rankAt(partner, month.start) ?? 0;
      partnerMonths[rank] = (partnerMonths[rank] ?? 0) + 1;
      revenue[rank] = (revenue[rank] as Decimal).plus(net.get(`${index} ${partner.id}`) ?? 0);
    }
  });
  return { partnerMonths, revenue };
}

/** One KPI per tier: its revenue per partner-month against the seed's figure for its rank. */
export function revenuePerPartnerMonth(history: History): Kpi[] {
  const { program } = history;
  const { decimals, code } = program.currency;
  const { partnerMonths, revenue } = tierMonths(history);
  return program.tiers.map((tier, rank) => {
    const count = partnerMonths[rank] ?? 0;
    const seed = SEED_REVENUE_PER_MONTH[rank];
    const target = seed === undefined ? null : `>= ${formatMoney(new Decimal(seed), decimals)}`;
    const kpi = (value: string, status: KpiStatus): Kpi => ({
      id: `revenue-per-partner-month:${tier.id}`,
      name: `Revenue per partner per month, ${tier.name}`,
      value,
      unit: `${code}/month`,
      target,
      status,
      basis: `${count} partner-month${count === 1 ? '' : 's'}`,
    });
    if (count === 0) return kpi(NOT_AVAILABLE, seed === undefined ? 'no target' : 'n/a');
    const average = (revenue[rank] as Decimal).dividedBy(count);
    const value = formatMoney(roundToPlaces(average, decimals, program.rounding), decimals);
    return kpi(
      value,
      seed === undefined ? 'no target' : average.greaterThanOrEqualTo(seed) ? 'met' : 'not met',
    );
  });
}

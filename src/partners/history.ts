// A partner's month-by-month results (counted deals, net revenue, commission) and the tier it
// held at each month end, which leaderboards and period badges read instead of rescanning events.
// The tier is kept as its changes only: most partners hold one tier for many months.
import type { PeriodRange } from '../engine/calendar.js';
import type { Draft } from '../engine/draft.js';
import type { Context } from '../engine/slice.js';
import { copyTable, type MonthResult, type PartnerState } from '../engine/state.js';
import { NO_MINOR_UNITS } from '../money/minor.js';
import type { LeaderboardMetric } from '../program/schema.js';

/** At each month end (before reviews), remember the tier each partner held, if it changed. */
export function closeMonth(context: Context, month: PeriodRange): void {
  const { tiers } = context.version;
  const changed = (partner: PartnerState) => partner.monthEndTiers.at(-1)?.[1] !== tiers[partner.tier]?.id;
  // Only partners whose tier is not yet the last one remembered (new ones, promoted, demoted).
  for (const id of context.draft.partnersWhere('month-end-tier', changed)) {
    const partner = context.draft.partner(id);
    if (!partner || partner.joinedAt >= month.end) continue;
    const tier = tiers[partner.tier]?.id;
    if (tier === undefined || partner.monthEndTiers.at(-1)?.[1] === tier) continue;
    const writable = context.draft.writablePartner(id);
    writable.monthEndTiers = [...writable.monthEndTiers, [month.key, tier]];
  }
}

/**
 * The tier a partner held when a month ended (undefined before its first month end).
 *
 * @example
 * tierAtMonthEnd({ monthEndTiers: [['2025-01', 'starter'], ['2025-04', 'active']] }, '2025-03')
 * //=> 'starter'
 */
export function tierAtMonthEnd(
  partner: Pick<PartnerState, 'monthEndTiers'>,
  month: string,
): string | undefined {
  const changes = partner.monthEndTiers;
  for (let index = changes.length - 1; index >= 0; index--) {
    const change = changes[index];
    if (change && change[0] <= month) return change[1];
  }
  return undefined;
}

/**
 * A writable partner's results for a month, to change in place: made empty the first time, and
 * the history and the month taken as the draft's own before the first change (a writable partner
 * shares them with the state it was copied from).
 */
export function monthResult(draft: Draft, partner: PartnerState, month: string): MonthResult {
  const history = draft.own(partner.history, copyTable);
  partner.history = history;
  const current = history[month];
  const result =
    current === undefined
      ? { deals: 0, revenue: NO_MINOR_UNITS, commission: NO_MINOR_UNITS }
      : draft.own(current, copyMonth);
  history[month] = result;
  return result;
}

function copyMonth(result: MonthResult): MonthResult {
  const copy: MonthResult = { deals: result.deals, revenue: result.revenue, commission: result.commission };
  // Its entries are replaced, never changed: a copy of the table is enough.
  if (result.late !== undefined) copy.late = copyTable(result.late);
  return copy;
}

/** Month keys a period covers: "2025-01".."2025-03" for "2025-Q1". */
export function monthsOf(context: Pick<Context, 'calendar'>, range: PeriodRange): string[] {
  const months: string[] = [];
  for (let instant = range.start; instant < range.end; ) {
    const month = context.calendar.periodOf(instant, 'month');
    months.push(month.key);
    instant = month.end;
  }
  return months;
}

/**
 * A partner's score for a metric over some months of its history: a count of deals, or money in
 * minor units (exact integers).
 */
export function scoreOf(partner: PartnerState, months: readonly string[], metric: LeaderboardMetric): number {
  let total = 0;
  for (const month of months) {
    const result = partner.history[month];
    if (!result) continue;
    total += metric === 'deals' ? result.deals : metric === 'revenue' ? result.revenue : result.commission;
    // Refunds received this month of deals closed earlier in the same period (commission already
    // counts its clawbacks in the month they were made).
    if (metric === 'commission' || !result.late) continue;
    for (const [dealMonth, refunded] of Object.entries(result.late)) {
      if (dealMonth < month && months.includes(dealMonth)) {
        total -= metric === 'deals' ? refunded.deals : refunded.revenue;
      }
    }
  }
  return total;
}

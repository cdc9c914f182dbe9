// A partner's month-by-month results (counted deals, net revenue, commission, tier at month end),
// which leaderboards and period badges read instead of rescanning events.
import type { PeriodRange } from '../engine/calendar.js';
import type { Context } from '../engine/slice.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';

/** At each month end (before reviews), remember the tier each partner held, for leaderboards by tier. */
export function closeMonth(context: Context, month: PeriodRange): void {
  const zero = formatMoney(new Decimal(0), context.compiled.program.currency.decimals);
  for (const id of Object.keys(context.draft.state.partners)) {
    const partner = context.draft.partner(id);
    if (!partner || Date.parse(partner.joinedAt) >= month.end) continue;
    const result = partner.history[month.key];
    const tier = context.version.tiers[partner.tier]?.id;
    if (result?.tier === tier) continue;
    const writable = context.draft.writablePartner(id);
    writable.history[month.key] = {
      ...(result ?? { deals: 0, revenue: zero, commission: zero }),
      ...(tier ? { tier } : {}),
    };
  }
}

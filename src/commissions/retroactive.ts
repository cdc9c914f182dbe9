// Retroactive tier rates ("the bonus rate applies to all actions of the period, not only those
// past the tier"): when a partner holds a tier that declares it, its earlier counted deals of the
// same period that were paid a lower tier rate are topped up with adjustment entries (rate = the
// difference, basis = the part of the deal not refunded), explained and clawed back like any entry.
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { earn } from '../ledger/book.js';
import { dealEntryId } from '../ledger/ids.js';
import { Decimal } from '../money/decimal.js';
import { subtractMinor } from '../money/minor.js';
import { versionAt } from '../program/compile.js';

/** The own-commission rate a deal has paid its seller so far: commission plus retroactive top-ups. */
function ratePaid(
  context: Context,
  dealId: string,
  sellerId: string,
): { rate: Decimal; fromTier: boolean; commissionId: string | undefined } | null {
  const deal = context.draft.deal(dealId);
  if (!deal) return null;
  let rate = new Decimal(0);
  let fromTier = false;
  let commissionId: string | undefined;
  for (const entry of deal.entries) {
    if (entry.partnerId !== sellerId) continue;
    if (entry.kind === 'commission') {
      rate = rate.plus(entry.rate);
      fromTier = entry.source === 'tier';
      commissionId = dealEntryId(deal, entry);
    } else if (entry.kind === 'adjustment') rate = rate.plus(entry.rate);
  }
  return { rate, fromTier, commissionId };
}

function topUp(context: Context, partner: PartnerState): void {
  const tier = context.version.tiers[partner.tier];
  if (!tier?.retroactive) return;
  const period = tier.retroactive.period;
  const current = context.calendar.periodOf(context.instant, period).key;
  const recent = partner.recentDeals[period];
  if (recent.key !== current) return;
  for (const dealId of recent.dealIds) {
    const deal = context.draft.deal(dealId);
    const paid = ratePaid(context, dealId, partner.id);
    if (!deal || !paid?.fromTier) continue;
    // The tier's rate in the version in force when the deal closed: a later version never re-prices.
    const target = versionAt(context.compiled, deal.closedAt).tiers[partner.tier]?.baseRate;
    if (!target?.greaterThan(paid.rate)) continue;
    const remaining = subtractMinor(deal.amount, deal.refunded);
    if (remaining === 0) continue;
    earn(context, deal, context.eventId ?? deal.eventId, {
      partnerId: partner.id,
      kind: 'adjustment',
      rate: target.minus(paid.rate),
      basis: remaining,
      basisOf: 'deal',
      source: 'retroactive',
      qualifiers: [deal.id],
      reverses: paid.commissionId,
      reason: `${tier.name}'s rate applies retroactively to deal ${deal.id} of ${current}, paid ${paid.rate.times(100).toString()} % before`,
    });
  }
}

/** After an event: top up the deals of every touched partner whose tier is retroactive. */
export function applyRetroactiveRates(context: Context): void {
  if (context.compiled.retroactivePeriods.size === 0) return;
  for (const partnerId of [...context.touched]) {
    const partner = context.draft.partner(partnerId);
    if (partner) topUp(context, partner);
  }
}

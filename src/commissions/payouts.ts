// Money movement after the ledger: a deal's hold period ends (its earnings become payable), the
// payout run on the programme's day asks the host to pay every balance at or above the minimum
// (smaller ones carry over), and payout.paid records what the host paid.
import type { Context } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { release } from '../ledger/balance.js';
import { formatMinor, type MinorUnits, minorOfDecimal } from '../money/minor.js';

const DAY_MS = 86_400_000;

/** Queues a new deal's release at the end of its hold period, keeping release order. */
export function holdDeal(context: Context, deal: DealState): void {
  const releaseAt = deal.closedAt + context.version.holdPeriodDays * DAY_MS;
  context.draft.addHold({ releaseAt, dealId: deal.id });
}

export function holdEnded(context: Context, deal: DealState): void {
  const writable = context.draft.writableDeal(deal.id);
  writable.released = true;
  for (const entry of writable.entries) {
    if (entry.net !== 0) release(context.draft.writablePartner(entry.partnerId).balance, entry.net);
  }
}

/** Whether a partner has a positive payable balance (the payout run looks at those only). */
const hasPayable = (partner: PartnerState) => partner.balance.payable > 0;

/** Whether a payout run pays a payable balance: positive and at least the minimum (minor units). */
export const paysOut = (payable: MinorUnits, minimum: MinorUnits): boolean =>
  payable > 0 && payable >= minimum;

export function payoutRun(context: Context): void {
  const { currency } = context.compiled.program;
  const minimum = minorOfDecimal(context.version.payouts.minimum, currency.decimals);
  for (const id of context.draft.partnersWhere('payable', hasPayable)) {
    const partner = context.draft.partner(id);
    if (!partner) continue;
    const payable = partner.balance.payable;
    if (!paysOut(payable, minimum)) continue;
    context.emit({
      type: 'payout.due',
      partnerId: id,
      at: context.at,
      eventId: null,
      amount: formatMinor(payable, currency.decimals),
      currency: currency.code,
    });
  }
}

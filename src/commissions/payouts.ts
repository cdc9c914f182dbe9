// Money movement after the ledger: a deal's hold period ends (its earnings become payable), the
// payout run on the programme's day asks the host to pay every balance at or above the minimum
// (smaller ones carry over), and payout.paid records what the host paid.
import type { Context } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { release } from '../ledger/balance.js';
import { compareAmounts, isZeroAmount } from '../money/amounts.js';
import { formatMoney } from '../money/format.js';

const DAY_MS = 86_400_000;

/** Queues a new deal's release at the end of its hold period, keeping release order. */
export function holdDeal(context: Context, deal: DealState): void {
  const releaseAt = new Date(
    Date.parse(deal.closedAt) + context.version.holdPeriodDays * DAY_MS,
  ).toISOString();
  context.draft.addHold({ releaseAt, dealId: deal.id });
}

export function holdEnded(context: Context, deal: DealState): void {
  const places = context.compiled.program.currency.decimals;
  const writable = context.draft.writableDeal(deal.id);
  writable.released = true;
  for (const entry of writable.entries) {
    if (isZeroAmount(entry.net)) continue;
    release(context.draft.writablePartner(entry.partnerId).balance, entry.net, places);
  }
}

/** Whether a partner has a positive payable balance (the payout run looks at those only). */
const hasPayable = (partner: PartnerState) =>
  !partner.balance.payable.startsWith('-') && !isZeroAmount(partner.balance.payable);

export function payoutRun(context: Context): void {
  const { currency } = context.compiled.program;
  const minimum = formatMoney(context.version.payouts.minimum, currency.decimals);
  for (const id of context.draft.partnersWhere('payable', hasPayable)) {
    const partner = context.draft.partner(id);
    if (!partner) continue;
    const payable = partner.balance.payable;
    if (!hasPayable(partner) || compareAmounts(payable, minimum, currency.decimals) < 0) continue;
    context.emit({
      type: 'payout.due',
      partnerId: id,
      at: context.at,
      eventId: null,
      amount: payable,
      currency: currency.code,
    });
  }
}

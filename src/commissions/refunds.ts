// Refunds claw back every entry of the deal (commission, referral bonus, overrides, adjustments,
// for every partner) in proportion to the part refunded: each clawback is the entry's rate times
// the refunded basis, rounded once. When the deal is refunded in full, any rounding residue left
// on an entry is reversed by an adjustment, so the deal nets to exactly 0.00 for every partner.
import type { LedgerEntry } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { DealEntry, DealState } from '../engine/state.js';
import { addAmounts } from '../money/amounts.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney, formatRate } from '../money/format.js';
import { multiplyAndRound } from '../money/money.js';
import { type RoundingMode, roundToPlaces } from '../money/rounding.js';
import { bookEntry } from './balance.js';
import { addToHistory } from './entries.js';
import { reversalId } from './ids.js';
import { makeEntry } from './ledger-entry.js';
import { readableMoney, readableRate } from './words.js';

interface Reversal {
  readonly entry: DealEntry;
  readonly kind: 'clawback' | 'adjustment';
  readonly rate: Decimal;
  readonly basis: Decimal;
  readonly amount: Decimal;
  /** The explanation's parts. */
  readonly reason: readonly string[];
}

function book(context: Context, deal: DealState, eventId: string, reversal: Reversal): LedgerEntry {
  const { currency } = context.compiled.program;
  const text = (value: Decimal) => formatMoney(value, currency.decimals);
  const earner = context.draft.writablePartner(reversal.entry.partnerId);
  const id = reversalId(eventId, reversal.kind, reversal.entry.id);
  const entry = makeEntry(
    context,
    { deal, eventId, earner },
    {
      id,
      kind: reversal.kind,
      amount: text(reversal.amount),
      rate: formatRate(reversal.rate),
      basis: text(reversal.basis),
      rateSource: 'refund',
      level: reversal.entry.level,
      reverses: reversal.entry.id,
      explanation: reversal.reason,
    },
  );
  context.record(entry);
  reversal.entry.net = addAmounts(reversal.entry.net, entry.amount, currency.decimals);
  bookEntry(earner.balance, entry, deal.released, currency.decimals);
  if (reversal.kind === 'clawback') addToHistory(context, earner, entry.amount);
  context.touched.add(reversal.entry.partnerId);
  return entry;
}

/**
 * The rate and basis of an entry's clawback: its own rate on the refunded part of its basis; for
 * an entry a cap cut, 100 % of the refunded share of what it actually paid.
 */
function clawbackTerms(
  entry: DealEntry,
  deal: DealState,
  refunded: Decimal,
  commissionClawback: Decimal,
  money: { readonly decimals: number; readonly rounding: RoundingMode },
) {
  if (entry.capped) {
    const exact = new Decimal(entry.amount).times(refunded).dividedBy(deal.amount);
    const share = roundToPlaces(exact, money.decimals, money.rounding);
    return { rate: new Decimal(1), basis: share.negated() };
  }
  const basis = entry.basisOf === 'commission' ? commissionClawback : refunded.negated();
  return { rate: new Decimal(entry.rate), basis };
}

/** Claws back a refund of `refunded` from every entry of the deal. */
export function clawBack(context: Context, dealId: string, eventId: string, refunded: Decimal): void {
  const { currency, rounding } = context.compiled.program;
  const deal = context.draft.writableDeal(dealId);
  const fully = new Decimal(deal.refunded).equals(deal.amount);
  const text = (value: Decimal) => formatMoney(value, currency.decimals);
  // Overrides paid on the seller's commission are clawed back on the commission's clawback.
  let commissionClawback = new Decimal(0);
  for (const entry of [...deal.entries]) {
    if (new Decimal(entry.net).isZero()) continue;
    const { rate, basis } = clawbackTerms(entry, deal, refunded, commissionClawback, {
      decimals: currency.decimals,
      rounding,
    });
    const amount = multiplyAndRound(rate, basis, currency.decimals, rounding);
    const reason = [
      `${readableRate(rate)} of ${readableMoney(text(basis))} = ${readableMoney(text(amount))}: `,
      `deal ${deal.id} was refunded ${readableMoney(text(refunded))} of ${readableMoney(deal.amount)}, `,
      `so ${entry.id} (${readableMoney(entry.amount)}) is clawed back in proportion`,
    ];
    if (!amount.isZero())
      book(context, deal, eventId, { entry, kind: 'clawback', rate, basis, amount, reason });
    if (entry.kind === 'commission') commissionClawback = amount;
    const residue = new Decimal(entry.net);
    if (fully && !residue.isZero()) {
      const residueReason = [
        `rounding residue of ${readableMoney(text(residue))} reversed: deal ${deal.id} was refunded in full, `,
        `so ${entry.id} nets to exactly ${text(new Decimal(0))}`,
      ];
      book(context, deal, eventId, {
        entry,
        kind: 'adjustment',
        rate: new Decimal(1),
        basis: residue.negated(),
        amount: residue.negated(),
        reason: residueReason,
      });
    }
  }
}

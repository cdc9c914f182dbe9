// Refunds claw back every entry of the deal (commission, referral bonus, overrides, adjustments,
// for every partner) in proportion to the part refunded: each clawback is the entry's rate times
// the refunded basis, rounded once. The refund that completes a full refund takes what is left of
// each entry instead, so the deal nets to exactly 0.00 for every partner and the clawbacks add up
// to exactly what it earned.

import type { LedgerEntry } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { DealEntry, DealState } from '../engine/state.js';
import { SOURCE } from '../facts/catalogue.js';
import { bookEntry } from '../ledger/balance.js';
import { addToHistory } from '../ledger/book.js';
import { makeEntry } from '../ledger/entry.js';
import { dealEntryId, reversalId } from '../ledger/ids.js';
import { readableMoney, readableRate } from '../ledger/words.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney, formatRate } from '../money/format.js';
import {
  addMinor,
  decimalOf,
  formatMinor,
  type MinorUnits,
  minorOfDecimal,
  negateMinor,
  subtractMinor,
} from '../money/minor.js';
import { multiplyAndRound } from '../money/money.js';
import { type RoundingMode, roundToPlaces } from '../money/rounding.js';

interface Reversal {
  readonly entry: DealEntry;
  readonly kind: 'clawback' | 'adjustment';
  readonly rate: Decimal;
  readonly basis: Decimal;
  readonly amount: Decimal;
  /** The explanation's parts, put into words when the explanation is first read. */
  readonly reason: () => readonly string[];
}

function book(context: Context, deal: DealState, eventId: string, reversal: Reversal): LedgerEntry {
  const { currency } = context.compiled.program;
  const text = (value: Decimal) => formatMoney(value, currency.decimals);
  const earner = context.draft.writablePartner(reversal.entry.partnerId);
  const reverses = dealEntryId(deal, reversal.entry);
  const id = reversalId(eventId, reversal.kind, reverses);
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
      reverses,
      explanation: reversal.reason,
    },
  );
  context.record(entry);
  const amount = minorOfDecimal(reversal.amount, currency.decimals);
  reversal.entry.net = addMinor(reversal.entry.net, amount);
  bookEntry(earner.balance, amount, reversal.kind, deal.released);
  if (reversal.kind === 'clawback') addToHistory(context, earner, amount);
  context.touched.add(reversal.entry.partnerId, SOURCE.ledger);
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
    const exact = decimalOf(entry.amount, money.decimals)
      .times(refunded)
      .dividedBy(decimalOf(deal.amount, money.decimals));
    const share = roundToPlaces(exact, money.decimals, money.rounding);
    return { rate: new Decimal(1), basis: share.negated() };
  }
  const basis = entry.basisOf === 'commission' ? commissionClawback : refunded.negated();
  return { rate: new Decimal(entry.rate), basis };
}

/** Claws back a refund of `refunded` from every entry of the deal. */
export function clawBack(context: Context, dealId: string, eventId: string, amount: string): void {
  const { currency, rounding } = context.compiled.program;
  const refunded = new Decimal(amount);
  const deal = context.draft.writableDeal(dealId);
  const fully = deal.refunded === deal.amount;
  // Overrides paid on the seller's commission are clawed back on the commission's clawback.
  let commissionClawback = new Decimal(0);
  for (const entry of [...deal.entries]) {
    if (entry.net === 0) continue;
    const terms = clawbackTerms(entry, deal, refunded, commissionClawback, {
      decimals: currency.decimals,
      rounding,
    });
    const proportional = multiplyAndRound(terms.rate, terms.basis, currency.decimals, rounding);
    const reversal =
      fully && !proportional.equals(decimalOf(negateMinor(entry.net), currency.decimals))
        ? remainderOf(context, deal, entry, refunded, proportional)
        : proportionalReversal(context, deal, entry, refunded, { ...terms, amount: proportional });
    if (!reversal.amount.isZero()) book(context, deal, eventId, reversal);
    if (entry.kind === 'commission') commissionClawback = reversal.amount;
  }
}

function proportionalReversal(
  context: Context,
  deal: DealState,
  entry: DealEntry,
  refunded: Decimal,
  terms: { readonly rate: Decimal; readonly basis: Decimal; readonly amount: Decimal },
): Reversal {
  const decimals = context.compiled.program.currency.decimals;
  const text = (value: Decimal) => formatMoney(value, decimals);
  const { id: dealId, amount: dealAmount } = deal;
  const entryId = dealEntryId(deal, entry);
  const entryAmount = entry.amount;
  const reason = () => [
    `${readableRate(terms.rate)} of ${readableMoney(text(terms.basis))} = ${readableMoney(text(terms.amount))}: `,
    `deal ${dealId} was refunded ${readableMoney(text(refunded))} of ${readableMoney(formatMinor(dealAmount, decimals))}, `,
    `so ${entryId} (${readableMoney(formatMinor(entryAmount, decimals))}) is clawed back in proportion`,
  ];
  return { entry, kind: 'clawback', ...terms, reason };
}

/**
 * The refund that completes a full refund takes back exactly what is left of the entry, so the
 * clawbacks of a deal add up to what it earned (never a cent more, and no residue to adjust).
 * Its rate is 100 % of that remainder, so rate × basis = amount still holds.
 */
function remainderOf(
  context: Context,
  deal: DealState,
  entry: DealEntry,
  refunded: Decimal,
  proportional: Decimal,
): Reversal {
  const decimals = context.compiled.program.currency.decimals;
  const text = (value: Decimal) => formatMoney(value, decimals);
  const remainder = decimalOf(negateMinor(entry.net), decimals);
  const { id: dealId, amount: dealAmount } = deal;
  const entryId = dealEntryId(deal, entry);
  const entryAmount = entry.amount;
  const earlier = subtractMinor(entry.amount, entry.net);
  const minor = (units: MinorUnits) => readableMoney(formatMinor(units, decimals));
  const reason = () => [
    `${readableMoney(text(remainder))}, the remainder of ${entryId}: ${minor(entryAmount)} less `,
    `${minor(earlier)} clawed back earlier. Deal ${dealId} is now refunded in full (this refund `,
    `${readableMoney(text(refunded))} of ${minor(dealAmount)}), so the last clawback takes exactly what `,
    `is left rather than ${readableMoney(text(proportional))} in proportion, and ${entryId} nets to `,
    text(new Decimal(0)),
  ];
  return { entry, kind: 'clawback', rate: new Decimal(1), basis: remainder, amount: remainder, reason };
}

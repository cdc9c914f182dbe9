// Making a ledger entry: rate × basis rounded once with the programme's mode, booked on the
// earner's balance, remembered on its deal (for clawbacks) and explained in words.

import type { LedgerEntry, LedgerKind, RateSource } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { DealEntry, DealState, PartnerState } from '../engine/state.js';
import { SOURCE } from '../facts/catalogue.js';
import type { Decimal } from '../money/decimal.js';
import { formatRate } from '../money/format.js';
import { addMinor, formatMinor, type MinorUnits, rateTimesMinor } from '../money/minor.js';
import { monthResult } from '../partners/history.js';
import { bookEntry } from './balance.js';
import { makeEntry } from './entry.js';
import { ledgerId } from './ids.js';
import { readableFacts, readableMoney, readableRate } from './words.js';

export interface Earning {
  readonly partnerId: string;
  readonly kind: Exclude<LedgerKind, 'clawback'>;
  readonly rate: Decimal;
  /** In minor units. */
  readonly basis: MinorUnits;
  /** What the rate applies to: the deal amount, or the seller's commission. */
  readonly basisOf: 'deal' | 'commission';
  readonly source: RateSource;
  /** Distinguishes entries of one kind from one event (override level, adjusted deal). */
  readonly qualifiers?: readonly string[];
  readonly level?: number;
  /** The most this entry may be (a cap's remaining room), in minor units. */
  readonly cap?: MinorUnits;
  /** Why this rate, in words, appended to the explanation. */
  readonly reason: string;
  readonly reverses?: string;
}

const rateTexts = new WeakMap<Decimal, string>();

/** A rate's canonical text, made once per rate the programme uses (entries share it). */
function rateText(rate: Decimal): string {
  let text = rateTexts.get(rate);
  if (text === undefined) {
    text = formatRate(rate);
    rateTexts.set(rate, text);
  }
  return text;
}

/** Adds an amount to the month's commission total that leaderboards read. */
export function addToHistory(context: Context, partner: PartnerState, amount: MinorUnits): void {
  const month = context.calendar.periodOf(context.instant, 'month').key;
  const result = monthResult(context.draft, partner, month);
  result.commission = addMinor(result.commission, amount);
}

/**
 * Whether the entry's id is the one its deal derives (`dealEntryId`): booked by the deal's own
 * event and told apart by its override level alone, so the deal need not keep it.
 */
function ownId(deal: DealState, eventId: string, earning: Earning): boolean {
  const qualifiers = earning.qualifiers ?? [];
  if (eventId !== deal.eventId) return false;
  if (earning.level === undefined) return qualifiers.length === 0;
  return qualifiers.length === 1 && qualifiers[0] === String(earning.level);
}

/**
 * What a deal remembers of one of its entries for as long as it lives (for clawbacks and top-ups):
 * only the fields its kind needs, in one literal per kind, so each is one object of exactly its
 * fields (a field added later takes a second block of memory).
 */
function dealRecord(
  earning: Earning,
  partnerId: string,
  rate: string,
  amount: MinorUnits,
  id: string | undefined,
): DealEntry {
  const record: DealEntry = entryOfKind(earning, partnerId, rate, amount);
  // Rare: an entry a later event booked (an adjustment) keeps its id.
  if (id !== undefined) record.id = id;
  return record;
}

function entryOfKind(earning: Earning, partnerId: string, rate: string, amount: MinorUnits): DealEntry {
  const { kind } = earning;
  switch (kind) {
    case 'commission':
      return { partnerId, kind, rate, amount, net: amount, source: earning.source };
    case 'referral-bonus':
      return { partnerId, kind, rate, amount, net: amount };
    case 'override': {
      const basisOf = earning.basisOf === 'commission' ? 'commission' : undefined;
      return { partnerId, kind, rate, amount, net: amount, basisOf, level: earning.level };
    }
    case 'adjustment':
      return { partnerId, kind, rate, amount, net: amount, source: earning.source };
    default: {
      const unknown: never = kind;
      throw new Error(`internal: entry kind ${String(unknown)}`);
    }
  }
}

/** Records one earning on a deal and returns the ledger entry made. */
export function earn(context: Context, deal: DealState, eventId: string, earning: Earning): LedgerEntry {
  const { currency, rounding } = context.compiled.program;
  const exact = rateTimesMinor(earning.rate, earning.basis, rounding);
  const amount = earning.cap !== undefined && exact > earning.cap ? earning.cap : exact;
  const earner = context.draft.writablePartner(earning.partnerId);
  const tier = context.version.tiers[earner.tier];
  const id = ledgerId(eventId, earning.kind, ...(earning.qualifiers ?? []));
  const text = (value: MinorUnits) => formatMinor(value, currency.decimals);
  const capped = amount !== exact;
  // Plain values for the explanation, which is put into words later: never the context itself.
  const tierName = tier?.name ?? '?';
  const version = context.version.version;
  const entry = makeEntry(
    context,
    { deal, eventId, earner },
    {
      id,
      kind: earning.kind,
      amount: text(amount),
      rate: rateText(earning.rate),
      basis: text(earning.basis),
      rateSource: earning.source,
      level: earning.level,
      reverses: earning.reverses,
      uncapped: capped ? text(exact) : undefined,
      explanation: (tierFacts) => [
        readableRate(earning.rate),
        ' of ',
        readableMoney(text(earning.basis)),
        ' = ',
        readableMoney(text(exact)),
        capped ? `, capped at ${readableMoney(text(amount))}` : '',
        ': ',
        earning.reason,
        '; ',
        earning.partnerId,
        ' held ',
        tierName,
        ' (',
        readableFacts(tierFacts),
        ') under programme version ',
        version,
      ],
    },
  );
  context.record(entry);
  const record = dealRecord(
    earning,
    earner.id,
    entry.rate,
    amount,
    ownId(deal, eventId, earning) ? undefined : id,
  );
  if (capped) record.capped = true;
  // A new array of exactly the right length rather than a push: the deal keeps it for as long as
  // the state lives, and a push would leave room for about 16 entries more it never takes.
  const writable = context.draft.writableDeal(deal.id);
  writable.entries = writable.entries.concat(record);
  bookEntry(earner.balance, amount, earning.kind, deal.released);
  addToHistory(context, earner, amount);
  context.touched.add(earning.partnerId, SOURCE.ledger);
  return entry;
}

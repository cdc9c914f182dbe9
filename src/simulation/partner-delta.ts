// Why one partner's pay changed: its ledger entries under both programmes, matched by entry id
// (derived from the causing event, so the same deal gives the same id under any programme). An
// entry only one run made, or one whose amount, rate, tier or programme version differ, is listed
// with both sides' derivation; the deltas of the changes add up to the partner's delta. An entry
// that differs only in the programme's version label (every entry does, when the candidate has a
// version of its own) is the same money for the same reason: it is counted as unchanged.
import type { LedgerEntry } from '../engine/outputs.js';
import { addAmounts, subtractAmounts, zeroAmount } from '../money/amounts.js';

/** One side of an entry: what it paid and how it was derived. */
export interface EntrySide {
  /** What the entry paid, as a money string. */
  readonly amount: string;
  /** What it was for. */
  readonly kind: LedgerEntry['kind'];
  /** The rate applied. */
  readonly rate: string;
  /** What the rate applied to, as a money string. */
  readonly basis: string;
  /** The earner's tier when it was booked. */
  readonly tier: string;
  /** The programme version it was paid under. */
  readonly programVersion: string;
  /** Where the rate came from. */
  readonly rateSource: LedgerEntry['rateSource'];
  /** The event that booked it. */
  readonly eventId: string;
  /** The deal it comes from. */
  readonly dealId: string;
  /** When it was booked. */
  readonly at: string;
  /** Its derivation in words. */
  readonly explanation: string;
}

/**
 * How an entry differs: made only under the baseline, only under the candidate, or under both
 * with a different amount, kind, rate, basis, tier or rate source (a different version label alone
 * is no change).
 */
export type EntryChangeKind = 'only-baseline' | 'only-candidate' | 'changed';

/** One ledger entry of the partner that differs between the two programmes, with both sides. */
export interface EntryChange {
  /** The entry's id (the same under both programmes for the same cause). */
  readonly entryId: string;
  /** How it differs. */
  readonly change: EntryChangeKind;
  /** The entry under the baseline, or null when only the candidate made it. */
  readonly baseline: EntrySide | null;
  /** The entry under the candidate, or null when only the baseline made it. */
  readonly candidate: EntrySide | null;
  /** Candidate amount minus baseline amount (a missing side counts as zero). */
  readonly delta: string;
}

/**
 * Why one partner's pay differs under a candidate: its ledger entries under both programmes,
 * matched by id; the deltas of the changes add up to the partner's delta.
 */
export interface PartnerExplanation {
  /** The partner's id. */
  readonly partnerId: string;
  /** What the partner earns under the baseline, as a money string. */
  readonly baseline: string;
  /** What it earns under the candidate. */
  readonly candidate: string;
  /** Candidate minus baseline. */
  readonly delta: string;
  /** Entries the same under both programmes, whatever their version labels (not listed). */
  readonly unchanged: number;
  /** In the order they happened. */
  readonly changes: readonly EntryChange[];
}

/**
 * Matches a partner's entries of two runs and lists what differs.
 *
 * @example
 * explainPartnerDelta('p1', baselineEntries, candidateEntries, 2).changes[0]
 * //=> { entryId: 'e4:commission', change: 'changed', delta: '20.00',
 * //     baseline: { amount: '220.00', rate: '0.22', tier: 'active', … },
 * //     candidate: { amount: '240.00', rate: '0.24', tier: 'active', … } }
 */
export function explainPartnerDelta(
  partnerId: string,
  baseline: readonly LedgerEntry[],
  candidate: readonly LedgerEntry[],
  decimals: number,
): PartnerExplanation {
  const zero = zeroAmount(decimals);
  const before = new Map(baseline.map((entry) => [entry.id, entry]));
  const after = new Map(candidate.map((entry) => [entry.id, entry]));
  const changes: Array<EntryChange & { readonly order: string }> = [];
  let unchanged = 0;
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id);
    const b = after.get(id);
    if (a && b && sameEntry(a, b)) {
      unchanged++;
      continue;
    }
    changes.push({
      entryId: id,
      change: a && b ? 'changed' : a ? 'only-baseline' : 'only-candidate',
      baseline: a ? sideOf(a) : null,
      candidate: b ? sideOf(b) : null,
      delta: subtractAmounts(b?.amount ?? zero, a?.amount ?? zero, decimals),
      order: (b ?? a)?.at ?? '',
    });
  }
  changes.sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : x.entryId < y.entryId ? -1 : 1));
  const total = (entries: readonly LedgerEntry[]) =>
    entries.reduce((sum, entry) => addAmounts(sum, entry.amount, decimals), zero);
  const baselineTotal = total(baseline);
  const candidateTotal = total(candidate);
  return {
    partnerId,
    baseline: baselineTotal,
    candidate: candidateTotal,
    delta: subtractAmounts(candidateTotal, baselineTotal, decimals),
    unchanged,
    changes: changes.map(({ order: _order, ...change }) => change),
  };
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    a.amount === b.amount &&
    a.kind === b.kind &&
    a.rate === b.rate &&
    a.basis === b.basis &&
    a.tier === b.tier &&
    a.rateSource === b.rateSource
  );
}

function sideOf(entry: LedgerEntry): EntrySide {
  return {
    amount: entry.amount,
    kind: entry.kind,
    rate: entry.rate,
    basis: entry.basis,
    tier: entry.tier,
    programVersion: entry.programVersion,
    rateSource: entry.rateSource,
    eventId: entry.eventId,
    dealId: entry.dealId,
    at: entry.at,
    explanation: entry.explanation,
  };
}

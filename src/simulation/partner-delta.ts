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
  readonly amount: string;
  readonly kind: LedgerEntry['kind'];
  readonly rate: string;
  readonly basis: string;
  readonly tier: string;
  readonly programVersion: string;
  readonly rateSource: LedgerEntry['rateSource'];
  readonly eventId: string;
  readonly dealId: string;
  readonly at: string;
  readonly explanation: string;
}

export type EntryChangeKind = 'only-baseline' | 'only-candidate' | 'changed';

export interface EntryChange {
  readonly entryId: string;
  readonly change: EntryChangeKind;
  readonly baseline: EntrySide | null;
  readonly candidate: EntrySide | null;
  /** Candidate amount minus baseline amount (a missing side counts as zero). */
  readonly delta: string;
}

export interface PartnerExplanation {
  readonly partnerId: string;
  readonly baseline: string;
  readonly candidate: string;
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

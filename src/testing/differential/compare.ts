// Two programmes on one stream: what each pays every partner, in total and entry by entry. The
// differential properties judge a comparison; their reports print it.
import {
  createEngine,
  Decimal,
  type Engine,
  type LedgerEntry,
  type Program,
  type ReplayResult,
} from '../../index.js';

/** A programme, or an engine built for one (with custom operators, say). */
export type ProgrammeOrEngine = Program | Engine;

/** What one partner earns under each programme of a comparison. */
export interface PartnerDifference {
  /** The partner's id. */
  readonly partnerId: string;
  /** What the partner earns in all (the sum of its entries, clawbacks included). */
  readonly baseline: string;
  /** What it earns under the candidate. */
  readonly candidate: string;
  /** candidate - baseline. */
  readonly difference: string;
}

/**
 * A ledger entry that differs between the two programmes (by id): its amount, rate, basis, earner,
 * tier or kind, or it is in one ledger only.
 */
export interface EntryDifference {
  /** The entry's id. */
  readonly id: string;
  /** The entry in the baseline's ledger, or null when only the candidate booked it. */
  readonly baseline: LedgerEntry | null;
  /** The entry in the candidate's ledger, or null when only the baseline booked it. */
  readonly candidate: LedgerEntry | null;
}

/**
 * Two programmes on one stream: what each pays in total, every partner, and the entries that
 * differ. What `compare` returns and the differential properties judge.
 */
export interface Comparison {
  /** The baseline's total and replay. */
  readonly baseline: {
    /** Every entry of its ledger summed, as a money string. */
    readonly total: string;
    /** Its replay of the events. */
    readonly result: ReplayResult;
  };
  /** The candidate's total and replay. */
  readonly candidate: {
    /** Every entry of its ledger summed, as a money string. */
    readonly total: string;
    /** Its replay of the events. */
    readonly result: ReplayResult;
  };
  /** Candidate total minus baseline total, as a money string. */
  readonly difference: string;
  /** Every partner either programme pays, by id. */
  readonly partners: readonly PartnerDifference[];
  /** The entries that differ (by id, in either ledger), in the baseline's order then the candidate's. */
  readonly entries: readonly EntryDifference[];
}

/** Options of `compare` and the differential properties. */
export interface CompareOptions {
  /** The as-of time of both replays; default the latest event. */
  readonly asOf?: string;
}

export function engineOf(subject: ProgrammeOrEngine): Engine {
  return 'replay' in subject && typeof subject.replay === 'function'
    ? (subject as Engine)
    : createEngine(subject as Program);
}

function earnedBy(ledger: readonly LedgerEntry[]): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const entry of ledger)
    sums.set(entry.partnerId, (sums.get(entry.partnerId) ?? new Decimal(0)).plus(entry.amount));
  return sums;
}

const sameEntry = (a: LedgerEntry, b: LedgerEntry) =>
  a.amount === b.amount &&
  a.rate === b.rate &&
  a.basis === b.basis &&
  a.partnerId === b.partnerId &&
  a.tier === b.tier &&
  a.kind === b.kind;

function entryDifferences(
  baseline: readonly LedgerEntry[],
  candidate: readonly LedgerEntry[],
): EntryDifference[] {
  const theirs = new Map(candidate.map((entry) => [entry.id, entry]));
  const ours = new Set(baseline.map((entry) => entry.id));
  const changed: EntryDifference[] = baseline.flatMap((entry) => {
    const other = theirs.get(entry.id);
    return other && sameEntry(entry, other)
      ? []
      : [{ id: entry.id, baseline: entry, candidate: other ?? null }];
  });
  const added = candidate
    .filter((entry) => !ours.has(entry.id))
    .map((entry) => ({ id: entry.id, baseline: null, candidate: entry }));
  return [...changed, ...added];
}

/**
 * Replays one stream under both programmes and compares what they pay.
 *
 * @example
 * compare(sisoProgram, candidate, events).partners
 * //=> [{ partnerId: 'p0', baseline: '200.00', candidate: '220.00', difference: '20.00' }]
 */
export function compare(
  baseline: ProgrammeOrEngine,
  candidate: ProgrammeOrEngine,
  events: readonly unknown[],
  options: CompareOptions = {},
): Comparison {
  const engines = [engineOf(baseline), engineOf(candidate)] as const;
  const replayOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
  const [before, after] = engines.map((engine) => engine.replay(events, replayOptions)) as [
    ReplayResult,
    ReplayResult,
  ];
  const decimals = engines[0].program.currency.decimals;
  const write = (value: Decimal) => value.toFixed(decimals);
  const [earnedBefore, earnedAfter] = [earnedBy(before.ledger), earnedBy(after.ledger)];
  const ids = [...new Set([...earnedBefore.keys(), ...earnedAfter.keys()])].sort();
  const zero = new Decimal(0);
  const partners = ids.map((partnerId) => {
    const a = earnedBefore.get(partnerId) ?? zero;
    const b = earnedAfter.get(partnerId) ?? zero;
    return { partnerId, baseline: write(a), candidate: write(b), difference: write(b.minus(a)) };
  });
  const total = (sums: Map<string, Decimal>) =>
    [...sums.values()].reduce((sum, value) => sum.plus(value), zero);
  return {
    baseline: { total: write(total(earnedBefore)), result: before },
    candidate: { total: write(total(earnedAfter)), result: after },
    difference: write(total(earnedAfter).minus(total(earnedBefore))),
    partners,
    entries: entryDifferences(before.ledger, after.ledger),
  };
}

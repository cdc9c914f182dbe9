// Differential properties for a programme change: fast-check properties a host passes to
// `fc.assert`, each replaying generated streams under the baseline and the candidate. A failure
// throws a DifferentialError whose message shows the per-partner difference and the stream as
// NDJSON, so the shrunk counterexample fast-check reports can be replayed as it is.
import fc from 'fast-check';
import { Decimal, type LedgerEntry } from '../../index.js';
import { type EventsOptions, events as eventsArbitrary } from '../arbitraries/events.js';
import { indentedNdjson } from '../ndjson.js';
import {
  type CompareOptions,
  type Comparison,
  compare,
  engineOf,
  type ProgrammeOrEngine,
} from './compare.js';

/**
 * Options of the differential properties: the streams to check over (or how to generate them) and
 * the as-of time.
 */
export interface DifferentialOptions extends EventsOptions, CompareOptions {
  /** The streams to check over; default `arbitraries.events` for the baseline's programme with these options. */
  readonly events?: fc.Arbitrary<readonly unknown[]>;
}

/**
 * A differential property failed: the report is the message; `details()` gives the comparison and the stream.
 *
 * @example
 * try {
 *   fc.assert(differential.neverPaysLess(sisoProgram, stingier), { seed: 42, numRuns: 50 });
 * } catch (error) {
 *   // fast-check wraps the error of the shrunk counterexample as its cause
 *   const failure = error instanceof Error ? error.cause : undefined;
 *   if (failure instanceof DifferentialError) failure.property;
 *   //=> 'neverPaysLess'
 * }
 */
export class DifferentialError extends Error {
  /** The property that failed: "neverPaysLess", "costsAtMost" or "changesOnly". */
  readonly property: string;
  // Behind a method, so a test runner printing the error's fields shows the report, not two replays.
  readonly #details: { readonly comparison: Comparison; readonly events: readonly unknown[] };
  constructor(property: string, summary: string, comparison: Comparison, events: readonly unknown[]) {
    super(describeComparison(property, summary, comparison, events));
    this.name = 'DifferentialError';
    this.property = property;
    this.#details = { comparison, events };
  }
  /** The comparison of the two replays and the stream the property failed on. */
  details(): {
    /** The two replays set side by side. */
    readonly comparison: Comparison;
    /** The stream the property failed on (the shrunk one fast-check reports). */
    readonly events: readonly unknown[];
  } {
    return this.#details;
  }
}

const SHOWN_ENTRIES = 8;

const entryLine = (entry: LedgerEntry | null) =>
  entry === null
    ? 'none'
    : `${entry.partnerId} ${entry.kind} ${entry.rate} × ${entry.basis} = ${entry.amount} (${entry.tier})`;

/**
 * The report of a failed comparison: the summary, partners whose pay changed, the entries that differ, the events.
 *
 * @example
 * describeComparison('neverPaysLess', 'the candidate pays p1 less than the baseline', comparison, events).split('\n')[0]
 * //=> 'neverPaysLess: the candidate pays p1 less than the baseline'
 */
export function describeComparison(
  property: string,
  summary: string,
  comparison: Comparison,
  events: readonly unknown[],
): string {
  const changed = comparison.partners.filter((partner) => !new Decimal(partner.difference).isZero());
  const lines = [`${property}: ${summary}`, 'per partner (baseline -> candidate, difference):'];
  for (const partner of changed)
    lines.push(
      `  ${partner.partnerId}: ${partner.baseline} -> ${partner.candidate} (${signed(partner.difference)})`,
    );
  const unchanged = comparison.partners.length - changed.length;
  if (unchanged > 0) lines.push(`  (${unchanged} ${changed.length > 0 ? 'other ' : ''}partner(s) unchanged)`);
  lines.push(
    `total: ${comparison.baseline.total} -> ${comparison.candidate.total} (${signed(comparison.difference)})`,
  );
  if (comparison.entries.length > 0) lines.push('entries that differ (baseline | candidate):');
  for (const entry of comparison.entries.slice(0, SHOWN_ENTRIES))
    lines.push(`  ${entry.id}: ${entryLine(entry.baseline)} | ${entryLine(entry.candidate)}`);
  if (comparison.entries.length > SHOWN_ENTRIES)
    lines.push(`  … and ${comparison.entries.length - SHOWN_ENTRIES} more`);
  lines.push(indentedNdjson('events', events));
  return lines.join('\n');
}

const signed = (amount: string) => (amount.startsWith('-') ? amount : `+${amount}`);

/** A property over the streams: the judge returns null when the comparison is fine, else a summary. */
function differential(
  property: string,
  baseline: ProgrammeOrEngine,
  candidate: ProgrammeOrEngine,
  options: DifferentialOptions,
  judge: (comparison: Comparison) => string | null,
): fc.IPropertyWithHooks<[readonly unknown[]]> {
  const engines = [engineOf(baseline), engineOf(candidate)] as const;
  const streams = options.events ?? eventsArbitrary(engines[0].program, options);
  const compareOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
  return fc.property(streams, (events) => {
    const comparison = compare(engines[0], engines[1], events, compareOptions);
    const summary = judge(comparison);
    if (summary !== null) throw new DifferentialError(property, summary, comparison, events);
  });
}

/**
 * The candidate never pays any partner less than the baseline, on any stream.
 *
 * @example
 * fc.assert(differential.neverPaysLess(sisoProgram, candidate), { seed: 42, numRuns: 100 });
 */
export function neverPaysLess(
  baseline: ProgrammeOrEngine,
  candidate: ProgrammeOrEngine,
  options: DifferentialOptions = {},
) {
  return differential('neverPaysLess', baseline, candidate, options, (comparison) => {
    const less = comparison.partners.filter((partner) => new Decimal(partner.difference).isNegative());
    return less.length === 0
      ? null
      : `the candidate pays ${less.map((partner) => partner.partnerId).join(', ')} less than the baseline`;
  });
}

/** The limit of `costsAtMost`: a ratio of the baseline's total, an amount more, or both. */
export interface CostLimit {
  /** At most this multiple of the baseline's total ("1.05" for 5 % more). */
  readonly ratio?: string | number;
  /** At most this much more in all, in the programme's currency ("100.00"); with `ratio`, added to it. */
  readonly more?: string;
}

function limitOf(limit: CostLimit): { readonly ratio: Decimal; readonly more: Decimal } {
  if (limit.more === undefined && limit.ratio === undefined)
    throw new RangeError('costsAtMost needs a limit: { ratio }, { more } or both');
  const read = (name: string, value: string | number | undefined, otherwise: number) => {
    const number = new Decimal(value === undefined ? otherwise : String(value));
    if (!number.isFinite() || number.isNegative())
      throw new RangeError(`costsAtMost's ${name} must be a number, 0 or more; got "${value}"`);
    return number;
  };
  return { ratio: read('ratio', limit.ratio, 1), more: read('more', limit.more, 0) };
}

/**
 * The candidate costs at most `ratio` × the baseline's total plus `more`, on any stream. Each
 * entry is rounded on its own, so on tiny streams a ratio alone can fail by a cent: give `more`
 * a little room when a ratio is what you mean.
 *
 * @throws {RangeError} when neither `ratio` nor `more` is given, or one is not a number, 0 or more.
 * @example
 * fc.assert(differential.costsAtMost(sisoProgram, candidate, { ratio: '1.10', more: '1.00' }));
 */
export function costsAtMost(
  baseline: ProgrammeOrEngine,
  candidate: ProgrammeOrEngine,
  limit: CostLimit,
  options: DifferentialOptions = {},
) {
  const { ratio, more } = limitOf(limit);
  const decimals = engineOf(baseline).program.currency.decimals;
  return differential('costsAtMost', baseline, candidate, options, (comparison) => {
    const most = new Decimal(comparison.baseline.total).times(ratio).plus(more);
    if (new Decimal(comparison.candidate.total).lte(most)) return null;
    return `the candidate costs ${comparison.candidate.total}, more than ${ratio} × ${comparison.baseline.total} + ${more.toFixed(decimals)} = ${most.toFixed(decimals)}`;
  });
}

/** The scope of `changesOnly`: the tier, kind and partner whose entries may change. */
export interface ChangeScope {
  /** Only entries earned at this tier may change. */
  readonly tier?: string;
  /** Only entries of this kind may change (a clawback or adjustment counts as the kind of the entry it reverses). */
  readonly kind?: LedgerEntry['kind'];
  /** Only this partner's entries may change. */
  readonly partnerId?: string;
}

/**
 * The candidate changes nothing in the ledger outside the scope: every entry that differs (by id,
 * either side) is of that tier, kind and partner.
 *
 * @example
 * fc.assert(differential.changesOnly(sisoProgram, candidate, { tier: 'active', kind: 'commission' }));
 */
export function changesOnly(
  baseline: ProgrammeOrEngine,
  candidate: ProgrammeOrEngine,
  scope: ChangeScope,
  options: DifferentialOptions = {},
) {
  return differential('changesOnly', baseline, candidate, options, (comparison) => {
    const byId = new Map<string, LedgerEntry>();
    for (const entry of [...comparison.baseline.result.ledger, ...comparison.candidate.result.ledger])
      byId.set(entry.id, entry);
    const inScope = (entry: LedgerEntry | null) => {
      if (entry === null) return true;
      const kind = entry.reverses === undefined ? entry.kind : (byId.get(entry.reverses)?.kind ?? entry.kind);
      return (
        (scope.tier === undefined || entry.tier === scope.tier) &&
        (scope.kind === undefined || kind === scope.kind) &&
        (scope.partnerId === undefined || entry.partnerId === scope.partnerId)
      );
    };
    const outside = comparison.entries.filter(
      (entry) => !(inScope(entry.baseline) && inScope(entry.candidate)),
    );
    if (outside.length === 0) return null;
    return `${outside.length} entr${outside.length === 1 ? 'y' : 'ies'} outside ${JSON.stringify(scope)} changed, first ${outside[0]?.id}`;
  });
}

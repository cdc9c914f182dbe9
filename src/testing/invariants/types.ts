// What every invariant shares: a violation names the invariant, says what broke in one line and
// carries the smallest evidence (the entries, partners or events involved); a run is what an
// invariant judges: the engine's result and, for those that replay, the events.
import type { Engine, LedgerEntry, ReplayResult } from '../../index.js';
import { Decimal } from '../../index.js';

/** One broken promise: the invariant, what broke in one line, and the smallest evidence. */
export interface Violation {
  /** The invariant's name, e.g. "partialRefundsInProportion". */
  readonly invariant: string;
  /** What broke, in one line. */
  readonly message: string;
  /** The entries, partners or events involved (entries without their wording). */
  readonly evidence?: readonly unknown[];
}

/**
 * What to check: a replay result (the invariants that need only the result run), or the events
 * with, optionally, the result of replaying them (every invariant runs; without a result the
 * events are replayed, as of `asOf` if given).
 */
export type Subject =
  | ReplayResult
  | {
      /** The events of the run, raw or parsed. */
      readonly events: readonly unknown[];
      /** The result of replaying them, when the caller has it (else they are replayed). */
      readonly result?: ReplayResult;
      /** Replay up to this instant (ISO-8601 with an offset or Z) when there is no result. */
      readonly asOf?: string;
    };

/** What an invariant judges: the engine's result and, for those that replay, the events. */
export interface Run {
  /** The events, or null when only a replay result was given. */
  readonly events: readonly unknown[] | null;
  /** The result of replaying them. */
  readonly result: ReplayResult;
}

/** A promise of the engine checked on a run: its name, what it promises, and the check. */
export interface Invariant {
  /** Its name, e.g. `balancesMatchLedger`. */
  readonly name: string;
  /** The promise it checks, in one sentence. */
  readonly description: string;
  /** Whether it needs the events (it replays them); such an invariant is skipped on a bare result. */
  readonly needsEvents: boolean;
  /** The violations the run shows (empty when the promise holds). */
  readonly check: (engine: Engine, run: Run) => Violation[];
}

export function runOf(engine: Engine, subject: Subject): Run {
  if (subject === null || typeof subject !== 'object')
    throw new RangeError('the subject must be a replay result or { events, result? }');
  if ('state' in subject) return { events: null, result: subject };
  if (!Array.isArray(subject.events))
    throw new RangeError('the subject must be a replay result or { events, result? }, with events an array');
  const result =
    subject.result ?? engine.replay(subject.events, subject.asOf === undefined ? {} : { asOf: subject.asOf });
  return { events: subject.events, result };
}

export function violation(invariant: string, message: string, evidence: readonly unknown[] = []): Violation {
  return evidence.length === 0 ? { invariant, message } : { invariant, message, evidence };
}

/** An entry as evidence: its data without the wording. */
export function entryEvidence(entry: LedgerEntry): Record<string, unknown> {
  const { explanation: _explanation, tierFacts: _tierFacts, ...data } = entry;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/** Exact sums of amounts by a key. */
export function sumBy<K>(entries: readonly LedgerEntry[], key: (entry: LedgerEntry) => K): Map<K, Decimal> {
  const sums = new Map<K, Decimal>();
  for (const entry of entries)
    sums.set(key(entry), (sums.get(key(entry)) ?? new Decimal(0)).plus(entry.amount));
  return sums;
}

/** An amount written with the programme's places. */
export function text(engine: Engine, value: Decimal): string {
  return value.toFixed(engine.program.currency.decimals);
}

/** One minor unit of the programme's currency (0.01 for USD). */
export function minorUnit(engine: Engine): Decimal {
  return new Decimal(1).dividedBy(new Decimal(10).pow(engine.program.currency.decimals));
}

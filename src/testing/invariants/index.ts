// The invariants, by name, and the two ways to run them: `check` returns the violations,
// `assert` throws one Error naming each broken invariant with its smallest evidence.
import type { Engine, ReplayResult } from '../../index.js';
import { indentedNdjson } from '../ndjson.js';
import { payableExcludesHeld } from './holds.js';
import {
  balancesMatchLedger,
  capacityRespected,
  entriesAreRateTimesBasis,
  fullRefundsNetZero,
  ledgerIdsUnique,
} from './ledger.js';
import { overridesFlowUp } from './overrides.js';
import { promotionsHadTheFacts } from './promotions.js';
import { partialRefundsInProportion } from './refunds.js';
import { deterministic, orderIndependent, survivesJsonRoundTrip } from './replay.js';
import { type Invariant, runOf, type Subject, type Violation } from './types.js';

/** Every invariant, in the order they are checked (the cheap ones on the result first). */
export const INVARIANTS: readonly Invariant[] = [
  entriesAreRateTimesBasis,
  fullRefundsNetZero,
  balancesMatchLedger,
  ledgerIdsUnique,
  capacityRespected,
  overridesFlowUp,
  payableExcludesHeld,
  partialRefundsInProportion,
  promotionsHadTheFacts,
  deterministic,
  orderIndependent,
  survivesJsonRoundTrip,
];

/** The name of one of the kit's invariants, as `CheckOptions.only` and `skip` take it. */
export type InvariantName =
  | 'entriesAreRateTimesBasis'
  | 'fullRefundsNetZero'
  | 'balancesMatchLedger'
  | 'ledgerIdsUnique'
  | 'capacityRespected'
  | 'overridesFlowUp'
  | 'payableExcludesHeld'
  | 'partialRefundsInProportion'
  | 'promotionsHadTheFacts'
  | 'deterministic'
  | 'orderIndependent'
  | 'survivesJsonRoundTrip';

/** Options of `check` and `assert`: which invariants to run. */
export interface CheckOptions {
  /** Check only these invariants (default: all that the subject allows). */
  readonly only?: readonly InvariantName[];
  /** Leave these out (say, the replaying ones in a very long stream). */
  readonly skip?: readonly InvariantName[];
}

const NAMES = new Set(INVARIANTS.map((invariant) => invariant.name));

function selected(subject: Subject, options: CheckOptions): Invariant[] {
  for (const name of [...(options.only ?? []), ...(options.skip ?? [])])
    if (!NAMES.has(name))
      throw new RangeError(`no invariant is named "${name}"; the names are ${[...NAMES].join(', ')}`);
  const bare = 'state' in subject;
  return INVARIANTS.filter(
    (invariant) =>
      !(bare && invariant.needsEvents) &&
      (options.only === undefined || options.only.includes(invariant.name as InvariantName)) &&
      !options.skip?.includes(invariant.name as InvariantName),
  );
}

/**
 * Checks the invariants and returns the violations (empty when all hold). Given a replay result,
 * the invariants on the result run; given `{ events, result? }`, every invariant runs, those
 * that replay included (the events are replayed when no result is given).
 *
 * @throws {RangeError} when `options.only` or `options.skip` names no invariant, or the subject
 *   is neither a replay result nor `{ events }` with an array.
 * @example
 * check(engine, { events })
 * //=> []
 * check(engine, engine.replay(events), { only: ['balancesMatchLedger'] })
 * //=> []
 */
export function check(engine: Engine, subject: Subject, options: CheckOptions = {}): Violation[] {
  const run = runOf(engine, subject);
  return selected(subject, options).flatMap((invariant) => invariant.check(engine, run));
}

/**
 * An Error whose message names each broken invariant, with its evidence as NDJSON.
 *
 * @example
 * try {
 *   assert(engine, { events });
 * } catch (error) {
 *   if (error instanceof InvariantError) error.violations.map((violation) => violation.invariant);
 *   //=> ['balancesMatchLedger'] (for an engine that books a balance wrong)
 * }
 */
export class InvariantError extends Error {
  /** Every violation found, as `check` returns them. */
  readonly violations: readonly Violation[];
  constructor(violations: readonly Violation[], events: readonly unknown[] | null) {
    super(describeViolations(violations, events));
    this.name = 'InvariantError';
    this.violations = violations;
  }
}

const SHOWN_VIOLATIONS = 5;
const SHOWN_EVENTS = 40;

/**
 * A report of violations: the invariants broken, the first few violations with their evidence, the events.
 *
 * @example
 * describeViolations([{ invariant: 'ledgerIdsUnique', message: 'e3:commission is booked twice' }], null)
 * //=> '1 invariant violation(s): ledgerIdsUnique\n- ledgerIdsUnique: e3:commission is booked twice'
 */
export function describeViolations(
  violations: readonly Violation[],
  events: readonly unknown[] | null,
): string {
  const names = [...new Set(violations.map((item) => item.invariant))];
  const lines = [`${violations.length} invariant violation(s): ${names.join(', ')}`];
  for (const item of violations.slice(0, SHOWN_VIOLATIONS)) {
    lines.push(`- ${item.invariant}: ${item.message}`);
    if (item.evidence && item.evidence.length > 0)
      lines.push(indentedNdjson('  evidence', item.evidence, '    '));
  }
  if (violations.length > SHOWN_VIOLATIONS) lines.push(`… and ${violations.length - SHOWN_VIOLATIONS} more`);
  if (events && events.length <= SHOWN_EVENTS) lines.push(indentedNdjson('events', events));
  else if (events) lines.push(`events: ${events.length} (too many to show)`);
  return lines.join('\n');
}

/**
 * Like `check`, but throws an `InvariantError` when any invariant is broken.
 *
 * @throws {InvariantError} naming each invariant broken, with the entries, partners and events involved.
 * @example
 * assert(engine, { events }) // returns nothing when every invariant holds
 */
export function assert(engine: Engine, subject: Subject, options: CheckOptions = {}): void {
  const found = check(engine, subject, options);
  if (found.length > 0) throw new InvariantError(found, 'state' in subject ? null : subject.events);
}

/** One invariant as a function of (engine, subject), for hosts who call one by name. */
function single(invariant: Invariant) {
  return (engine: Engine, subject: Subject): Violation[] => invariant.check(engine, runOf(engine, subject));
}

/** Every invariant by name, with `check`, `assert` and `list` (name, description, whether it needs the events). */
export const invariants = {
  /** `check`: the violations of every invariant, or of those chosen. */
  check,
  /** `assert`: throws an `InvariantError` when any invariant is broken. */
  assert,
  /** Every invariant: its name, what it promises, and whether it needs the events. */
  list: INVARIANTS.map(({ name, description, needsEvents }) => ({
    /** The invariant's name, as `only` and `skip` take it. */
    name,
    /** The promise it checks, in one sentence. */
    description,
    /** Whether it needs the events (it replays them); it is skipped on a bare result. */
    needsEvents,
  })),
  /**
   * Only this invariant, on (engine, subject): every entry's amount is its rate × basis rounded
   * once (before a cap, where one cut it).
   */
  entriesAreRateTimesBasis: single(entriesAreRateTimesBasis),
  /**
   * Only this invariant, on (engine, subject): a deal refunded in full nets to exactly zero for
   * every partner.
   */
  fullRefundsNetZero: single(fullRefundsNetZero),
  /**
   * Only this invariant, on (engine, subject): each balance is the sum of its entries: earned =
   * pending + payable + paid; clawedBack the clawbacks.
   */
  balancesMatchLedger: single(balancesMatchLedger),
  /** Only this invariant, on (engine, subject): ledger ids are unique. */
  ledgerIdsUnique: single(ledgerIdsUnique),
  /**
   * Only this invariant, on (engine, subject): no tier holds more partners than its capacity (the
   * largest any version in force so far gave it).
   */
  capacityRespected: single(capacityRespected),
  /**
   * Only this invariant, on (engine, subject): an override goes to a strict upline of the seller,
   * at its level's distance (at least it, with compression), once per deal and level.
   */
  overridesFlowUp: single(overridesFlowUp),
  /**
   * Only this invariant, on (engine, subject): payable + paid is exactly the partner's entries on
   * deals whose hold has ended; pending is those on deals still held.
   */
  payableExcludesHeld: single(payableExcludesHeld),
  /**
   * Only this invariant, on (engine, subject): each refund claws back every entry of its deal in
   * proportion to the part refunded; the refund completing a full refund takes back exactly what is
   * left.
   */
  partialRefundsInProportion: single(partialRefundsInProportion),
  /**
   * Only this invariant, on (engine, subject): every promotion happened when the qualify rules of
   * the tier reached (and those below) held on the partner's facts at that moment.
   */
  promotionsHadTheFacts: single(promotionsHadTheFacts),
  /**
   * Only this invariant, on (engine, subject): replaying the same events twice gives the same
   * bytes.
   */
  deterministic: single(deterministic),
  /**
   * Only this invariant, on (engine, subject): the same events in another input order (equal times
   * keeping theirs) give the same result.
   */
  orderIndependent: single(orderIndependent),
  /**
   * Only this invariant, on (engine, subject): replaying the first half, saving the state as JSON,
   * reading it back and continuing with a batch ends where a straight replay does.
   */
  survivesJsonRoundTrip: single(survivesJsonRoundTrip),
} as const;

/**
 * The first kit's name: the invariants on a replay result.
 *
 * @example
 * checkInvariants(engine, engine.replay(events))
 * //=> []
 */
export function checkInvariants(engine: Engine, result: ReplayResult): Violation[] {
  return check(engine, result);
}

/**
 * The first kit's name: every invariant, the replaying ones included, on a stream.
 *
 * @example
 * checkReplay(engine, events)
 * //=> []
 */
export function checkReplay(engine: Engine, events: readonly unknown[]): Violation[] {
  return check(engine, { events });
}

// A partner's statement for a period: the balance it opened with, every entry and payment in the
// period, and the balance it closed with; and the next payout run with the amount expected.
import { EngineError } from '../engine/errors.js';
import type { LedgerEntry, LedgerKind } from '../engine/outputs.js';
import { dealOf, type EngineState, partnerOf, pendingHolds } from '../engine/state.js';
import { isZeroAmount } from '../money/amounts.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import {
  addMinor,
  decimalOf,
  formatMinor,
  type MinorUnits,
  minorOfDecimal,
  NO_MINOR_UNITS,
} from '../money/minor.js';
import { type CompiledProgram, versionAt } from '../program/compile.js';
import { paysOut } from './payouts.js';

/** Options of `engine.statement`: the period the statement covers. */
export interface StatementOptions {
  /** Start of the period (inclusive), ISO; default: the beginning. */
  readonly from?: string;
  /** End of the period (exclusive), ISO; default: the state's clock. */
  readonly to?: string;
}

/**
 * A partner's statement for a period, as `engine.statement` returns it: the balance it opened with,
 * every entry and payment in the period, and the balance it closed with.
 *
 * @example
 * // events: ana joins, then closes a 1000.00 USD deal (e2), as in the `Engine` example
 * const { state, ledger } = engine.replay(events);
 * const statement = engine.statement(state, ledger, 'ana', { from: '2025-01-01T00:00:00Z' });
 * [statement.openingBalance, statement.totalsByKind, statement.closingBalance]
 * //=> ['0.00', { commission: '200.00' }, '200.00']
 */
export interface Statement {
  /** The partner's id. */
  readonly partnerId: string;
  /** The programme's ISO 4217 currency code. */
  readonly currency: string;
  /** The period's start as given, or null from the beginning. */
  readonly from: string | null;
  /** The period's end as given, or null for no end. */
  readonly to: string | null;
  /** Earned less paid before the period. */
  readonly openingBalance: string;
  /** The partner's ledger entries in the period, in ledger order. */
  readonly entries: readonly LedgerEntry[];
  /** The period's entries summed by kind (only the kinds it has), as money strings. */
  readonly totalsByKind: Readonly<Partial<Record<LedgerKind, string>>>;
  /** Payments the host reported (`payout.paid`) in the period, oldest first. */
  readonly payouts: ReadonlyArray<{
    /** The `payout.paid` event. */
    readonly eventId: string;
    /** When it was paid (ISO-8601, UTC). */
    readonly at: string;
    /** The amount paid, as a money string. */
    readonly amount: string;
  }>;
  /** Opening balance + entries - payouts. */
  readonly closingBalance: string;
}

const inPeriod = (at: string, from: string | null, to: string | null) =>
  (from === null || Date.parse(at) >= Date.parse(from)) && (to === null || Date.parse(at) < Date.parse(to));

/** A bound of the statement's period as given, refused unless it is an ISO-8601 instant. */
function periodBound(value: unknown, name: 'from' | 'to'): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/T.*(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `${name} must be an ISO-8601 date-time with an offset or Z; got ${JSON.stringify(value)}`,
      name,
    );
  }
  return value;
}

/**
 * A partner's statement from the ledger and the state (which holds its payouts).
 *
 * @example
 * statement(compiled, state, ledger, 'p1', { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }).closingBalance
 * //=> '442.00'
 */
export function statement(
  compiled: CompiledProgram,
  state: EngineState,
  ledger: readonly LedgerEntry[],
  partnerId: string,
  options: StatementOptions = {},
): Statement {
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  const places = compiled.program.currency.decimals;
  const from = periodBound(options.from, 'from');
  const to = periodBound(options.to, 'to');
  let opening = new Decimal(0);
  const entries: LedgerEntry[] = [];
  const totals = new Map<LedgerKind, Decimal>();
  for (const entry of ledger) {
    if (entry.partnerId !== partnerId) continue;
    if (from !== null && Date.parse(entry.at) < Date.parse(from)) opening = opening.plus(entry.amount);
    else if (inPeriod(entry.at, from, to)) {
      entries.push(entry);
      totals.set(entry.kind, (totals.get(entry.kind) ?? new Decimal(0)).plus(entry.amount));
    }
  }
  // Payouts as the contract writes them: ISO instants and money strings.
  const reported = partner.payouts.map((payout) => ({
    eventId: payout.eventId,
    at: new Date(payout.at).toISOString(),
    amount: formatMinor(payout.amount, places),
  }));
  const payouts = reported.filter((payout) => inPeriod(payout.at, from, to));
  for (const payout of partner.payouts) {
    if (from !== null && payout.at < Date.parse(from))
      opening = opening.minus(decimalOf(payout.amount, places));
  }
  // The period's entries are already summed by kind.
  const paidOut = payouts.reduce((sum, payout) => sum.plus(payout.amount), new Decimal(0));
  const closing = [...totals.values()].reduce((sum, total) => sum.plus(total), opening).minus(paidOut);
  const totalsByKind: Partial<Record<LedgerKind, string>> = {};
  for (const [kind, total] of totals) totalsByKind[kind] = formatMoney(total, places);
  return {
    partnerId,
    currency: compiled.program.currency.code,
    from,
    to,
    openingBalance: formatMoney(opening, places),
    entries,
    totalsByKind,
    payouts,
    closingBalance: formatMoney(closing, places),
  };
}

/**
 * The next payout run and what it would pay a partner, as `engine.nextPayout` returns it.
 *
 * @example
 * engine.nextPayout(state, 'ana')
 * //=> { at: '2025-01-15T00:00:00.000Z', expected: '0.00', reachesMinimum: false, minimum: '50.00' }
 */
export interface NextPayout {
  /** When the next payout run happens (null before the first event). */
  readonly at: string | null;
  /** What the run would pay if nothing else happened: payable now plus what is released by then. */
  readonly expected: string;
  /** Whether `expected` reaches the programme's minimum (else it carries over). */
  readonly reachesMinimum: boolean;
  /** The programme's payout minimum, as a money string. */
  readonly minimum: string;
}

/**
 * What the next payout run does with a partner's expected amount: pays it, finds nothing to pay
 * (0.00 or less: a clawback larger than what is payable), or carries it over, below the minimum.
 *
 * @example
 * payoutOutlook({ at: '2025-02-15T00:00:00.000Z', expected: '40.00', reachesMinimum: false, minimum: '50.00' })
 * //=> 'below-minimum'
 */
export function payoutOutlook(next: NextPayout): 'pays' | 'nothing-to-pay' | 'below-minimum' {
  if (next.reachesMinimum) return 'pays';
  return isZeroAmount(next.expected) || next.expected.startsWith('-') ? 'nothing-to-pay' : 'below-minimum';
}

/**
 * What the held entries release by `run`, net of clawbacks, by the partner who earned them (only
 * `partnerId`'s when given).
 */
export function releasedBy(state: EngineState, run: number, partnerId?: string): Map<string, MinorUnits> {
  const released = new Map<string, MinorUnits>();
  for (const hold of pendingHolds(state)) {
    if (hold.releaseAt > run) break;
    for (const entry of dealOf(state, hold.dealId)?.entries ?? []) {
      if (partnerId !== undefined && entry.partnerId !== partnerId) continue;
      released.set(entry.partnerId, addMinor(released.get(entry.partnerId) ?? NO_MINOR_UNITS, entry.net));
    }
  }
  return released;
}

/** The next payout run for a partner and the amount it would pay. */
export function nextPayout(compiled: CompiledProgram, state: EngineState, partnerId: string): NextPayout {
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  const places = compiled.program.currency.decimals;
  const run = state.schedule?.nextPayoutRun ?? null;
  const at = run === null ? null : new Date(run).toISOString();
  const released = run === null ? undefined : releasedBy(state, run, partnerId).get(partnerId);
  const expectedMinor = addMinor(partner.balance.payable, released ?? NO_MINOR_UNITS);
  const expected = decimalOf(expectedMinor, places);
  const instant = run ?? state.clock ?? partner.joinedAt;
  const minimum = versionAt(compiled, instant).payouts.minimum;
  return {
    at,
    expected: formatMoney(expected, places),
    // The payout run's own rule: a positive balance at or above the minimum (nothing is paid out
    // of 0.00, even where the minimum is 0).
    reachesMinimum: paysOut(expectedMinor, minorOfDecimal(minimum, places)),
    minimum: formatMoney(minimum, places),
  };
}

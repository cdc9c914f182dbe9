// Every number can be explained: an entry's derivation in words and in data (the event, the
// tier and the facts that met its rule, the rate and where it came from, the basis, the exact
// product and how it was rounded, and for a clawback the entry it reverses).
import { EngineError } from '../engine/errors.js';
import type { LedgerEntry } from '../engine/outputs.js';
import { Decimal } from '../money/decimal.js';
import type { RoundingMode } from '../money/rounding.js';
import { readableFacts, readableMoney, readableRate } from './words.js';

/** How an entry's amount was computed: rate × basis, exact, then rounded once. */
export interface Derivation {
  /** The rate applied. */
  readonly rate: string;
  /** What it applied to, as a money string. */
  readonly basis: string;
  /** rate × basis before rounding. */
  readonly exact: string;
  /** The programme's rounding mode. */
  readonly rounding: RoundingMode;
  /** The amount booked. */
  readonly amount: string;
  /** Present when a cap cut the amount. */
  readonly uncapped?: string;
}

/**
 * A ledger entry explained, as `engine.explain` returns it: the entry, its derivation in data and
 * in words, and the entry it reverses.
 *
 * @example
 * // events: ana joins, then closes a 1000.00 USD deal (e2), as in the `Engine` example
 * const { ledger } = engine.replay(events);
 * engine.explain(ledger, 'e2:commission').derivation
 * //=> { rate: '0.20', basis: '1000.00', exact: '200.00', rounding: 'HALF_EVEN', amount: '200.00' }
 */
export interface Explanation {
  /** The entry explained. */
  readonly entry: LedgerEntry;
  /** How its amount was computed. */
  readonly derivation: Derivation;
  /** The entry this one reverses or tops up, explained in turn. */
  readonly reverses?: Explanation;
  /** The derivation for a person, one statement a line. */
  readonly words: readonly string[];
}

const SOURCES: Record<LedgerEntry['rateSource'], string> = {
  tier: 'the base rate of the tier held once the deal counted',
  'custom-terms': 'custom terms agreed with the partner',
  'deal-rate': 'a custom rate agreed on this deal',
  'referral-bonus': "the referral bonus rate of the sponsor's tier",
  'override-level': 'the team override rate of the level',
  retroactive: "the difference between the new tier's rate and the rate paid",
  refund: 'the rate of the entry being clawed back',
};

/**
 * Explains a ledger entry from the ledger it belongs to.
 *
 * @throws {EngineError} UNKNOWN_ENTRY when no entry has that id.
 * @example
 * explain(result.ledger, 'd3:commission', 'HALF_EVEN').words[0]
 * //=> '22 % of 1,500.00 = 330.00 (USD), rounded HALF_EVEN to 330.00'
 */
export function explain(
  ledger: readonly LedgerEntry[],
  entryId: string,
  rounding: RoundingMode,
): Explanation {
  const byId = new Map(ledger.map((entry) => [entry.id, entry]));
  const explainOne = (id: string, depth: number): Explanation => {
    const entry = byId.get(id);
    if (!entry) throw new EngineError('UNKNOWN_ENTRY', `no ledger entry has id "${id}"`);
    const product = new Decimal(entry.rate).times(entry.basis);
    // Written with at least the amount's places, so "2.365" and "-100.00" read as money.
    const places = entry.amount.split('.')[1]?.length ?? 0;
    const exact = product.toFixed(Math.max(places, product.decimalPlaces()));
    const derivation: Derivation = {
      rate: entry.rate,
      basis: entry.basis,
      exact,
      rounding,
      amount: entry.amount,
      ...(entry.uncapped === undefined ? {} : { uncapped: entry.uncapped }),
    };
    const words = [
      `${readableRate(new Decimal(entry.rate))} of ${readableMoney(entry.basis)} = ${exact} ${entry.currency}, ` +
        `rounded ${rounding} to ${readableMoney(entry.uncapped ?? entry.amount)}` +
        (entry.uncapped === undefined ? '' : `, capped at ${readableMoney(entry.amount)}`),
      `${entry.kind} for ${entry.partnerId} on deal ${entry.dealId} of ${entry.sourcePartnerId}, caused by event ${entry.eventId} at ${entry.at}`,
      `rate: ${SOURCES[entry.rateSource]}, programme version ${entry.programVersion}`,
      `${entry.partnerId} held ${entry.tier}: ${readableFacts(entry.tierFacts)}`,
      entry.explanation,
    ];
    const reverses =
      entry.reverses !== undefined && depth < 4 ? explainOne(entry.reverses, depth + 1) : undefined;
    return { entry, derivation, words, ...(reverses ? { reverses } : {}) };
  };
  return explainOne(entryId, 0);
}

// One constructor for every ledger entry, so that all entries share one shape (fields in one
// order, absent ones undefined and so left out of JSON) and hold flat strings: a replay of a
// million events keeps a million of them.
import type { LedgerEntry } from '../engine/outputs.js';

type Fields = Omit<LedgerEntry, 'explanation' | 'level' | 'reverses' | 'uncapped'> & {
  readonly level?: number | undefined;
  readonly reverses?: string | undefined;
  readonly uncapped?: string | undefined;
  /** The explanation's parts, joined once into a flat string. */
  readonly explanation: readonly string[];
};

/**
 * Builds a ledger entry.
 *
 * @example
 * makeEntry({ ...fields, explanation: ['22 % of 1,500.00 = 330.00', ': ', 'why'] }).explanation
 * //=> '22 % of 1,500.00 = 330.00: why'
 */
export function makeEntry(fields: Fields): LedgerEntry {
  return {
    id: fields.id,
    partnerId: fields.partnerId,
    kind: fields.kind,
    amount: fields.amount,
    currency: fields.currency,
    rate: fields.rate,
    basis: fields.basis,
    tier: fields.tier,
    dealId: fields.dealId,
    eventId: fields.eventId,
    sourcePartnerId: fields.sourcePartnerId,
    at: fields.at,
    programVersion: fields.programVersion,
    rateSource: fields.rateSource,
    level: fields.level,
    reverses: fields.reverses,
    uncapped: fields.uncapped,
    tierFacts: fields.tierFacts,
    explanation: fields.explanation.join(''),
  };
}

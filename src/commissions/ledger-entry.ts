// One constructor for every ledger entry, so that all entries share one shape (fields in one
// order, absent ones undefined and so left out of JSON) and hold flat strings: a replay of a
// million events keeps a million of them. What every entry says about where it comes from (the
// deal, the event, the earner's tier and the facts that met its rule) is filled in here.
import type { LedgerEntry } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { partnerFacts } from '../facts/partner-facts.js';

/** Where an entry comes from: the deal, the causing event, and who earns it. */
export interface Origin {
  readonly deal: DealState;
  readonly eventId: string;
  readonly earner: PartnerState;
}

/** What differs from one entry to the next. */
export interface EntryFields {
  readonly id: string;
  readonly kind: LedgerEntry['kind'];
  readonly amount: string;
  readonly rate: string;
  readonly basis: string;
  readonly rateSource: LedgerEntry['rateSource'];
  readonly level?: number | undefined;
  readonly reverses?: string | undefined;
  readonly uncapped?: string | undefined;
  /** The explanation's parts, joined once into a flat string (given the tier facts, if it names them). */
  readonly explanation:
    | readonly string[]
    | ((tierFacts: Readonly<Record<string, unknown>>) => readonly string[]);
}

/** The facts that met the earner's tier rule, for the entry's explanation. */
export function tierFactsOf(context: Context, partner: PartnerState): Record<string, unknown> {
  const tier = context.version.tiers[partner.tier];
  if (!tier) return {};
  const view = { compiled: context.compiled, calendar: context.calendar, instant: context.instant };
  return { ...partnerFacts(partner, view, tier.qualify.facts) };
}

/**
 * Builds a ledger entry.
 *
 * @example
 * makeEntry(context, { deal, eventId: 'd3', earner }, { ...fields, explanation: ['22 % of 1,500.00 = 330.00', ': ', 'why'] }).explanation
 * //=> '22 % of 1,500.00 = 330.00: why'
 */
export function makeEntry(context: Context, origin: Origin, fields: EntryFields): LedgerEntry {
  const tierFacts = tierFactsOf(context, origin.earner);
  const explanation =
    typeof fields.explanation === 'function' ? fields.explanation(tierFacts) : fields.explanation;
  return {
    id: fields.id,
    partnerId: origin.earner.id,
    kind: fields.kind,
    amount: fields.amount,
    currency: context.compiled.program.currency.code,
    rate: fields.rate,
    basis: fields.basis,
    tier: context.version.tiers[origin.earner.tier]?.id ?? '',
    dealId: origin.deal.id,
    eventId: origin.eventId,
    sourcePartnerId: origin.deal.partnerId,
    at: context.at,
    programVersion: context.version.version,
    rateSource: fields.rateSource,
    level: fields.level,
    reverses: fields.reverses,
    uncapped: fields.uncapped,
    tierFacts,
    explanation: explanation.join(''),
  };
}

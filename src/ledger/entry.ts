// One constructor for every ledger entry, so that all entries share one shape (fields in one
// order, absent ones left out) and hold flat strings: a replay of a million events keeps a
// million of them. What every entry says about where it comes from (the deal, the event, the
// earner's tier and the facts that met its rule) is filled in here; its sentence is derived when
// first read, not in the hot path.
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
  /**
   * The explanation's parts, put into words only when the explanation is first read (given the
   * tier facts, if it names them): it must capture plain values, never the context or a draft.
   */
  readonly explanation:
    | readonly string[]
    | ((tierFacts: Readonly<Record<string, unknown>>) => readonly string[]);
}

/** The facts that met the earner's tier rule, for the entry's explanation. */
export function tierFactsOf(context: Context, partner: PartnerState): Record<string, unknown> {
  const tier = context.version.tiers[partner.tier];
  if (!tier) return {};
  const view = { compiled: context.compiled, calendar: context.calendar, instant: context.instant };
  return partnerFacts(partner, view, tier.qualify.facts);
}

/** What makeEntry fills in itself: where the entry comes from. */
type Filled = Omit<LedgerEntry, 'explanation'>;

/**
 * A ledger entry: every field plain data, except the explanation sentence, which is put into
 * words the first time it is read (most entries of a long replay never are). `JSON.stringify`
 * writes it like any other field, in its place at the end.
 */
class Entry implements LedgerEntry {
  readonly id: string;
  readonly partnerId: string;
  readonly kind: LedgerEntry['kind'];
  readonly amount: string;
  readonly currency: string;
  readonly rate: string;
  readonly basis: string;
  readonly tier: string;
  readonly dealId: string;
  readonly eventId: string;
  readonly sourcePartnerId: string;
  readonly at: string;
  readonly programVersion: string;
  readonly rateSource: LedgerEntry['rateSource'];
  readonly level?: number;
  readonly reverses?: string;
  readonly uncapped?: string;
  readonly tierFacts: Readonly<Record<string, unknown>>;
  #words: (() => readonly string[]) | null;
  #explanation: string | undefined;

  constructor(fields: Filled, words: () => readonly string[]) {
    this.id = fields.id;
    this.partnerId = fields.partnerId;
    this.kind = fields.kind;
    this.amount = fields.amount;
    this.currency = fields.currency;
    this.rate = fields.rate;
    this.basis = fields.basis;
    this.tier = fields.tier;
    this.dealId = fields.dealId;
    this.eventId = fields.eventId;
    this.sourcePartnerId = fields.sourcePartnerId;
    this.at = fields.at;
    this.programVersion = fields.programVersion;
    this.rateSource = fields.rateSource;
    // Absent optional fields are undefined (class fields are always defined), so JSON leaves them out.
    this.level = fields.level;
    this.reverses = fields.reverses;
    this.uncapped = fields.uncapped;
    this.tierFacts = fields.tierFacts;
    this.#words = words;
  }

  get explanation(): string {
    if (this.#explanation === undefined) {
      this.#explanation = (this.#words?.() ?? []).join('');
      this.#words = null;
    }
    return this.#explanation;
  }

  toJSON(): LedgerEntry {
    return { ...this, explanation: this.explanation };
  }
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
  const { explanation } = fields;
  const words = typeof explanation === 'function' ? () => explanation(tierFacts) : () => explanation;
  return new Entry(
    {
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
    },
    words,
  );
}

// A partner's facts at an instant, as rules see them, read through the fact catalogue from the
// aggregates the slices keep. Only the facts a programme's rules name are built on the hot path.
import type { PeriodRange } from '../engine/calendar.js';
import type { Draft } from '../engine/draft.js';
import type { PartnerState } from '../engine/state.js';
import { FACTS, FACTS_BY_NAME, type FactMoment, type FactsView } from './catalogue.js';

/** A partner's facts at an instant, as rules see them: fact name to value. */
export type Facts = Readonly<Record<string, unknown>>;

export type { FactsView };

/** Every fact name the engine can build. */
export const READABLE_FACTS: readonly string[] = FACTS.map((fact) => fact.name);

/**
 * A partner's facts: every fact of the catalogue, or only `names` (what the rules use).
 *
 * @example
 * partnerFacts(partner, { compiled, calendar, instant }, ['countedDeals']).countedDeals
 * //=> 3
 */
export function partnerFacts(
  partner: PartnerState,
  view: FactsView,
  names: readonly string[] = READABLE_FACTS,
): Facts {
  const moment = new Moment(partner, view);
  const facts: Record<string, unknown> = {};
  for (const name of names) {
    const fact = FACTS_BY_NAME[name];
    if (fact) facts[name] = fact.read(moment);
  }
  return facts;
}

/** A fact's moment, whose period keys are looked up only when a fact reads one (few rules do). */
class Moment implements FactMoment {
  #month: string | undefined;
  #quarter: string | undefined;
  #year: string | undefined;

  constructor(
    readonly partner: PartnerState,
    readonly view: FactsView,
  ) {}

  get month(): string {
    this.#month ??= this.view.calendar.periodOf(this.view.instant, 'month').key;
    return this.#month;
  }

  get quarter(): string {
    this.#quarter ??= this.view.calendar.periodOf(this.view.instant, 'quarter').key;
    return this.#quarter;
  }

  get year(): string {
    this.#year ??= this.view.calendar.periodOf(this.view.instant, 'year').key;
    return this.#year;
  }
}

/** The facts the programme's rules read, for a partner at the context's instant (the hot path). */
export function ruleFacts(
  context: Pick<FactsView, 'compiled' | 'calendar' | 'instant'> & {
    readonly draft: Pick<Draft, 'derivedOf' | 'keepDerived'>;
  },
  partner: PartnerState,
  reviewPeriod?: PeriodRange,
): Facts {
  const { compiled, calendar, instant } = context;
  if (reviewPeriod)
    return partnerFacts(partner, { compiled, calendar, instant, reviewPeriod }, compiled.factsUsed);
  // Kept by the draft for this instant until the partner is next written (Draft.keepDerived).
  const kept = context.draft.derivedOf(partner, instant) as Facts | undefined;
  if (kept !== undefined) return kept;
  const facts = partnerFacts(partner, { compiled, calendar, instant }, compiled.factsUsed);
  context.draft.keepDerived(partner, instant, facts);
  return facts;
}

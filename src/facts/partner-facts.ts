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
  const moment: FactMoment = {
    partner,
    view,
    month: view.calendar.periodOf(view.instant, 'month').key,
    quarter: view.calendar.periodOf(view.instant, 'quarter').key,
    year: view.calendar.periodOf(view.instant, 'year').key,
  };
  const facts: Record<string, unknown> = {};
  for (const name of names) {
    const fact = FACTS_BY_NAME[name];
    if (fact) facts[name] = fact.read(moment);
  }
  return facts;
}

// The facts of partners at one instant, kept until the partner is next handed out for writing
// or the instant passes: the tiers and the badges of one event then read one facts object. Only
// the instant being worked on is kept, so facts made for an event die young (a cache of every
// partner's last facts kept each of them until the partner's next change, long enough to reach
// the old generation of the heap and to be garbage there, hundreds of bytes an event).
const cached = new Map<PartnerState, { revision: number; facts: Facts }>();
let cachedAt: { compiled: object | null; instant: number } = { compiled: null, instant: Number.NaN };

/** The facts the programme's rules read, for a partner at the context's instant (the hot path). */
export function ruleFacts(
  context: Pick<FactsView, 'compiled' | 'calendar' | 'instant'> & {
    readonly draft: Pick<Draft, 'revisionOf'>;
  },
  partner: PartnerState,
  reviewPeriod?: PeriodRange,
): Facts {
  const view: FactsView = {
    compiled: context.compiled,
    calendar: context.calendar,
    instant: context.instant,
  };
  if (reviewPeriod) return partnerFacts(partner, { ...view, reviewPeriod }, context.compiled.factsUsed);
  if (cachedAt.compiled !== context.compiled || cachedAt.instant !== context.instant) {
    cached.clear();
    cachedAt = { compiled: context.compiled, instant: context.instant };
  }
  const revision = context.draft.revisionOf(partner);
  const hit = cached.get(partner);
  if (hit && hit.revision === revision) return hit.facts;
  const facts = partnerFacts(partner, view, context.compiled.factsUsed);
  cached.set(partner, { revision, facts });
  return facts;
}

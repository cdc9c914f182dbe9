// Which tier a partner's facts support: tiers are climbed in rank order, so a tier counts only if
// its qualify rule and every lower tier's hold. A tier lost at a review also needs its maintain
// rule to hold over the current review period before it is regained.
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { type Facts, ruleFacts } from '../facts/partner-facts.js';
import type { CompiledVersion } from '../program/compile.js';

/**
 * The highest tier index whose rule, and every lower tier's rule, holds for these facts.
 *
 * @example
 * qualifiedTier(siso, partner, { countedDeals: 10, trainingsCompleted: [] , ... })
 * //=> 0   // Performer needs Active first, and Active needs the certification
 */
export function qualifiedTier(version: CompiledVersion, partner: PartnerState, facts: Facts): number {
  let reached = 0;
  for (const tier of version.tiers) {
    if (!tier.qualify.test(facts)) break;
    const regaining = partner.demotedFrom !== null && tier.index <= partner.demotedFrom;
    if (regaining && tier.maintain && !tier.maintain.test(facts)) break;
    reached = tier.index;
  }
  return reached;
}

/** The partner's facts now, for the context's instant. */
export function factsNow(context: Context, partner: PartnerState): Facts {
  return ruleFacts(context, partner);
}

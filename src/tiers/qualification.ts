// Which tier a partner's facts support: tiers are climbed in rank order, so a tier counts only if
// its qualify rule and every lower tier's hold. A tier lost at a review also needs its maintain
// rule to hold over the current review period before it is regained.
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { type Facts, ruleFacts } from '../facts/partner-facts.js';
import type { CompiledTier, CompiledVersion } from '../program/compile.js';

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
    if (!meets(tier, partner, facts)) break;
    reached = tier.index;
  }
  return reached;
}

/**
 * Whether the facts meet the tier's own rule (its qualify rule, and its maintain rule when the
 * partner must regain it), whatever the tiers below it say.
 */
function meets(tier: CompiledTier, partner: PartnerState, facts: Facts): boolean {
  if (!tier.qualify.test(facts)) return false;
  const regaining = partner.demotedFrom !== null && tier.index <= partner.demotedFrom;
  return !(regaining && tier.maintain && !tier.maintain.test(facts));
}

/**
 * Whether the facts may support a tier above the partner's: false when the next tier's own rule
 * fails, for then qualifiedTier is at most the partner's tier (it climbs no higher than a tier
 * whose rule fails), so the tiers below need no judging. A version with a tier rule that may
 * throw is always judged in full, in order, so it throws exactly where it did.
 */
export function mayQualifyAbove(version: CompiledVersion, partner: PartnerState, facts: Facts): boolean {
  if (tierRulesMayThrow(version)) return true;
  const next = version.tiers[partner.tier + 1];
  return next !== undefined && meets(next, partner, facts);
}

const throwing = new WeakMap<CompiledVersion, boolean>();

function tierRulesMayThrow(version: CompiledVersion): boolean {
  let known = throwing.get(version);
  if (known === undefined) {
    known = version.tiers.some((tier) => tier.qualify.mayThrow || tier.maintain?.mayThrow === true);
    throwing.set(version, known);
  }
  return known;
}

/** The partner's facts now, for the context's instant. */
export function factsNow(context: Context, partner: PartnerState): Facts {
  return ruleFacts(context, partner);
}

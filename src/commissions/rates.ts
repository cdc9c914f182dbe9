// Which rate pays a deal: a custom rate on the deal itself, else the partner's custom terms in
// force when the deal closed, else the base rate of the tier it holds once the deal is counted,
// under the programme version in force then.

import type { RateSource } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { CustomTerms, PartnerState } from '../engine/state.js';
import { Decimal } from '../money/decimal.js';

export interface ChosenRate {
  readonly rate: Decimal;
  readonly source: RateSource;
  readonly terms?: CustomTerms;
}

/**
 * The custom terms in force for a partner now that set `field`: the latest one set wins. Terms
 * apply only while the partner holds the programme's custom-terms unlock (a demoted partner's
 * terms lapse with the unlock, and return if it regains it while they are still in force).
 */
export function termsInForce(
  context: Context,
  partner: PartnerState,
  field: 'baseRate' | 'overrideRate',
): CustomTerms | undefined {
  if (partner.terms.length === 0 || !mayHaveCustomTerms(context, partner)) return undefined;
  const at = context.instant;
  for (let index = partner.terms.length - 1; index >= 0; index--) {
    const terms = partner.terms[index];
    if (!terms || terms[field] === null) continue;
    if (terms.from <= at && (terms.until === null || at < terms.until)) return terms;
  }
  return undefined;
}

export function commissionRate(
  context: Context,
  partner: PartnerState,
  dealRate: string | undefined,
): ChosenRate {
  if (dealRate !== undefined) return { rate: new Decimal(dealRate), source: 'deal-rate' };
  const terms = termsInForce(context, partner, 'baseRate');
  if (terms?.baseRate) return { rate: new Decimal(terms.baseRate), source: 'custom-terms', terms };
  const tier = context.version.tiers[partner.tier];
  if (!tier) throw new Error(`internal: partner ${partner.id} holds no tier`);
  return { rate: tier.baseRate, source: 'tier' };
}

/** Whether the partner holds the unlock that allows custom terms (none if the programme names none). */
export function mayHaveCustomTerms(context: Context, partner: PartnerState): boolean {
  const unlock = context.compiled.program.customTermsUnlock;
  return unlock !== undefined && (context.version.tiers[partner.tier]?.allUnlocks.includes(unlock) ?? false);
}

// Periodic reviews (loss aversion): when a review period ends, each partner whose tier has a
// maintain rule is judged on the period that ended. A failure puts it at risk; one more than the
// programme's grace demotes it one tier; a pass clears the risk.
import type { PeriodRange } from '../engine/calendar.js';
import type { Context } from '../engine/slice.js';
import { ruleFacts } from '../facts/partner-facts.js';
import { moveTier, tierEffect } from './changes.js';
import { fillAllPlaces, leaveWaitlist } from './promotion.js';

export function reviewPartners(context: Context, ended: readonly PeriodRange[]): void {
  const reviewed = ended.find((range) => range.period === context.compiled.program.reviews.period);
  if (!reviewed) return;
  const grace = context.compiled.program.reviews.graceReviews;
  // Only partners above the entry tier are reviewed (the entry tier has no maintain rule).
  const ids = context.draft.partnersWhere('above-entry-tier', (partner) => partner.tier > 0);
  for (const id of ids) {
    const partner = context.draft.partner(id);
    const tier = partner ? context.version.tiers[partner.tier] : undefined;
    if (!partner || !tier?.maintain || tier.index === 0) continue;
    if (tier.maintain.test(ruleFacts(context, partner, reviewed))) {
      if (partner.failedReviews > 0) context.draft.writablePartner(id).failedReviews = 0;
      continue;
    }
    const failures = partner.failedReviews + 1;
    if (failures > grace) {
      const lost = partner.tier;
      const below = context.version.tiers[lost - 1];
      const message =
        `${tier.name} was lost: the ${reviewed.key} review was not met${failures > 1 ? ' again' : ''}, so you are ${below?.name} now. ` +
        `Meet ${tier.name}'s requirements again, with its review requirement this period, to win it back.`;
      moveTier(context, id, lost - 1, 'tier.demoted', message);
      const demoted = context.draft.writablePartner(id);
      demoted.demotedFrom = Math.max(demoted.demotedFrom ?? lost, lost);
      leaveWaitlist(context, demoted);
      continue;
    }
    context.draft.writablePartner(id).failedReviews = failures;
    const below = context.version.tiers[partner.tier - 1];
    // The next failure demotes once the failures reach the grace; before that, more are allowed.
    const allowed = grace - failures + 1;
    const misses =
      allowed === 1 ? 'another missed review means' : `${allowed} more missed reviews in a row mean`;
    const consequence = below ? `; ${misses} ${below.name}` : '';
    const message = `${tier.name} is at risk: the ${reviewed.key} review was not met${consequence}`;
    context.emit(tierEffect(context, 'tier.at-risk', id, tier.id, tier.id, message));
  }
  fillAllPlaces(context);
}

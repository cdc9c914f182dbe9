// The tiers slice: a joining partner enters the first tier; after every event the partners whose
// facts changed are promoted as far as their facts and capacities allow; reviews run when the
// programme's review period ends.
import type { Context, Slice } from '../engine/slice.js';
import { enterFirstTier } from './changes.js';
import { mayBePromoted, promote } from './promotion.js';
import { reviewPartners } from './reviews.js';

/** Promotes every partner whose facts changed in this event, and those their promotions touch. */
function promoteTouched(context: Context): void {
  // A promotion touches the sponsor too (its team counts changed): judge it in the same event.
  // Iterating the touched partners visits those added meanwhile too, each once.
  for (const partnerId of context.touched) {
    const partner = context.draft.partner(partnerId);
    if (partner && mayBePromoted(context, partner)) promote(context, partnerId);
  }
}

export const tiersSlice: Slice = {
  name: 'tiers',
  phases: {
    promote: {
      on: {
        'partner.joined': (context, event) => {
          const partner = context.draft.partner(event.partnerId);
          if (partner) enterFirstTier(context, partner);
        },
      },
      each: promoteTouched,
    },
  },
  periodsEnded: reviewPartners,
};

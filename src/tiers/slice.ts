// The tiers slice: a joining partner enters the first tier; after every event the partners whose
// facts changed are promoted as far as their facts and capacities allow; reviews run when the
// programme's review period ends.
import type { Slice } from '../engine/slice.js';
import { enterFirstTier } from './changes.js';
import { promote } from './promotion.js';
import { reviewPartners } from './reviews.js';

export const tiersSlice: Slice = {
  name: 'tiers',
  on: {
    'partner.joined': (context, event) => {
      const partner = context.draft.partner(event.partnerId);
      if (partner) enterFirstTier(context, partner);
    },
  },
  afterEvent: (context) => {
    // A promotion touches the sponsor too (its team counts changed): judge it in the same event.
    const judged = new Set<string>();
    for (let pending = [...context.touched]; pending.length > 0; ) {
      for (const partnerId of pending) {
        judged.add(partnerId);
        promote(context, partnerId);
      }
      pending = [...context.touched].filter((partnerId) => !judged.has(partnerId));
    }
  },
  periodsEnded: reviewPartners,
};

// Moving a partner between tiers, with everything that follows: the count of holders, the
// effects (tier and features, with the programme's message), the sponsor's team counts, and a
// freed place offered to the waitlist.
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { tierChanged } from '../overrides/team.js';

type Movement = 'tier.promoted' | 'tier.demoted';

/** Moves a partner to `toIndex`, emitting the tier effect and a feature effect per unlock gained or lost. */
export function moveTier(context: Context, partnerId: string, toIndex: number, movement: Movement): void {
  const partner = context.draft.writablePartner(partnerId);
  const fromIndex = partner.tier;
  if (fromIndex === toIndex) return;
  const { tiers } = context.version;
  const from = tiers[fromIndex];
  const to = tiers[toIndex];
  if (!from || !to) throw new Error(`internal: tier index ${toIndex} out of range`);
  const { holders } = context.draft.state;
  holders[fromIndex] = (holders[fromIndex] ?? 0) - 1;
  holders[toIndex] = (holders[toIndex] ?? 0) + 1;
  partner.tier = toIndex;
  partner.tierSince = context.at;
  partner.failedReviews = 0;
  const base = { partnerId, at: context.at, eventId: context.eventId };
  context.emit({
    ...base,
    type: movement,
    from: from.id,
    to: to.id,
    ...(to.message ? { message: to.message } : {}),
  });
  const promoted = toIndex > fromIndex;
  const changed = promoted
    ? to.allUnlocks.slice(from.allUnlocks.length)
    : from.allUnlocks.slice(to.allUnlocks.length);
  for (const feature of changed) {
    context.emit({ ...base, type: promoted ? 'feature.unlocked' : 'feature.locked', feature });
  }
  if (partner.demotedFrom !== null && toIndex >= partner.demotedFrom) partner.demotedFrom = null;
  tierChanged(context, partner, fromIndex, toIndex);
  context.touched.add(partnerId);
}

/** Announces the entry tier to a partner who just joined: the tier and its unlocks. */
export function enterFirstTier(context: Context, partner: PartnerState): void {
  const first = context.version.tiers[0];
  if (!first) return;
  context.draft.state.holders[0] = (context.draft.state.holders[0] ?? 0) + 1;
  const base = { partnerId: partner.id, at: context.at, eventId: context.eventId };
  context.emit({
    ...base,
    type: 'tier.promoted',
    from: null,
    to: first.id,
    ...(first.message ? { message: first.message } : {}),
  });
  for (const feature of first.allUnlocks) context.emit({ ...base, type: 'feature.unlocked', feature });
}

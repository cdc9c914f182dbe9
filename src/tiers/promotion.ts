// Promotion the moment the facts support it, within each tier's capacity: a partner who
// qualifies for a full tier waits for a place, first come first served, and is promoted when one
// frees up (if it still qualifies then).
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { moveTier, tierEffect } from './changes.js';
import { factsNow, qualifiedTier } from './qualification.js';

function isFull(context: Context, tierIndex: number): boolean {
  const capacity = context.version.tiers[tierIndex]?.capacity ?? null;
  return capacity !== null && (context.draft.state.holders[tierIndex] ?? 0) >= capacity;
}

export function leaveWaitlist(context: Context, partner: PartnerState): void {
  if (partner.waitingFor === null) return;
  const position = context.draft.state.waitlists[partner.waitingFor]?.indexOf(partner.id) ?? -1;
  if (position >= 0) context.draft.writableWaitlists()[partner.waitingFor]?.splice(position, 1);
  context.draft.writablePartner(partner.id).waitingFor = null;
}

function joinWaitlist(context: Context, partner: PartnerState, tierIndex: number): void {
  if (partner.waitingFor === tierIndex) return;
  leaveWaitlist(context, partner);
  context.draft.writableWaitlists()[tierIndex]?.push(partner.id);
  const writable = context.draft.writablePartner(partner.id);
  writable.waitingFor = tierIndex;
  const { tiers } = context.version;
  const waitedFor = tiers[tierIndex];
  const message = waitedFor
    ? `${waitedFor.name} is full: you are on its waitlist, first come first served`
    : undefined;
  context.emit(
    tierEffect(
      context,
      'tier.waitlisted',
      partner.id,
      tiers[writable.tier]?.id ?? null,
      waitedFor?.id ?? '',
      message,
    ),
  );
}

/** Promotes a partner as far as its facts and the tiers' capacities allow. */
export function promote(context: Context, partnerId: string): void {
  const partner = context.draft.partner(partnerId);
  if (!partner) return;
  const target = qualifiedTier(context.version, partner, factsNow(context, partner));
  if (partner.waitingFor !== null && target < partner.waitingFor) leaveWaitlist(context, partner);
  if (target <= partner.tier) return;
  let reached = partner.tier;
  let blockedAt: number | null = null;
  for (let index = partner.tier + 1; index <= target; index++) {
    if (isFull(context, index)) {
      blockedAt = index;
      break;
    }
    reached = index;
  }
  if (reached > partner.tier) moveTier(context, partnerId, reached, 'tier.promoted');
  const after = context.draft.partner(partnerId) as PartnerState;
  if (blockedAt !== null) joinWaitlist(context, after, blockedAt);
  else if (after.waitingFor !== null && after.tier >= after.waitingFor) leaveWaitlist(context, after);
}

/** Offers free places of a tier to its waitlist, in order; those who no longer qualify leave it. */
export function fillPlaces(context: Context, tierIndex: number): void {
  // The queue is read afresh each time: leaving it may replace the draft's copy.
  for (;;) {
    const partnerId = context.draft.state.waitlists[tierIndex]?.[0];
    if (partnerId === undefined || isFull(context, tierIndex)) return;
    const partner = context.draft.partner(partnerId);
    if (partner) leaveWaitlist(context, partner);
    // Whatever the partner's record says, it leaves the head of this queue (no endless loop).
    if (context.draft.state.waitlists[tierIndex]?.[0] === partnerId)
      context.draft.writableWaitlists()[tierIndex]?.shift();
    if (partner) promote(context, partnerId);
  }
}

/** Every tier with a capacity: offer any free place to the waitlist. */
export function fillAllPlaces(context: Context): void {
  for (const tier of context.version.tiers) if (tier.capacity !== null) fillPlaces(context, tier.index);
}

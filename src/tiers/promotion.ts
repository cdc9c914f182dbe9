// Promotion the moment the facts support it, within each tier's capacity: a partner who
// qualifies for a full tier waits for a place, first come first served, and is promoted when one
// frees up (if it still qualifies then).
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import type { CompiledTier, CompiledVersion } from '../program/compile.js';
import { moveTier, tierEffect } from './changes.js';
import { factsNow, mayQualifyAbove, qualifiedTier } from './qualification.js';

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
  const place = context.draft.state.waitlists[tierIndex]?.length ?? 0;
  const message = waitedFor
    ? `${waitedFor.name} is full: you are number ${place} on its waitlist, first come first served`
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

// What can change whether a partner at a tier index qualifies for a higher one, by version: the
// sources of every higher tier's qualify rule, and of their maintain rules for a partner who
// must regain a lost tier.
const sourcesAbove = new WeakMap<CompiledVersion, { qualify: number[]; regain: number[] }>();

function sourcesAboveOf(version: CompiledVersion) {
  let known = sourcesAbove.get(version);
  if (known) return known;
  const qualify: number[] = [];
  const regain: number[] = [];
  let mask = 0;
  let maintained = 0;
  for (let index = version.tiers.length - 1; index >= 0; index--) {
    qualify[index] = mask;
    regain[index] = mask | maintained;
    const tier = version.tiers[index] as CompiledTier;
    mask |= tier.qualify.sources;
    maintained |= tier.maintain?.sources ?? 0;
  }
  known = { qualify, regain };
  sourcesAbove.set(version, known);
  return known;
}

/**
 * Whether what changed for the partner in this event may change its tier: a rule is judged
 * again only when a fact it reads may have changed (or it waits for a place, or must regain).
 */
export function mayBePromoted(context: Context, partner: PartnerState): boolean {
  const changed = context.touched.of(partner.id);
  if (changed === 0) return false;
  const above = sourcesAboveOf(context.version);
  const relevant = (partner.demotedFrom === null ? above.qualify : above.regain)[partner.tier] ?? 0;
  return (changed & relevant) !== 0 || partner.waitingFor !== null;
}

/** Promotes a partner as far as its facts and the tiers' capacities allow. */
export function promote(context: Context, partnerId: string): void {
  const partner = context.draft.partner(partnerId);
  if (!partner) return;
  const facts = factsNow(context, partner);
  // Most judgements promote no one: the next tier's own rule settles it, unless the partner waits
  // for a place (leaving the waitlist needs the tier its facts support, exactly).
  if (partner.waitingFor === null && !mayQualifyAbove(context.version, partner, facts)) return;
  const target = qualifiedTier(context.version, partner, facts);
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
  if (reached > partner.tier) {
    // Stopped short by a full tier, the reached tier's message (the way to the one above) no longer fits.
    const full = blockedAt === null ? undefined : context.version.tiers[blockedAt];
    const reachedTier = context.version.tiers[reached];
    const message =
      full && reachedTier
        ? `You reached ${reachedTier.name}. You also qualify for ${full.name}, which is full: you wait for a place, first come first served`
        : undefined;
    moveTier(context, partnerId, reached, 'tier.promoted', message);
  }
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

// Moving a partner between tiers, with everything that follows: the count of holders, the
// effects (tier and features, with the programme's message), the sponsor's team counts, and a
// freed place offered to the waitlist.

import type { FeatureEffect, TierEffect } from '../engine/outputs.js';
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { SOURCE } from '../facts/catalogue.js';

type Movement = 'tier.promoted' | 'tier.demoted';

/** A tier effect; every one has the same shape (a message only where the programme has one). */
export function tierEffect(
  context: Context,
  type: TierEffect['type'],
  partnerId: string,
  from: string | null,
  to: string,
  message: string | undefined,
): Omit<TierEffect, 'id'> {
  return { type, partnerId, from, to, at: context.at, eventId: context.eventId, message };
}

function featureEffect(
  context: Context,
  type: FeatureEffect['type'],
  partnerId: string,
  feature: string,
): Omit<FeatureEffect, 'id'> {
  return { type, partnerId, feature, at: context.at, eventId: context.eventId };
}

/**
 * Moves a partner to `toIndex`, emitting the tier effect and a feature effect per unlock gained or
 * lost. The tier effect carries `message`, or else the programme's unlocking message of the tier
 * reached (the next step from there, which fits a promotion, not a demotion).
 */
export function moveTier(
  context: Context,
  partnerId: string,
  toIndex: number,
  movement: Movement,
  message?: string,
): void {
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
  partner.tierSince = context.instant;
  partner.failedReviews = 0;
  context.emit(tierEffect(context, movement, partnerId, from.id, to.id, message ?? to.message ?? undefined));
  const promoted = toIndex > fromIndex;
  const changed = promoted
    ? to.allUnlocks.slice(from.allUnlocks.length)
    : from.allUnlocks.slice(to.allUnlocks.length);
  for (const feature of changed) {
    context.emit(
      featureEffect(context, promoted ? 'feature.unlocked' : 'feature.locked', partnerId, feature),
    );
  }
  if (partner.demotedFrom !== null && toIndex >= partner.demotedFrom) partner.demotedFrom = null;
  context.announce({ type: 'tier.changed', partnerId, from: fromIndex, to: toIndex });
  context.touched.add(partnerId, SOURCE.tier);
}

/**
 * Announces the entry tier to a partner who just joined: partner.joined with the tier (joining
 * is not a promotion, so a host's promotion e-mail never greets a newcomer), then its unlocks.
 */
export function enterFirstTier(context: Context, partner: PartnerState): void {
  const first = context.version.tiers[0];
  if (!first) return;
  context.draft.state.holders[0] = (context.draft.state.holders[0] ?? 0) + 1;
  context.emit({
    type: 'partner.joined',
    partnerId: partner.id,
    tier: first.id,
    sponsorId: partner.sponsorId,
    at: context.at,
    eventId: context.eventId,
    message: first.message ?? undefined,
  });
  for (const feature of first.allUnlocks) {
    context.emit(featureEffect(context, 'feature.unlocked', partner.id, feature));
  }
}

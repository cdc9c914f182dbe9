// Badges from rules: after every event, each partner whose facts changed is judged against the
// programme's rule badges (one-time, once per period, or by level) and milestones (once each).
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { type Facts, ruleFacts } from '../facts/partner-facts.js';
import type { CompiledBadge, CompiledMilestone } from '../program/compile.js';

/** Awards a badge (with its level or period) and emits badge.awarded with the count held. */
export function awardBadge(
  context: Context,
  partnerId: string,
  badge: string,
  extra: { level?: string; period?: string },
): void {
  const partner = context.draft.writablePartner(partnerId);
  partner.badges.push({ badge, at: context.at, eventId: context.eventId, ...extra });
  const count = partner.badges.filter((held) => held.badge === badge).length;
  context.emit({
    type: 'badge.awarded',
    partnerId,
    at: context.at,
    eventId: context.eventId,
    badge,
    count,
    ...extra,
  });
}

function judgeBadge(context: Context, partner: PartnerState, compiled: CompiledBadge, facts: Facts): void {
  const { badge } = compiled;
  const held = partner.badges.filter((award) => award.badge === badge.id);
  if (compiled.levels.length > 0) {
    for (const level of compiled.levels) {
      if (held.some((award) => award.level === level.id)) continue;
      if (level.when.test(facts)) awardBadge(context, partner.id, badge.id, { level: level.id });
    }
    return;
  }
  if (badge.repeatable) {
    const period = context.calendar.periodOf(context.instant, badge.repeatable.period).key;
    if (held.some((award) => award.period === period)) return;
    if (compiled.when.test(facts)) awardBadge(context, partner.id, badge.id, { period });
    return;
  }
  if (held.length === 0 && compiled.when.test(facts)) awardBadge(context, partner.id, badge.id, {});
}

export function judgeAchievements(
  context: Context,
  badges: readonly CompiledBadge[],
  milestones: readonly CompiledMilestone[],
): void {
  for (const partnerId of context.touched) {
    const partner = context.draft.partner(partnerId);
    if (!partner) continue;
    const facts = ruleFacts(context, partner);
    for (const badge of badges)
      judgeBadge(context, context.draft.partner(partnerId) as PartnerState, badge, facts);
    for (const milestone of milestones) {
      if (partner.milestones.includes(milestone.id) || !milestone.when.test(facts)) continue;
      context.draft.writablePartner(partnerId).milestones.push(milestone.id);
      context.emit({
        type: 'milestone.reached',
        partnerId,
        at: context.at,
        eventId: context.eventId,
        milestone: milestone.id,
        message: milestone.message,
      });
    }
  }
}

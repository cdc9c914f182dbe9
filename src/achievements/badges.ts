// Badges from rules: after every event, each partner whose facts changed is judged against the
// programme's rule badges (one-time, once per period, or by level) and milestones (once each).
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { SOURCE } from '../facts/catalogue.js';
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
  context.touched.add(partnerId, SOURCE.badge);
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

/** The facts of a partner, read only if a rule needs judging (most events leave every badge as it was). */
type LazyFacts = () => Facts;

function judgeBadge(
  context: Context,
  partner: PartnerState,
  compiled: CompiledBadge,
  facts: LazyFacts,
): void {
  const { badge } = compiled;
  const changed = context.touched.of(partner.id);
  if (compiled.levels.length > 0) {
    for (const level of compiled.levels) {
      if ((changed & level.when.sources) === 0) continue;
      if (partner.badges.some((award) => award.badge === badge.id && award.level === level.id)) continue;
      if (level.when.test(facts())) awardBadge(context, partner.id, badge.id, { level: level.id });
    }
    return;
  }
  if ((changed & compiled.when.sources) === 0) return;
  if (badge.repeatable) {
    const period = context.calendar.periodOf(context.instant, badge.repeatable.period).key;
    if (partner.badges.some((award) => award.badge === badge.id && award.period === period)) return;
    if (compiled.when.test(facts())) awardBadge(context, partner.id, badge.id, { period });
    return;
  }
  // A one-time badge, once held, is never judged again.
  if (partner.badges.some((award) => award.badge === badge.id)) return;
  if (compiled.when.test(facts())) awardBadge(context, partner.id, badge.id, {});
}

export function judgeAchievements(
  context: Context,
  badges: readonly CompiledBadge[],
  milestones: readonly CompiledMilestone[],
): void {
  for (const partnerId of context.touched) {
    const partner = context.draft.partner(partnerId);
    if (!partner) continue;
    let known: Facts | null = null;
    const facts = () => {
      known ??= ruleFacts(context, partner);
      return known;
    };
    for (const badge of badges)
      judgeBadge(context, context.draft.partner(partnerId) as PartnerState, badge, facts);
    const changed = context.touched.of(partnerId);
    for (const milestone of milestones) {
      if ((changed & milestone.when.sources) === 0 || partner.milestones.includes(milestone.id)) continue;
      if (!milestone.when.test(facts())) continue;
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

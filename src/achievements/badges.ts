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
  partner.badges = [...partner.badges, { badge, at: context.instant, eventId: context.eventId, ...extra }];
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
  changed: number,
  facts: LazyFacts,
): void {
  const { badge } = compiled;
  if (compiled.levels.length > 0) {
    for (const level of compiled.levels) {
      if ((changed & level.when.sources) === 0) continue;
      if (holdsBadge(partner, badge.id, 'level', level.id)) continue;
      if (level.when.test(facts())) awardBadge(context, partner.id, badge.id, { level: level.id });
    }
    return;
  }
  if ((changed & compiled.when.sources) === 0) return;
  if (badge.repeatable) {
    const period = context.calendar.periodOf(context.instant, badge.repeatable.period).key;
    if (holdsBadge(partner, badge.id, 'period', period)) return;
    if (compiled.when.test(facts())) awardBadge(context, partner.id, badge.id, { period });
    return;
  }
  // A one-time badge, once held, is never judged again.
  if (holdsBadge(partner, badge.id)) return;
  if (compiled.when.test(facts())) awardBadge(context, partner.id, badge.id, {});
}

/** Whether the partner holds the badge (at that level, or for that period, when one is given). */
export function holdsBadge(
  partner: PartnerState,
  badge: string,
  field?: 'level' | 'period',
  value?: string,
): boolean {
  const { badges } = partner;
  for (let index = 0; index < badges.length; index++) {
    const award = badges[index] as PartnerState['badges'][number];
    if (award.badge === badge && (field === undefined || award[field] === value)) return true;
  }
  return false;
}

/**
 * Judges every badge and milestone of the touched partners. An award can make another rule hold
 * (a rule on `badges`), so a partner given one is judged again, with fresh facts, until a pass
 * awards nothing (at most once more per badge and milestone the programme has).
 */
export function judgeAchievements(
  context: Context,
  badges: readonly CompiledBadge[],
  milestones: readonly CompiledMilestone[],
): void {
  const read = sourcesRead(badges, milestones);
  for (const partnerId of context.touched) {
    // After the first pass only the partner's badges changed: only rules reading them again.
    let changed = context.touched.of(partnerId);
    // Nothing any badge or milestone reads changed (an upline's team grew by one, far up).
    if ((changed & read) === 0) continue;
    for (let pass = 0; pass <= badges.length + milestones.length; pass++) {
      if (!judgePartner(context, partnerId, changed, { badges, milestones })) break;
      changed = SOURCE.badge;
    }
  }
}

const readBy = new WeakMap<readonly CompiledBadge[], number>();

/** The fact sources some badge, badge level or milestone reads: made once per programme version. */
function sourcesRead(badges: readonly CompiledBadge[], milestones: readonly CompiledMilestone[]): number {
  let read = readBy.get(badges);
  if (read === undefined) {
    read = 0;
    for (const badge of badges) {
      read |= badge.when.sources;
      for (const level of badge.levels) read |= level.when.sources;
    }
    for (const milestone of milestones) read |= milestone.when.sources;
    readBy.set(badges, read);
  }
  return read;
}

/** One pass over a partner's badges and milestones; whether it awarded anything. */
function judgePartner(
  context: Context,
  partnerId: string,
  changed: number,
  rules: { readonly badges: readonly CompiledBadge[]; readonly milestones: readonly CompiledMilestone[] },
): boolean {
  const { badges, milestones } = rules;
  const partner = context.draft.partner(partnerId);
  if (!partner) return false;
  const before = partner.badges.length + partner.milestones.length;
  let known: Facts | null = null;
  const facts = () => {
    known ??= ruleFacts(context, context.draft.partner(partnerId) as PartnerState);
    return known;
  };
  for (const badge of badges)
    judgeBadge(context, context.draft.partner(partnerId) as PartnerState, badge, changed, facts);
  for (const milestone of milestones) {
    const current = context.draft.partner(partnerId) as PartnerState;
    if ((changed & milestone.when.sources) === 0 || current.milestones.includes(milestone.id)) continue;
    if (!milestone.when.test(facts())) continue;
    const writable = context.draft.writablePartner(partnerId);
    writable.milestones = [...writable.milestones, milestone.id];
    context.emit({
      type: 'milestone.reached',
      partnerId,
      at: context.at,
      eventId: context.eventId,
      milestone: milestone.id,
      message: milestone.message,
    });
  }
  const after = context.draft.partner(partnerId) as PartnerState;
  return after.badges.length + after.milestones.length > before;
}

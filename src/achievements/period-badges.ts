// Badges awarded when a period closes, from a leaderboard: every partner tied for first (with
// something to show for the period) gets it, per tier held at the period's end or across all.
import type { PeriodRange } from '../engine/calendar.js';
import type { Context } from '../engine/slice.js';
import type { PartnerState } from '../engine/state.js';
import { monthsOf, scoreOf, tierAtMonthEnd } from '../partners/history.js';
import type { BadgeDefinition } from '../program/schema.js';
import { awardBadge, holdsBadge } from './badges.js';

type LeaderboardBadge = Extract<BadgeDefinition, { leaderboard: unknown }>;

/**
 * The highest score of the rows (zero for none), by a loop: `Math.max(...rows)` would spread every
 * partner's row into one call and overflow the stack on a large programme.
 */
export function highestScore(rows: readonly { readonly score: number }[]): number {
  let best = 0;
  for (const row of rows) if (row.score > best) best = row.score;
  return best;
}

/** Whether the partner has results in some month (without listing its months). */
function hasResults(partner: PartnerState): boolean {
  for (const month in partner.history) if (Object.hasOwn(partner.history, month)) return true;
  return false;
}

export function awardPeriodBadges(context: Context, ended: readonly PeriodRange[]): void {
  const badges = (context.compiled.program.badges as readonly BadgeDefinition[]).filter(
    (badge): badge is LeaderboardBadge => 'leaderboard' in badge,
  );
  for (const badge of badges) {
    const range = ended.find((candidate) => candidate.period === badge.leaderboard.period);
    if (!range) continue;
    const months = monthsOf(context, range);
    const groups = new Map<string, Array<{ id: string; score: number }>>();
    // Only partners with results in some month can score.
    for (const id of context.draft.partnersWhere('with-results', hasResults)) {
      const partner = context.draft.partner(id) as PartnerState;
      const score = scoreOf(partner, months, badge.leaderboard.metric);
      if (score <= 0) continue;
      const lastMonth = months[months.length - 1] ?? '';
      const group = badge.leaderboard.scope === 'tier' ? (tierAtMonthEnd(partner, lastMonth) ?? '') : 'all';
      const rows = groups.get(group) ?? [];
      rows.push({ id, score });
      groups.set(group, rows);
    }
    for (const rows of groups.values()) {
      const best = highestScore(rows);
      for (const row of rows) {
        if (row.score !== best) continue;
        const partner = context.draft.partner(row.id);
        const held = partner !== undefined && holdsBadge(partner, badge.id);
        if (badge.repeatable || !held) awardBadge(context, row.id, badge.id, { period: range.key });
      }
    }
  }
}

// Givens for the achievement tests: SISO's milestone messages written out by hand, readers of the
// badge and milestone effects of an outcome, runs of deals, and small custom programmes (a badge
// repeatable per month, a badge with levels, a programme in another time zone).
import type { BadgeEffect, Effect, MilestoneEffect } from '../../src/engine/outputs.js';
import type { Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { type Outcome, sisoWith } from '../support/scenario.js';

export { dealRun } from '../support/scenario.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The SISO programme's milestone messages (examples/programs/siso.json), copied by hand. */
export const MILESTONE_MESSAGES = {
  'one-deal-to-active': 'One more deal to go: close it and complete your certification to reach ACTIVE!',
  'one-deal-to-active-certified': 'One more deal to go: close it to reach ACTIVE!',
  'halfway-to-performer': 'Halfway to PERFORMER: 5 of 10 deals closed!',
  'first-1000-earned': 'You have earned your first 1,000.00 in commissions!',
} as const;

const isBadge = (effect: Effect): effect is BadgeEffect => effect.type === 'badge.awarded';
const isMilestone = (effect: Effect): effect is MilestoneEffect => effect.type === 'milestone.reached';

/** The `badge.awarded` effects, optionally only one badge's or one partner's. */
export function badgeEffects(
  outcome: Pick<Outcome, 'effects'>,
  filter: { badge?: string; partnerId?: string } = {},
): BadgeEffect[] {
  return outcome.effects
    .filter(isBadge)
    .filter((effect) => filter.badge === undefined || effect.badge === filter.badge)
    .filter((effect) => filter.partnerId === undefined || effect.partnerId === filter.partnerId);
}

/** The `milestone.reached` effects of one partner. */
export function milestoneEffects(outcome: Pick<Outcome, 'effects'>, partnerId: string): MilestoneEffect[] {
  return outcome.effects.filter(isMilestone).filter((effect) => effect.partnerId === partnerId);
}

/** Badge ids a partner holds in the state, one entry per award, in award order. */
export function heldBadges(outcome: Outcome, partnerId: string): string[] {
  return outcome.partner(partnerId).badges.map((award) => award.badge);
}

/** A badge as a programme document writes it. */
export type BadgeInput = NonNullable<ProgramInput['badges']>[number];

const atLeast = (fact: string, value: number) => ({
  all: [{ fact, operator: 'greaterThanInclusive', value }],
});

/** A badge for closing 2 counted deals in one calendar month, awarded at most once a month. */
export const TWO_IN_A_MONTH: BadgeInput = {
  id: 'two-in-a-month',
  name: 'Two in a month',
  when: atLeast('monthDeals', 2),
  repeatable: { period: 'month' },
};

/** A badge with levels: bronze at 1 counted deal, silver at 5, gold at 10. */
export const CLOSER: BadgeInput = {
  id: 'closer',
  name: 'Closer',
  // The schema asks for `when` even when levels are given; the levels decide.
  when: atLeast('countedDeals', 1),
  levels: [
    { id: 'bronze', name: 'Bronze closer', when: atLeast('countedDeals', 1) },
    { id: 'silver', name: 'Silver closer', when: atLeast('countedDeals', 5) },
    { id: 'gold', name: 'Gold closer', when: atLeast('countedDeals', 10) },
  ],
};

/** SISO with only the given badges (milestones kept). */
export function sisoWithBadges(...badges: readonly BadgeInput[]): Program {
  return sisoWith({ badges: [...badges] });
}

/** SISO with its period boundaries at midnight in another IANA time zone. */
export function sisoIn(timeZone: string, badges?: readonly BadgeInput[]): Program {
  return sisoWith(badges === undefined ? { timeZone } : { timeZone, badges: [...badges] });
}

// The achievements slice: rule badges and milestones after every event, period badges and the
// month's tier snapshot when periods end.
import type { Slice } from '../engine/slice.js';
import type { CompiledProgram } from '../program/compile.js';
import {
  type CompiledBadge,
  type CompiledMilestone,
  compileBadges,
  compileMilestones,
  judgeAchievements,
} from './badges.js';
import { awardPeriodBadges } from './period-badges.js';

const compiledRules = new WeakMap<
  CompiledProgram,
  { badges: CompiledBadge[]; milestones: CompiledMilestone[] }
>();

function rulesOf(compiled: CompiledProgram) {
  let rules = compiledRules.get(compiled);
  if (!rules) {
    rules = { badges: compileBadges({ compiled }), milestones: compileMilestones({ compiled }) };
    compiledRules.set(compiled, rules);
  }
  return rules;
}

export const achievementsSlice: Slice = {
  name: 'achievements',
  afterEvent: (context) => {
    const { badges, milestones } = rulesOf(context.compiled);
    judgeAchievements(context, badges, milestones);
  },
  periodsEnded: awardPeriodBadges,
};

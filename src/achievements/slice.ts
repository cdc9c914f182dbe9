// The achievements slice: rule badges and milestones after every event, period badges when
// periods end.
import type { Slice } from '../engine/slice.js';
import { judgeAchievements } from './badges.js';
import { awardPeriodBadges } from './period-badges.js';

export const achievementsSlice: Slice = {
  name: 'achievements',
  afterEvent: (context) => judgeAchievements(context, context.compiled.badges, context.compiled.milestones),
  periodsEnded: awardPeriodBadges,
};

/** Badges again after a late promotion (see lateTiersSlice), for rules that read the tier. */
export const lateAchievementsSlice: Slice = {
  name: 'achievements (after late promotions)',
  afterEvent: (context) => {
    if (context.compiled.tierRulesReadLateFacts)
      judgeAchievements(context, context.compiled.badges, context.compiled.milestones);
  },
};

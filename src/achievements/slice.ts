// The achievements slice: rule badges and milestones after every event, period badges when
// periods end.
import type { Slice } from '../engine/slice.js';
import { judgeAchievements } from './badges.js';
import { awardPeriodBadges } from './period-badges.js';

export const achievementsSlice: Slice = {
  name: 'achievements',
  phases: {
    award: {
      each: (context) => judgeAchievements(context, context.compiled.badges, context.compiled.milestones),
    },
  },
  periodsEnded: awardPeriodBadges,
};

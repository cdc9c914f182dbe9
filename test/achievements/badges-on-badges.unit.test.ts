// Rules on the badges a partner holds hold the moment the badge they name is awarded: in the same
// event, and at the moment of time-driven work that awards it (a month's top-performer).
import { describe, expect, it } from 'vitest';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, replay, sisoWith } from '../support/scenario.js';
import { badgeEffects, milestoneEffects } from './givens.js';

const program = sisoWith({
  badges: [
    ...(JSON.parse(JSON.stringify(sisoProgram.badges)) as NonNullable<ProgramInput['badges']>),
    {
      id: 'fan',
      name: 'Fan',
      when: { all: [{ fact: 'badges', operator: 'contains', value: 'first-sale' }] },
    },
  ],
  milestones: [
    {
      id: 'm-top',
      message: 'Top of the month!',
      when: { all: [{ fact: 'badges', operator: 'contains', value: 'top-performer' }] },
    },
  ],
});

describe('a rule on badges', () => {
  it('holds in the event that awards the badge it names (first-sale, then fan, at the first deal)', () => {
    const outcome = replay(
      [events.joined('c', '2025-01-01', null, 'j-c'), events.deal('c', 'c1', '100.00', '2025-01-02')],
      { program },
    );
    expect(badgeEffects(outcome, { badge: 'fan' }).map((effect) => effect.eventId)).toEqual(['e-c1']);
  });

  it('holds at the month end that awards top-performer, caused by no event', () => {
    // a is January's only seller: top-performer at 2025-02-01, and m-top at the same moment.
    const outcome = replay(
      [events.joined('a', '2025-01-01', null, 'j-a'), events.deal('a', 'a1', '100.00', '2025-01-10')],
      { program, asOf: '2025-02-01T00:00:00Z' },
    );
    expect(
      milestoneEffects(outcome, 'a').map((effect) => [effect.milestone, effect.at, effect.eventId]),
    ).toEqual([['m-top', '2025-02-01T00:00:00.000Z', null]]);
  });
});

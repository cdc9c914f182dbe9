// A partner joining changes its sponsor's direct team (`team`) and every upline's whole team
// (`teamSize`): rules on the direct team are judged again for the sponsor only, rules on the
// whole team's size for every partner above. So a long sponsor chain does not judge the direct
// team's rules all the way up on every join, and a rule on team size still holds far up.
import { describe, expect, it } from 'vitest';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, replay, sisoWith } from '../support/scenario.js';

const badges = [
  ...(JSON.parse(JSON.stringify(sisoProgram.badges)) as NonNullable<ProgramInput['badges']>),
  {
    id: 'big-team',
    name: 'Big Team',
    description: 'Three partners below, at any level.',
    when: { all: [{ fact: 'teamSize', operator: 'greaterThanInclusive', value: 3 }] },
  },
  {
    id: 'recruiter',
    name: 'Recruiter',
    description: 'Two direct sub-partners.',
    when: { all: [{ fact: 'directSubPartners', operator: 'greaterThanInclusive', value: 2 }] },
  },
];
const program = sisoWith({ badges });

describe('team facts judged again where they changed', () => {
  // a ← b ← c ← d: a chain, then e joins under c (c's second direct sub-partner).
  const given = [
    events.joined('a', '2025-01-01'),
    events.joined('b', '2025-01-02', 'a'),
    events.joined('c', '2025-01-03', 'b'),
    events.joined('d', '2025-01-04', 'c'),
    events.joined('e', '2025-01-05', 'c'),
  ];
  const outcome = replay(given, { program });
  const held = (id: string) => outcome.partner(id).badges.map((award) => award.badge);

  it('awards a badge on the whole team size to an upline three levels up', () => {
    // a has b, c, d (3 below) when d joins, two levels under its sponsor c.
    expect(held('a')).toContain('big-team');
    expect(
      outcome.effectsOf({ type: 'badge.awarded', partnerId: 'a' }).map((effect) => effect.eventId),
    ).toEqual([given[3]?.id]);
    // b has c, d and e below: the third is e.
    expect(held('b')).toContain('big-team');
  });

  it('awards a badge on the direct team to the sponsor only', () => {
    // c sponsored d and e: two direct sub-partners. b and a have one each.
    expect(held('c')).toEqual(['recruiter']);
    expect(held('b')).not.toContain('recruiter');
    expect(held('a')).not.toContain('recruiter');
  });
});

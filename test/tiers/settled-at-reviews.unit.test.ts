// What time-driven work changes is settled at that moment (engine/phases.ts, SETTLE_PHASES): a
// place freed at a review promotes the first partner waiting for it, and a badge on the tier it
// reaches is awarded at the same moment, caused by no event.
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { dealRun, events, replay } from '../support/scenario.js';

// SISO with one Elite place and a badge for holding Elite.
const document = JSON.parse(JSON.stringify(sisoProgram)) as ProgramInput;
const elite = document.tiers[3];
if (!elite) throw new Error('SISO has four tiers');
elite.capacity = 1;
document.badges = [
  ...(document.badges ?? []),
  { id: 'is-elite', name: 'Elite', when: { all: [{ fact: 'tier', operator: 'equal', value: 'elite' }] } },
];
const program = loadProgram(document);

const certified = (id: string) => [
  events.joined(id, '2025-01-01', null, `join-${id}`),
  events.trained(id, '2025-01-01T01:00:00Z', 'certification', `cert-${id}`),
];

describe('a place freed at a review', () => {
  // a and b each close 25 deals in January: a takes the one Elite place, b waits for it.
  // a closes nothing after January: Q1 passes (25 ≥ 3), Q2 fails (at risk on 1 July), Q3 fails
  // (demoted to Performer on 1 October). b closes 3 deals in each of Q2 and Q3, passing
  // Performer's reviews (≥ 2), so it still qualifies for Elite when the place frees.
  const outcome = replay(
    [
      ...certified('a'),
      ...certified('b'),
      ...dealRun('a', { from: '2025-01-02', count: 25 }),
      ...dealRun('b', { from: '2025-01-10', count: 25 }),
      ...dealRun('b', { from: '2025-05-01', count: 3, first: 26 }),
      ...dealRun('b', { from: '2025-08-01', count: 3, first: 29 }),
    ],
    { program, asOf: '2025-10-01T00:00:00Z' },
  );

  it('promotes the partner waiting for it at that moment', () => {
    expect(outcome.effectsOf({ type: 'tier.demoted', partnerId: 'a' })).toMatchObject([
      { at: '2025-10-01T00:00:00.000Z', from: 'elite', to: 'performer', eventId: null },
    ]);
    expect(outcome.effectsOf({ type: 'tier.promoted', partnerId: 'b', to: 'elite' })).toMatchObject([
      { at: '2025-10-01T00:00:00.000Z', from: 'performer', eventId: null },
    ]);
  });

  it('awards the badge on the tier it reaches at the same moment', () => {
    expect(
      outcome
        .effectsOf({ type: 'badge.awarded', partnerId: 'b' })
        .filter((effect) => effect.type === 'badge.awarded' && effect.badge === 'is-elite'),
    ).toMatchObject([{ at: '2025-10-01T00:00:00.000Z', eventId: null }]);
  });
});

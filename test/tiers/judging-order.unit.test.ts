// Tiers are judged in rank order, each only when every tier below it holds (as json-rules-engine
// would judge the ladder rule by rule). Promotion skips the tiers below when the next tier's rule
// fails, but never for a version with a rule that may throw (a host's custom operator): such a
// rule throws exactly where, and only where, judging the ladder in order reaches it.
import { describe, expect, it } from 'vitest';
import siso from '../../examples/programs/siso.json' with { type: 'json' };
import { createEngine } from '../../src/create-engine.js';
import { loadProgram } from '../../src/program/load.js';
import { events } from '../support/scenario.js';

type Tier = { qualify: unknown; maintain?: unknown };

function ladder(active: unknown, performer: unknown): { tiers: Tier[] } {
  const document = structuredClone(siso) as unknown as { tiers: Tier[] };
  const [, activeTier, performerTier] = document.tiers as [Tier, Tier, Tier];
  activeTier.qualify = active;
  performerTier.qualify = performer;
  delete performerTier.maintain;
  return document;
}

/** Host operators that throw on a training list holding "y": otherwise true, or false. */
const strict = (fact: unknown) => {
  if (Array.isArray(fact) && fact.includes('y')) throw new Error('training y is not allowed');
  return true;
};
const never = (fact: unknown) => !strict(fact);

const start = [events.joined('p', '2025-01-01', null, 'j'), events.deal('p', 'd1', '100.00', '2025-01-05')];

describe('judging a tier ladder whose rules may throw', () => {
  it('never judges a tier whose lower tier fails', () => {
    // Active: a deal this month (January's deal meets it, February has none). Performer: `never`
    // on the trainings (false, but it throws on "y"). On February 10th the training changes the
    // facts; Active fails, so Performer is never judged and nothing throws; p stays Active.
    const program = loadProgram(
      ladder(
        { all: [{ fact: 'monthDeals', operator: 'greaterThanInclusive', value: 1 }] },
        { all: [{ fact: 'trainingsCompleted', operator: 'never', value: 1 }] },
      ),
      { operators: { never } },
    );
    const result = createEngine(program).replay([...start, events.trained('p', '2025-02-10', 'y', 't1')]);
    expect(result.rejected).toEqual([]);
    const promotions = result.effects.flatMap((effect) =>
      effect.type === 'tier.promoted' ? [effect.to] : [],
    );
    expect(promotions).toEqual(['active']);
  });

  it('judges a lower tier that throws even when the tier above it fails', () => {
    // Active: a deal and `strict` on the trainings; Performer: 10 deals. After the "y" training,
    // the second deal makes the ladder judged: Active's rule throws before Performer's (which
    // fails) is reached, as judging in order does.
    const program = loadProgram(
      ladder(
        {
          all: [
            { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 1 },
            { fact: 'trainingsCompleted', operator: 'strict', value: 1 },
          ],
        },
        { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 }] },
      ),
      { operators: { strict } },
    );
    const stream = [
      ...start,
      events.trained('p', '2025-02-10', 'y', 't1'),
      events.deal('p', 'd2', '100.00', '2025-02-11'),
    ];
    expect(() => createEngine(program).replay(stream)).toThrow('training y is not allowed');
  });
});

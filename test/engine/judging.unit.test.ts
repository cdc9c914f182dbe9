// Rules are judged again only when a fact they read may have changed (docs/architecture.md):
// counted with a custom operator that records each evaluation.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { createEngine } from '../../src/create-engine.js';
import { loadProgram } from '../../src/program/load.js';
import { events } from '../support/scenario.js';

function countingEngine() {
  const judged: string[] = [];
  const counted = (factValue: unknown, jsonValue: unknown) => {
    judged.push(String(factValue));
    return typeof factValue === 'number' && typeof jsonValue === 'number' && factValue >= jsonValue;
  };
  // A milestone on counted deals (changed by deals and refunds only) and a one-time badge on
  // trainings, both through the counting operator.
  const document = {
    ...structuredClone(sisoDocument),
    milestones: [
      {
        id: 'two-deals',
        message: 'Two deals!',
        when: { all: [{ fact: 'countedDeals', operator: 'counted', value: 2 }] },
      },
    ],
    badges: [
      ...structuredClone(sisoDocument.badges),
      {
        id: 'trained',
        name: 'Trained',
        when: { all: [{ fact: 'trainingsCompleted', operator: 'counted', value: 0, path: '$.length' }] },
      },
    ],
  };
  const engine = createEngine(loadProgram(document, { operators: { counted } }));
  return { engine, judged };
}

describe('judging rules', () => {
  it('skips a rule when nothing it reads changed: feature use judges neither milestone nor badge', () => {
    const { engine, judged } = countingEngine();
    engine.replay([events.joined('p', '2025-01-01', null, 'j')]);
    // Joining judges both once: the milestone (0 deals) and the badge (0 trainings ≥ 0: awarded).
    expect(judged).toEqual(['0', '0']);
    judged.length = 0;
    const { state } = engine.replay([events.joined('q', '2025-01-01', null, 'jq')]);
    judged.length = 0;
    engine.replay(
      [events.used('q', 'dashboard', '2025-01-02', 'u1'), events.used('q', 'dashboard', '2025-01-03', 'u2')],
      { state },
    );
    expect(judged).toEqual([]);
  });

  it('judges the milestone at each deal until it is reached, then never again', () => {
    const { engine, judged } = countingEngine();
    engine.replay([
      events.joined('p', '2025-01-01', null, 'j'),
      events.deal('p', 'd1', '100.00', '2025-01-02'),
      events.deal('p', 'd2', '100.00', '2025-01-03'),
      events.deal('p', 'd3', '100.00', '2025-01-04'),
    ]);
    // Joining: milestone 0 and the badge (awarded, so never judged again); d1: 1; d2: 2 (reached).
    expect(judged).toEqual(['0', '0', '1', '2']);
  });
});

// Feature gating (SISO-PROGRAM.md, "Unlocks": cumulative, each tier has its own unlocks and every
// lower tier's). engine.can answers for a partner now; an unknown feature is a question that
// cannot be answered and throws an EngineError with a code.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { partnerSummaries } from '../../src/reports/run-report.js';
import { events, replay } from '../support/scenario.js';
import { certifiedPartner, dealRun, OWN_UNLOCKS } from '../support/tiers.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('unlocks and gating', () => {
  const outcome = replay([
    events.joined('starter', '2025-01-01', null, 'join-starter'),
    ...certifiedPartner('active', '2025-01-01'),
    ...dealRun('active', { from: '2025-01-02', count: 3 }),
    ...certifiedPartner('elite', '2025-01-01'),
    ...dealRun('elite', { from: '2025-01-03', count: 25 }),
  ]);
  const can = (partnerId: string, feature: string) => outcome.engine.can(outcome.state, partnerId, feature);

  it('refuses roi-calculator to a Starter and allows it to an Active partner', () => {
    expect(can('starter', 'roi-calculator')).toBe(false);
    expect(can('active', 'roi-calculator')).toBe(true);
  });

  it('gives an Active partner the Starter and Active unlocks, nothing higher', () => {
    for (const feature of [...OWN_UNLOCKS.starter, ...OWN_UNLOCKS.active])
      expect(can('active', feature)).toBe(true);
    for (const feature of [...OWN_UNLOCKS.performer, ...OWN_UNLOCKS.elite])
      expect(can('active', feature)).toBe(false);
  });

  it('gives an Elite partner every unlock of every tier (6 + 13 + 9 + 11 = 39)', () => {
    const all = [
      ...OWN_UNLOCKS.starter,
      ...OWN_UNLOCKS.active,
      ...OWN_UNLOCKS.performer,
      ...OWN_UNLOCKS.elite,
    ];
    expect(all).toHaveLength(39);
    for (const feature of all) expect(can('elite', feature)).toBe(true);
  });

  it('lists the cumulative unlocks in the run report (6 + 13 = 19 for Active)', () => {
    const summary = partnerSummaries(outcome.engine.compiled, outcome.state).find(
      (row) => row.id === 'active',
    );
    expect(summary?.unlocks).toEqual([...OWN_UNLOCKS.starter, ...OWN_UNLOCKS.active]);
  });

  it('throws EngineError UNKNOWN_FEATURE for a feature the programme does not have', () => {
    const error = thrown(() => can('active', 'time-machine'));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('UNKNOWN_FEATURE');
  });

  it('throws EngineError UNKNOWN_PARTNER for a partner that has not joined', () => {
    const error = thrown(() => can('nobody', 'dashboard'));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('UNKNOWN_PARTNER');
  });

  it('does not treat inherited names such as "constructor" as features or partners', () => {
    expect((thrown(() => can('active', 'constructor')) as EngineError).code).toBe('UNKNOWN_FEATURE');
    expect((thrown(() => can('constructor', 'dashboard')) as EngineError).code).toBe('UNKNOWN_PARTNER');
  });
});

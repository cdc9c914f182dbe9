// Programmes and streams for the simulation tests: SISO with one figure changed, and small
// streams whose costs are worked out by hand in the tests.
import { loadProgram, type Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { dealRun, events } from '../support/scenario.js';

/** SISO with its document changed by `change` (on a copy), loaded again. */
export function sisoWith(
  change: (document: ProgramInput & { tiers: Array<Record<string, unknown>> }) => void,
): Program {
  const document = structuredClone(sisoProgram) as unknown as ProgramInput & {
    tiers: Array<Record<string, unknown>>;
  };
  change(document);
  return loadProgram(document);
}

/** SISO with one tier's base rate changed. */
export function sisoWithRate(tierId: string, baseRate: string): Program {
  return sisoWith((document) => {
    const tier = document.tiers.find((each) => each.id === tierId);
    if (!tier) throw new Error(`no tier ${tierId}`);
    tier.baseRate = baseRate;
  });
}

/**
 * One partner, certified, five deals of 1000.00 an hour apart in January 2025: deals 1 and 2 are
 * paid at Starter's 20 % (200.00 each), the 3rd makes it Active and deals 3 to 5 are paid at
 * Active's rate (22 %: 220.00 each). Baseline total 2 × 200.00 + 3 × 220.00 = 1060.00.
 */
export function onePartnerStream() {
  return [
    events.joined('p1', '2025-01-01', null, 'j-p1'),
    events.trained('p1', '2025-01-02', 'certification', 't-p1'),
    ...dealRun('p1', { from: '2025-01-10T09:00:00Z', count: 5 }),
  ];
}

/**
 * A sponsor s1 made Active (certified, three deals of 1000.00: 200.00 + 200.00 + 220.00 = 620.00),
 * then a referred partner p2 whose first deal of 2000.00 pays p2 20 % (400.00) and s1 Active's
 * referral bonus, 5 % of 2000.00 = 100.00. Baseline total 620.00 + 400.00 + 100.00 = 1120.00.
 */
export function referralStream() {
  return [
    events.joined('s1', '2025-01-01', null, 'j-s1'),
    events.trained('s1', '2025-01-02', 'certification', 't-s1'),
    ...dealRun('s1', { from: '2025-01-10T09:00:00Z', count: 3 }),
    events.joined('p2', '2025-02-01', 's1', 'j-p2'),
    events.deal('p2', 'p2-d1', '2000.00', '2025-02-10T09:00:00Z'),
  ];
}

import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { sisoProgram } from '../../src/program/siso.js';
import { partnerSummaries } from '../../src/reports/run-report.js';
import { generateEvents } from '../../src/simulation/generator.js';
import { simulate, simulateInWorkers } from '../../src/simulation/simulate.js';
import { sisoWithRate } from './givens.js';

describe('simulate on worker threads', () => {
  const events = generateEvents({ partners: 40, months: 6, seed: 7 });
  const options = {
    events,
    baseline: sisoProgram,
    candidates: [sisoWithRate('active', '0.24'), sisoWithRate('starter', '0.18')],
    guards: ['partner-loss <= 5%', 'no-new-demotions'],
    partner: 'p001',
  };

  it('gives the very report the in-thread simulation gives', async () => {
    const progress: number[] = [];
    const pooled = await simulateInWorkers({
      ...options,
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(pooled).toEqual(simulate(options));
    // The last report says every event of the three runs is done.
    expect(progress.at(-1)).toBe(events.length * 3);
  });

  it('sums the same total and revenue as a plain replay', () => {
    const report = simulate(options);
    const engine = createEngine(sisoProgram);
    const replayed = engine.replay(events);
    const cents = (amount: string) => BigInt(amount.replace('.', ''));
    const total = replayed.ledger.reduce((sum, entry) => sum + cents(entry.amount), 0n);
    const revenue = partnerSummaries(engine.compiled, replayed.state).reduce(
      (sum, partner) => sum + cents(partner.revenue),
      0n,
    );
    expect(cents(report.baseline.total)).toBe(total);
    expect(cents(report.baseline.revenue)).toBe(revenue);
    expect(report.asOf).toBe(replayed.asOf);
  });
});

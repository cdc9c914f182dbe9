// The differential helpers: `compare` on a story computed by hand, and each property passing on
// a consistent change and failing, shrunk to a few events, on an inconsistent one.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProgram, sisoProgram } from '../../src/index.js';
import { DifferentialError, differential } from '../../src/testing/index.js';
import { STORY } from './broken-engines.js';

/** SISO with Active at 24 % instead of 22 %: a consistent raise. */
const raised = (() => {
  const document = JSON.parse(JSON.stringify(sisoProgram));
  document.tiers[1].baseRate = '0.24';
  return loadProgram(document);
})();
/** The same raise, with Active's threshold moved from 3 deals to 4 by the same edit. */
const inconsistent = loadProgram(
  JSON.parse(
    readFileSync(new URL('../../examples/ci/siso-2025.2-inconsistent.json', import.meta.url), 'utf8'),
  ),
);
const SMALL = { partners: 2, months: 2, maxDeals: 8 } as const;
const RUNS = { seed: 42, numRuns: 15 } as const;

function failure(property: fc.IPropertyWithHooks<[readonly unknown[]]>) {
  const details = fc.check(property, RUNS);
  expect(details.failed).toBe(true);
  expect(details.errorInstance).toBeInstanceOf(DifferentialError);
  return { events: details.counterexample?.[0] ?? [], error: details.errorInstance as DifferentialError };
}

describe('differential.compare', () => {
  it('reports what each programme pays every partner, and the entries that differ', () => {
    // Only Ana's third deal (e6, 2,000.00) is paid at Active's rate: 0.22 × 2000 = 440.00 under
    // SISO, 0.24 × 2000 = 480.00 raised, so Ana earns 40.00 more. Her earnings under SISO:
    // 200.00 + 300.00 + 440.00 + 0.51 (referral) - 100.00 (clawback) = 840.51. Ben earns 2.06.
    const comparison = differential.compare(sisoProgram, raised, STORY);
    expect(comparison.partners).toEqual([
      { partnerId: 'ana', baseline: '840.51', candidate: '880.51', difference: '40.00' },
      { partnerId: 'ben', baseline: '2.06', candidate: '2.06', difference: '0.00' },
    ]);
    expect([comparison.baseline.total, comparison.candidate.total, comparison.difference]).toEqual([
      '842.57',
      '882.57',
      '40.00',
    ]);
    expect(
      comparison.entries.map((entry) => [entry.id, entry.baseline?.amount, entry.candidate?.amount]),
    ).toEqual([['e6:commission', '440.00', '480.00']]);
  });
});

describe('differential.neverPaysLess', () => {
  it('holds for a raise', () => {
    fc.assert(differential.neverPaysLess(sisoProgram, raised, SMALL), RUNS);
  });

  it('fails for the inconsistent change, with a shrunk stream and the per-partner difference', () => {
    const { events, error } = failure(differential.neverPaysLess(sisoProgram, inconsistent, SMALL));
    expect(events.length).toBeLessThanOrEqual(6);
    // p0 closes two deals of 0.01 (20 % of 0.01 = 0.002, 0.00 each), is certified, then closes
    // 0.21: SISO makes that third deal Active, 0.22 × 0.21 = 0.0462 -> 0.05; the candidate wants a
    // fourth deal, so it stays Starter, 0.20 × 0.21 = 0.042 -> 0.04: one cent less. p1 joins and
    // earns nothing under either, so it is not listed.
    expect(error.message.split('\n')).toEqual([
      'neverPaysLess: the candidate pays p0 less than the baseline',
      'per partner (baseline -> candidate, difference):',
      '  p0: 0.05 -> 0.04 (-0.01)',
      'total: 0.05 -> 0.04 (-0.01)',
      'entries that differ (baseline | candidate):',
      '  d2:commission: p0 commission 0.22 × 0.21 = 0.05 (active) | p0 commission 0.20 × 0.21 = 0.04 (starter)',
      'events (6):',
      ...events.map((event) => `  ${JSON.stringify(event)}`),
    ]);
    expect(events.map((event) => (event as { id: string }).id)).toEqual([
      'j0',
      'j1',
      'd0',
      'd1',
      't0-0',
      'd2',
    ]);
  });
});

describe('differential.costsAtMost', () => {
  it('holds for a raise within 10 % (and a cent of rounding room)', () => {
    fc.assert(differential.costsAtMost(sisoProgram, raised, { ratio: '1.10', more: '0.01' }, SMALL), RUNS);
  });

  it('fails for a raise that may cost nothing more', () => {
    const { events, error } = failure(differential.costsAtMost(sisoProgram, raised, { more: '0.00' }, SMALL));
    expect(events.length).toBeLessThanOrEqual(6);
    // The third deal, 0.28, is Active's: 0.22 × 0.28 = 0.0616 -> 0.06 under SISO, 0.24 × 0.28 =
    // 0.0672 -> 0.07 raised; the two 0.01 deals pay 0.00 either way. 0.07 > 1 × 0.06 + 0.00.
    expect(error.message.split('\n').slice(0, 7)).toEqual([
      'costsAtMost: the candidate costs 0.07, more than 1 × 0.06 + 0.00 = 0.06',
      'per partner (baseline -> candidate, difference):',
      '  p0: 0.06 -> 0.07 (+0.01)',
      'total: 0.06 -> 0.07 (+0.01)',
      'entries that differ (baseline | candidate):',
      '  d2:commission: p0 commission 0.22 × 0.28 = 0.06 (active) | p0 commission 0.24 × 0.28 = 0.07 (active)',
      'events (5):',
    ]);
    expect(events.map((event) => (event as { type: string }).type)).toEqual([
      'partner.joined',
      'deal.closed',
      'deal.closed',
      'training.completed',
      'deal.closed',
    ]);
  });

  it('refuses a limit that is missing or not a number', () => {
    expect(() => differential.costsAtMost(sisoProgram, raised, {})).toThrow(
      new RangeError('costsAtMost needs a limit: { ratio }, { more } or both'),
    );
    expect(() => differential.costsAtMost(sisoProgram, raised, { more: '-1' })).toThrow(
      new RangeError('costsAtMost\'s more must be a number, 0 or more; got "-1"'),
    );
  });
});

describe('differential.changesOnly', () => {
  it("holds when only Active's commissions change", () => {
    fc.assert(
      differential.changesOnly(sisoProgram, raised, { tier: 'active', kind: 'commission' }, SMALL),
      RUNS,
    );
  });

  it('fails when the change also moves entries between tiers', () => {
    const scope = { tier: 'active', kind: 'commission' } as const;
    const { error } = failure(differential.changesOnly(sisoProgram, inconsistent, scope, SMALL));
    // Even a third deal of 0.01 (0.00 at 22 % and at 20 %) changes: SISO books it at Active, the
    // candidate at Starter, and Starter is outside the scope.
    expect(error.message.split('\n').slice(0, 6)).toEqual([
      'changesOnly: 1 entry outside {"tier":"active","kind":"commission"} changed, first d2:commission',
      'per partner (baseline -> candidate, difference):',
      '  (1 partner(s) unchanged)',
      'total: 0.00 -> 0.00 (+0.00)',
      'entries that differ (baseline | candidate):',
      '  d2:commission: p0 commission 0.22 × 0.01 = 0.00 (active) | p0 commission 0.20 × 0.01 = 0.00 (starter)',
    ]);
  });
});

// The testing kit on the engine itself: random valid streams under the SISO programme and under
// random rates keep every invariant, with no rejection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { sisoProgram } from '../../src/program/siso.js';
import { arbitraries, checkInvariants, checkReplay, invariants } from '../../src/testing/index.js';

describe('the testing kit', () => {
  it('generates streams the SISO programme accepts whole, keeping every invariant', () => {
    const engine = createEngine(sisoProgram);
    fc.assert(
      fc.property(arbitraries.eventStream({ partners: 6, maxDeals: 40 }), (events) => {
        const result = engine.replay(events);
        expect(result.rejected).toEqual([]);
        expect(checkInvariants(engine, result)).toEqual([]);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('keeps every invariant under random rates, and replays deterministically', () => {
    fc.assert(
      fc.property(
        arbitraries.programVariant(sisoProgram),
        arbitraries.eventStream({ partners: 4, maxDeals: 20 }),
        (program, events) => {
          expect(checkReplay(createEngine(program), events)).toEqual([]);
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it('finds a broken entry: an amount that is not rate × basis', () => {
    const engine = createEngine(sisoProgram);
    const result = engine.replay([
      { id: 'j', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p', sponsorId: null },
      {
        id: 'd',
        type: 'deal.closed',
        at: '2025-01-02T00:00:00Z',
        partnerId: 'p',
        dealId: 'x',
        amount: '10.75',
        currency: 'USD',
      },
    ]);
    // 20 % of 10.75 = 2.15; a ledger claiming 2.16 breaks the first invariant.
    const tampered = { ...result, ledger: result.ledger.map((entry) => ({ ...entry, amount: '2.16' })) };
    expect(invariants.entriesAreRateTimesBasis(engine, tampered)).toEqual([
      { invariant: 'entriesAreRateTimesBasis', message: 'd:commission: 0.20 × 10.75 is 2.15, not 2.16' },
    ]);
    expect(invariants.balancesMatchLedger(engine, tampered)).toHaveLength(1);
  });
});

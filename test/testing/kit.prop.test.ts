// The testing kit on the real engine: the arbitraries draw valid programmes and streams the
// engine accepts whole, every invariant holds on them, draws are the same for the same seed, and
// a failing property shrinks to a handful of events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, loadProgram, sisoProgram } from '../../src/index.js';
import { arbitraries, checkInvariants, checkReplay, invariants, toNdjson } from '../../src/testing/index.js';

const typesOf = (events: ReadonlyArray<{ type?: unknown }>) => new Set(events.map((event) => event.type));

describe('arbitraries.events', () => {
  it('draws SISO streams the engine accepts whole, keeping every invariant', () => {
    const engine = createEngine(sisoProgram);
    fc.assert(
      fc.property(arbitraries.events(sisoProgram, { partners: 5, months: 6 }), (events) => {
        const result = engine.replay(events);
        expect(result.rejected).toEqual([]);
        invariants.assert(engine, { events, result });
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('covers every kind of event over a few streams', () => {
    const program = loadProgram({ ...JSON.parse(JSON.stringify(sisoProgram)), tiers: lowElite() });
    const drawn = fc.sample(arbitraries.events(program, { partners: 4, months: 4, maxDeals: 40 }), {
      seed: 3,
      numRuns: 30,
    });
    const seen = new Set(drawn.flatMap((events) => [...typesOf(events)]));
    expect([...seen].sort()).toEqual([
      'deal.closed',
      'deal.refunded',
      'feature.used',
      'partner.joined',
      'payout.paid',
      'terms.set',
      'training.completed',
    ]);
    expect(
      drawn.some((events) => events.some((event) => event.type === 'deal.closed' && 'rate' in event)),
    ).toBe(true);
  });

  it('draws the same stream for the same seed, with distinct times', () => {
    const arbitrary = arbitraries.events(sisoProgram);
    const once = fc.sample(arbitrary, { seed: 9, numRuns: 5 });
    expect(fc.sample(arbitrary, { seed: 9, numRuns: 5 })).toEqual(once);
    for (const events of once) expect(new Set(events.map((event) => event.at)).size).toBe(events.length);
  });

  it('shrinks a failing property to a handful of readable events', () => {
    // "No deal is ever refunded" is false; the smallest stream that shows it is a join, a deal
    // and its refund.
    const details = fc.check(
      fc.property(arbitraries.events(sisoProgram), (events) =>
        events.every((event) => event.type !== 'deal.refunded'),
      ),
      { seed: 1, numRuns: 200 },
    );
    const counterexample = details.counterexample?.[0] ?? [];
    expect(counterexample.map((event) => event.type)).toEqual([
      'partner.joined',
      'deal.closed',
      'deal.refunded',
    ]);
    expect(toNdjson(counterexample).split('\n')).toEqual([
      '{"id":"j0","type":"partner.joined","at":"2025-01-01T00:00:00.000Z","partnerId":"p0","sponsorId":null}',
      '{"id":"d0","type":"deal.closed","at":"2025-01-01T00:01:00.000Z","partnerId":"p0","dealId":"x0","amount":"0.01","currency":"USD"}',
      '{"id":"r0a","type":"deal.refunded","at":"2025-01-01T01:01:00.000Z","dealId":"x0","amount":"0.01"}',
    ]);
  });
});

describe('arbitraries.program', () => {
  it('draws valid variations of the programme that keep every invariant', () => {
    fc.assert(
      fc.property(
        arbitraries.program({ base: sisoProgram }),
        fc.integer({ min: 0, max: 10_000 }),
        (program, seed) => {
          const engine = createEngine(program);
          const [events = []] = fc.sample(arbitraries.events(program, { partners: 4, months: 4 }), {
            seed,
            numRuns: 1,
          });
          const result = engine.replay(events);
          expect(result.rejected).toEqual([]);
          expect(invariants.check(engine, { events, result })).toEqual([]);
        },
      ),
      { seed: 7, numRuns: 30 },
    );
  });

  it("varies the base's rates, thresholds, levels and caps, and keeps its custom operators", () => {
    const document = JSON.parse(JSON.stringify(sisoProgram));
    document.tiers[1].qualify.all[0] = { fact: 'countedDeals', operator: 'atLeast', value: 3 };
    const atLeast = (fact: unknown, value: unknown) => Number(fact) >= Number(value);
    const base = loadProgram(document, { operators: { atLeast } });
    const drawn = fc.sample(arbitraries.program({ base }), { seed: 4, numRuns: 40 });
    // createEngine throws INVALID_PROGRAM on a rule whose operator the programme lost.
    for (const program of drawn) expect(() => createEngine(program)).not.toThrow();
    const distinct = (values: unknown[]) => new Set(values.map((value) => JSON.stringify(value))).size;
    expect(distinct(drawn.map((program) => program.tiers[1]?.baseRate))).toBeGreaterThan(20);
    expect(distinct(drawn.map((program) => program.tiers[2]?.qualify))).toBeGreaterThan(5);
    expect(distinct(drawn.map((program) => program.overrides?.levels.length))).toBe(3);
    expect(drawn.some((program) => program.overrides?.caps?.perDeal !== undefined)).toBe(true);
    expect(drawn.some((program) => program.overrides?.caps === undefined)).toBe(true);
  });

  it('keeps the first kit names working', () => {
    fc.assert(
      fc.property(
        arbitraries.programVariant(sisoProgram),
        arbitraries.eventStream({ partners: 3, maxDeals: 15 }),
        (program, events) => {
          const engine = createEngine(program);
          expect(checkInvariants(engine, engine.replay(events))).toEqual([]);
          expect(checkReplay(engine, events)).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 10 },
    );
  });
});

describe('arbitraries.money and arbitraries.teamGraph', () => {
  it('draws sponsors within reach: among the two who joined just before', () => {
    fc.assert(
      fc.property(arbitraries.teamGraph({ partners: 7, reach: 2 }), (graph) => {
        for (const [index, sponsor] of graph.entries())
          expect(sponsor === null || (sponsor < index && sponsor >= index - 2)).toBe(true);
      }),
      { seed: 6, numRuns: 50 },
    );
  });

  it('draws amounts with exactly the currency places, and sponsors that joined earlier', () => {
    fc.assert(
      fc.property(
        arbitraries.money({ decimals: 3, maxMinorUnits: 5000 }),
        arbitraries.teamGraph({ partners: 6 }),
        (amount, graph) => {
          expect(amount).toMatch(/^\d+\.\d{3}$/);
          for (const [index, sponsor] of graph.entries())
            expect(sponsor === null || sponsor < index).toBe(true);
        },
      ),
      { seed: 5, numRuns: 50 },
    );
  });
});

/** SISO's tiers with Elite (and so custom terms) from 4 counted deals, Performer from 3, Active from 2. */
function lowElite() {
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers));
  [0, 2, 3, 4].forEach((deals, index) => {
    const first = tiers[index]?.qualify.all?.[0];
    if (index > 0 && first) first.value = deals;
  });
  return tiers;
}

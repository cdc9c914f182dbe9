// Property tests for a partner programme, to copy into a host's repository as they are. They
// replay hundreds of generated streams (partners joining under sponsors, trainings, deals,
// partial and full refunds, payouts, custom terms, feature use) through the engine and check that
// the maths keeps its promises for THIS programme, under variations of its terms, and, when a
// baseline is given, that the change pays no partner less and costs at most the agreed share more.
//
// Configure with environment variables:
//   PARTNER_PROGRAMME           the programme under test (default: partner-programme.json)
//   PARTNER_PROGRAMME_BASELINE  the programme it replaces, e.g. main's copy (optional)
//   PARTNER_MAX_COST_RATIO      how much more the change may cost in all (default: 1.10, plus
//                               1.00 of room for entries rounded on their own in tiny streams)
//   PARTNER_PROPERTY_RUNS, PARTNER_PROPERTY_SEED   fast-check's runs (default 100) and seed (42)
import { readFileSync } from 'node:fs';
import { createEngine, loadProgram, type Program } from '@siso/partner-engine';
import { arbitraries, differential, invariants } from '@siso/partner-engine/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const PROGRAMME = process.env.PARTNER_PROGRAMME ?? 'partner-programme.json';
const BASELINE = process.env.PARTNER_PROGRAMME_BASELINE;
const MAX_COST_RATIO = process.env.PARTNER_MAX_COST_RATIO ?? '1.10';
const RUNS = {
  numRuns: Number(process.env.PARTNER_PROPERTY_RUNS ?? 100),
  seed: Number(process.env.PARTNER_PROPERTY_SEED ?? 42),
};

/** A programme file, loaded (an invalid one fails here, with every issue and its path). */
function programme(path: string): Program {
  return loadProgram(JSON.parse(readFileSync(path, 'utf8')));
}

const program = programme(PROGRAMME);
const engine = createEngine(program);
const streams = arbitraries.events(program, { partners: 6, months: 6 });

describe(`the programme ${program.id} ${program.version}`, () => {
  it('accepts every valid stream whole and keeps every invariant', () => {
    fc.assert(
      fc.property(streams, (events) => {
        const result = engine.replay(events);
        expect(result.rejected).toEqual([]);
        invariants.assert(engine, { events, result });
      }),
      RUNS,
    );
  });

  it('keeps every invariant under other rates, thresholds, levels and caps', () => {
    const variants = arbitraries
      .program({ base: program })
      .chain((variant) =>
        fc.tuple(fc.constant(variant), arbitraries.events(variant, { partners: 4, months: 4 })),
      );
    fc.assert(
      fc.property(variants, ([variant, events]) => {
        invariants.assert(createEngine(variant), { events });
      }),
      { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 4) },
    );
  });
});

describe.runIf(BASELINE !== undefined)('compared with the baseline', () => {
  const baseline = programme(BASELINE ?? PROGRAMME);

  it('pays no partner less on any stream', () => {
    fc.assert(differential.neverPaysLess(baseline, program, { partners: 6, months: 6 }), RUNS);
  });

  it(`costs at most ${MAX_COST_RATIO} times as much on any stream`, () => {
    fc.assert(
      differential.costsAtMost(
        baseline,
        program,
        { ratio: MAX_COST_RATIO, more: '1.00' },
        { partners: 6, months: 6 },
      ),
      RUNS,
    );
  });
});

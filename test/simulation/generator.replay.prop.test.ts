// For any small size, seed and start, the generated stream replays under the SISO programme
// with no rejection: in particular no payout above what is payable at that moment, however the
// deals, refunds and hold periods fall.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createEngine, sisoProgram } from '../../src/index.js';
import { generateEvents } from '../../src/simulation/generator.js';

const engine = createEngine(sisoProgram);

describe('generated streams', () => {
  it('replay with no rejection for any size, seed and start', () => {
    const options = fc.record({
      partners: fc.integer({ min: 1, max: 40 }),
      months: fc.integer({ min: 1, max: 8 }),
      seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      start: fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString()),
      refunds: fc.boolean(),
    });
    fc.assert(
      fc.property(options, (generate) => {
        const { rejected } = engine.replay(generateEvents(generate));
        if (rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(rejected[0])}`);
      }),
      { seed: 42, numRuns: 40 },
    );
  });
});

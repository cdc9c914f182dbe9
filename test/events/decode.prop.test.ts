// The hand-written decoder against the zod schema path it stands in for: on valid events and on
// every kind of mutation of them (missing, ill-typed and extra fields, dates of many wrong forms,
// amounts of every writing, odd meta, non-objects), the decoder accepts exactly what the schema
// path accepts, with an identical event, and refuses exactly what it refuses. And whatever
// parseEvent accepts, it accepts again as it normalised it. Seeded; EVENTS_RUNS and EVENTS_SEED
// override the run count and the seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEvent } from '../../src/events/decode.js';
import { parseEvent } from '../../src/events/parse.js';
import { parseBySchema } from '../../src/events/schema-parse.js';
import { anyInput, currencies } from '../support/event-inputs.js';

const RUNS = {
  seed: Number(process.env.EVENTS_SEED ?? 42),
  numRuns: Number(process.env.EVENTS_RUNS ?? 2000),
};

// --- Properties ----------------------------------------------------------------------------------

describe('decodeEvent against the zod schema path', () => {
  it('accepts exactly what the schema path accepts, with an identical event, and refuses the rest', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...currencies), (input, currency) => {
        const reference = parseBySchema(input, currency);
        const decoded = decodeEvent(input, currency);
        if (reference.ok) {
          seen.accepted += 1;
          expect(decoded).toStrictEqual(reference);
          if (decoded?.ok) expect(Object.keys(decoded.event)).toEqual(Object.keys(reference.event));
        } else {
          seen.refused += 1;
          expect(decoded).toBeUndefined();
        }
      }),
      RUNS,
    );
    // Both sides of the property were tried in earnest.
    expect(seen.accepted).toBeGreaterThan(RUNS.numRuns / 5);
    expect(seen.refused).toBeGreaterThan(RUNS.numRuns / 5);
  });

  it('leaves every refusal to the schema path: parseEvent explains it exactly as the schemas do', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...currencies), (input, currency) => {
        expect(parseEvent(input, { currency })).toStrictEqual(parseBySchema(input, currency));
      }),
      RUNS,
    );
  });

  it('accepts again every event it accepted, normalised as it is', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...currencies), (input, currency) => {
        const first = parseEvent(input, { currency });
        if (!first.ok) return;
        const again = parseEvent(JSON.parse(JSON.stringify(first.event)), { currency });
        expect(again).toEqual(first);
      }),
      RUNS,
    );
  });
});

// The reproducibility of a report made from an event file and programmes: the events normalised
// as the engine reads them (so `1500` and `"1500.00"`, or key order, hash alike; an event that
// cannot be read is hashed as it came), each programme's digest, the as-of time and the seed.
import { parseEvent } from '../events/parse.js';
import type { Program } from '../program/load.js';
import { eventsDigest, programDigest, type Reproducibility, reproducibilityLine } from './reproducibility.js';

export interface NamedProgram {
  /** What the report calls it: `programme`, `baseline`, `candidate 1`. */
  readonly name: string;
  readonly program: Program;
}

/** A reproducibility and its one-line form, as every report carries them. */
export type StampedReproducibility = Reproducibility & { readonly line: string };

/**
 * The reproducibility of a report over these inputs.
 *
 * @example
 * reproducibilityOf(events, [{ name: 'programme', program: sisoProgram }], '2025-10-01T00:00:00.000Z').line
 * //=> 'events sha256:… (20) · programme siso@2025.1 sha256:… · as of 2025-10-01T00:00:00.000Z'
 */
export function reproducibilityOf(
  events: readonly unknown[],
  programs: readonly NamedProgram[],
  asOf: string | null,
  seed?: number,
): StampedReproducibility {
  const currency = programs[0]?.program.currency;
  const options = currency ? { currency: { code: currency.code, decimals: currency.decimals } } : {};
  const normalised = events.map((event) => {
    const parsed = parseEvent(event, options);
    return parsed.ok ? parsed.event : event;
  });
  const reproducibility: Reproducibility = {
    events: eventsDigest(normalised),
    eventCount: events.length,
    programs: programs.map(({ name, program }) => programDigest(name, program)),
    asOf,
    ...(seed === undefined ? {} : { seed }),
  };
  return { ...reproducibility, line: reproducibilityLine(reproducibility) };
}

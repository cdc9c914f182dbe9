// The first kit's stream arbitrary, kept for hosts who call it: now the events arbitrary under
// SISO (or the programme given), with its old option names.
import type fc from 'fast-check';
import { type Program, sisoProgram } from '../../index.js';
import { events } from './events.js';

/** Options of `eventStream`, the first kit's names for the options of `events`. */
export interface EventStreamOptions {
  /** The programme the stream is for; default SISO. */
  readonly program?: Program;
  /** The most partners who join; default 5. */
  readonly partners?: number;
  /** The most deals; default 30. */
  readonly maxDeals?: number;
  /** The first event's time; default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** Days the deals spread over; default 365. */
  readonly days?: number;
}

/**
 * A valid event stream under SISO (or `options.program`): `events` with the first kit's options.
 *
 * @example
 * fc.sample(eventStream({ partners: 3 }), { numRuns: 1, seed: 1 })[0][0].type
 * //=> 'partner.joined'
 */
export function eventStream(options: EventStreamOptions = {}): fc.Arbitrary<Array<Record<string, unknown>>> {
  return events(options.program ?? sisoProgram, {
    partners: options.partners ?? 5,
    maxDeals: options.maxDeals ?? 30,
    months: Math.max(1, Math.round((options.days ?? 365) / 30)),
    ...(options.start === undefined ? {} : { start: options.start }),
  });
}

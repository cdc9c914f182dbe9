// The kit's arbitraries, one file each, gathered under one name: `arbitraries.program`,
// `arbitraries.events`, `arbitraries.teamGraph`, `arbitraries.money` (and the first kit's names).
import { eventStream } from './event-stream.js';
import { events } from './events.js';
import { amount, money, rate } from './money.js';
import { program, programVariant } from './program.js';
import { teamGraph } from './team-graph.js';

export { type EventStreamOptions, eventStream } from './event-stream.js';
export { type EventsOptions, events, trainingModules } from './events.js';
export { amount, type MoneyOptions, money, moneyText, rate } from './money.js';
export { type ProgramOptions, program, programVariant } from './program.js';
export { type TeamGraphOptions, teamGraph } from './team-graph.js';

/**
 * The kit's fast-check arbitraries under one name (`arbitraries.program`, `arbitraries.events`,
 * ...), the way a property reads best.
 *
 * @example
 * fc.assert(
 *   fc.property(arbitraries.events(sisoProgram), (events) => check(engine, { events }).length === 0),
 *   { seed: 42, numRuns: 20 },
 * );
 */
export const arbitraries = {
  /** Valid programmes varied from a base one (`program`). */
  program,
  /** Valid event streams for a programme (`events`). */
  events,
  /** Sponsor trees (`teamGraph`). */
  teamGraph,
  /** Amounts as money strings (`money`). */
  money,
  /** Rates as decimal strings (`rate`). */
  rate,
  /** Amounts as money strings, the first kit's name (`amount`). */
  amount,
  /** Event streams under SISO, the first kit's name (`eventStream`). */
  eventStream,
  /** Programmes with only their rates drawn, the first kit's name (`programVariant`). */
  programVariant,
} as const;

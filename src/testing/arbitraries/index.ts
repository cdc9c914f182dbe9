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

export const arbitraries = {
  program,
  events,
  teamGraph,
  money,
  rate,
  amount,
  eventStream,
  programVariant,
} as const;

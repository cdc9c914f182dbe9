// The messages between the simulation pool and its worker threads. A worker is started with the
// shared events; it then takes one task at a time (a programme document and the run's options),
// reports progress now and then, and answers with the run's outcome or the error it met.
import type { ProgramInput } from '../program/schema.js';
import type { SharedEventsData } from './ordered-events.js';
import type { ProgramRun, RunProgramOptions } from './run-program.js';

export interface WorkerData {
  readonly events: SharedEventsData;
}

export interface WorkerTask {
  readonly task: number;
  /** A programme document (plain JSON): the worker loads it again. */
  readonly program: ProgramInput;
  readonly options: RunProgramOptions;
}

export type WorkerReply =
  | { readonly task: number; readonly kind: 'progress'; readonly done: number }
  | { readonly task: number; readonly kind: 'done'; readonly run: ProgramRun }
  | { readonly task: number; readonly kind: 'failed'; readonly message: string };

/** Events between two progress messages. */
export const PROGRESS_EVERY = 20_000;

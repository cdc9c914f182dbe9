// The one error a simulation, a sweep or a guard throws for input it cannot use: a code, the path
// of the offending part (`candidates[1]`, `--guard[0]`, `sets[0].path`) and a message that says
// what to change. Thrown before any run starts, so nothing half-done is ever reported.

/**
 * Why a simulation, sweep or guard could not start: a bad guard, path, range, programme or
 * argument.
 */
export type SimulationErrorCode =
  | 'INVALID_GUARD'
  | 'INVALID_PATH'
  | 'INVALID_RANGE'
  | 'INVALID_PROGRAM'
  | 'INVALID_ARGUMENT';

/**
 * Thrown by `simulate`, `sweep`, `forecast` and the guard functions for input they cannot use,
 * before anything runs: a code, the path of the part at fault (`candidates[1]`, `guards[0]`) and a
 * message that says what to change.
 *
 * @example
 * try {
 *   parseGuard('cost <= lots');
 * } catch (error) {
 *   if (error instanceof SimulationError) error.code;
 *   //=> 'INVALID_GUARD'
 * }
 */
export class SimulationError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: SimulationErrorCode;
  /** The part of the input at fault, such as `candidates[1]` or `guards[0]`. */
  readonly path: string;

  constructor(code: SimulationErrorCode, path: string, message: string) {
    super(message);
    this.name = 'SimulationError';
    this.code = code;
    this.path = path;
  }
}

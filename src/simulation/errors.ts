// The one error a simulation, a sweep or a guard throws for input it cannot use: a code, the path
// of the offending part (`candidates[1]`, `--guard[0]`, `sets[0].path`) and a message that says
// what to change. Thrown before any run starts, so nothing half-done is ever reported.

export type SimulationErrorCode =
  | 'INVALID_GUARD'
  | 'INVALID_PATH'
  | 'INVALID_RANGE'
  | 'INVALID_PROGRAM'
  | 'INVALID_ARGUMENT';

export class SimulationError extends Error {
  readonly code: SimulationErrorCode;
  readonly path: string;

  constructor(code: SimulationErrorCode, path: string, message: string) {
    super(message);
    this.name = 'SimulationError';
    this.code = code;
    this.path = path;
  }
}

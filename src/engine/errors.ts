// Errors thrown by the engine's queries at the public boundary (a question that cannot be
// answered), as opposed to rejected events, which are values.

export type EngineErrorCode =
  | 'UNKNOWN_PARTNER'
  | 'UNKNOWN_FEATURE'
  | 'UNKNOWN_ENTRY'
  | 'INVALID_ARGUMENT'
  | 'INVALID_STATE'
  | 'STATE_PROGRAM_MISMATCH';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** Where in the input the problem is (`partners["12"].p1.balance.earned`), or "" for all of it. */
  readonly path: string;

  constructor(code: EngineErrorCode, message: string, path = '') {
    super(`${code}: ${message}`);
    this.name = 'EngineError';
    this.code = code;
    this.path = path;
  }
}

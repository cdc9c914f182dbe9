// Errors thrown by the engine's queries at the public boundary (a question that cannot be
// answered), as opposed to rejected events, which are values.

export type EngineErrorCode =
  | 'UNKNOWN_PARTNER'
  | 'UNKNOWN_FEATURE'
  | 'UNKNOWN_ENTRY'
  | 'INVALID_ARGUMENT'
  | 'INVALID_STATE';

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'EngineError';
    this.code = code;
  }
}

// Errors thrown by the engine's queries at the public boundary (a question that cannot be
// answered), as opposed to rejected events, which are values.

/**
 * Why an engine call could not be answered: an unknown partner, feature or ledger entry, an
 * unusable argument, or a state that is corrupt or from another programme.
 */
export type EngineErrorCode =
  | 'UNKNOWN_PARTNER'
  | 'UNKNOWN_FEATURE'
  | 'UNKNOWN_ENTRY'
  | 'INVALID_ARGUMENT'
  | 'INVALID_STATE'
  | 'STATE_PROGRAM_MISMATCH';

/**
 * Thrown by an engine's calls when the question cannot be answered (an unknown partner, a bad
 * argument, a corrupt state). Events never throw: a bad event is a rejection, a value.
 *
 * @example
 * try {
 *   engine.can(state, 'ana', 'no-such-feature');
 * } catch (error) {
 *   if (error instanceof EngineError) error.code;
 *   //=> 'UNKNOWN_FEATURE'
 * }
 */
export class EngineError extends Error {
  /** What went wrong, as a stable code. */
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

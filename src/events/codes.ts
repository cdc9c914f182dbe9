// Why an event was rejected: the contract's codes. A rejected event changes nothing.

/** Every code a rejected event can carry (docs/engine.md lists what each means and its `path`). */
export const REJECTION_CODES = [
  'INVALID_EVENT',
  'CONFLICTING_DUPLICATE',
  'UNKNOWN_PARTNER',
  'DUPLICATE_PARTNER',
  'DUPLICATE_DEAL',
  'UNKNOWN_DEAL',
  'REFUND_EXCEEDS_DEAL',
  'CURRENCY_MISMATCH',
  'NOT_ALLOWED',
  'PAYOUT_EXCEEDS_PAYABLE',
  'OUT_OF_ORDER',
  /** An amount that would take a state's money volume past MAX_VOLUME_MINOR. */
  'AMOUNT_OUT_OF_RANGE',
] as const;

/** Why an event was rejected: one of `REJECTION_CODES`. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A rejected event, as a value: the code, the field it is about, and a sentence. */
export interface EventError {
  /** Why the event was rejected. */
  readonly code: RejectionCode;
  /** The field at fault, as `amount` or `sponsorId`; empty for the event as a whole. */
  readonly path: string;
  /** What is wrong, in a sentence. */
  readonly message: string;
}

/**
 * Builds an EventError.
 *
 * @example
 * eventError('UNKNOWN_DEAL', 'dealId', 'deal "d9" was never closed')
 * //=> { code: 'UNKNOWN_DEAL', path: 'dealId', message: 'deal "d9" was never closed' }
 */
export function eventError(code: RejectionCode, path: string, message: string): EventError {
  return { code, path, message };
}

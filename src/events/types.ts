// The events of the contract as types, derived from the zod schemas (the one source of truth),
// with the fields parseEvent normalises given the text form it writes them in.
import type { z } from 'zod';
import type { EventError } from './codes.js';
import type { EventType, eventSchemas } from './schema.js';

/** The programme currency amounts are checked against. */
export interface EventCurrency {
  readonly code: string;
  readonly decimals: number;
}

export interface ParseEventOptions {
  /** Amounts may have at most this currency's places; USD (2 places) when left out. */
  readonly currency?: EventCurrency;
}

type Shape<T extends EventType> = z.output<(typeof eventSchemas)[T]>;
type Normalised<T> = Omit<T, 'amount' | 'rate' | 'baseRate' | 'overrideRate'> &
  (T extends { amount: unknown } ? { amount: string } : unknown) &
  (T extends { rate?: unknown } ? { rate?: string } : unknown) &
  (T extends { baseRate?: unknown } ? { baseRate?: string; overrideRate?: string } : unknown);

export type PartnerJoined = Normalised<Shape<'partner.joined'>>;
export type TrainingCompleted = Normalised<Shape<'training.completed'>>;
export type DealClosed = Normalised<Shape<'deal.closed'>>;
export type DealRefunded = Normalised<Shape<'deal.refunded'>>;
export type TermsSet = Normalised<Shape<'terms.set'>>;
export type PayoutPaid = Normalised<Shape<'payout.paid'>>;
export type FeatureUsed = Normalised<Shape<'feature.used'>>;

/** Every event of the contract, tagged by `type`. */
export type PartnerEvent =
  | PartnerJoined
  | TrainingCompleted
  | DealClosed
  | DealRefunded
  | TermsSet
  | PayoutPaid
  | FeatureUsed;

export type ParseEventResult =
  | { readonly ok: true; readonly event: PartnerEvent }
  | { readonly ok: false; readonly error: EventError };

/** The result for an event refused with INVALID_EVENT. */
export function invalidEvent(path: string, message: string): ParseEventResult {
  return { ok: false, error: { code: 'INVALID_EVENT', path, message } };
}

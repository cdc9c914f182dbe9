// The events of the contract as types, derived from the zod schemas (the one source of truth),
// with the fields parseEvent normalises given the text form it writes them in.
import type { z } from 'zod';
import type { EventError } from './codes.js';
import type { EventType, eventSchemas } from './schema.js';

/** The programme currency amounts are checked against. */
export interface EventCurrency {
  /** The ISO 4217 code, such as `USD`. */
  readonly code: string;
  /** Its minor-unit places: 2 for USD, 0 for JPY. */
  readonly decimals: number;
}

/** Options of `parseEvent`. */
export interface ParseEventOptions {
  /** Amounts may have at most this currency's places; USD (2 places) when left out. */
  readonly currency?: EventCurrency;
}

type Shape<T extends EventType> = z.output<(typeof eventSchemas)[T]>;
type Normalised<T> = Omit<T, 'amount' | 'rate' | 'baseRate' | 'overrideRate'> &
  (T extends { amount: unknown }
    ? {
        /** The amount, written with exactly the currency's places ("1500.50"). */
        amount: string;
      }
    : unknown) &
  (T extends { rate?: unknown }
    ? {
        /** A custom commission rate for this deal, in its canonical text ("0.25"). */
        rate?: string;
      }
    : unknown) &
  (T extends { baseRate?: unknown }
    ? {
        /** A commission rate on the partner's own deals instead of its tier's, in canonical text. */
        baseRate?: string;
        /** A rate for the partner's overrides instead of the programme's, in canonical text. */
        overrideRate?: string;
      }
    : unknown);

/**
 * A partner joined the programme, as `parseEvent` returns it.
 *
 * @interface
 */
export type PartnerJoined = Normalised<Shape<'partner.joined'>>;
/**
 * A partner completed a training module, as `parseEvent` returns it.
 *
 * @interface
 */
export type TrainingCompleted = Normalised<Shape<'training.completed'>>;
/**
 * A partner closed a deal, as `parseEvent` returns it: `at` in UTC with milliseconds, `amount`
 * with the currency's places.
 *
 * @interface
 */
export type DealClosed = Normalised<Shape<'deal.closed'>>;
/**
 * Part or all of a deal was refunded, as `parseEvent` returns it.
 *
 * @interface
 */
export type DealRefunded = Normalised<Shape<'deal.refunded'>>;
/**
 * Custom terms set for a partner, as `parseEvent` returns it.
 *
 * @interface
 */
export type TermsSet = Normalised<Shape<'terms.set'>>;
/**
 * The host paid a partner, as `parseEvent` returns it.
 *
 * @interface
 */
export type PayoutPaid = Normalised<Shape<'payout.paid'>>;
/**
 * A partner used a feature, as `parseEvent` returns it.
 *
 * @interface
 */
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

/** What `parseEvent` returns: the event normalised, or the reason it is refused, as a value. */
export type ParseEventResult =
  | {
      /** The event is well formed. */
      readonly ok: true;
      /** The event, normalised. */
      readonly event: PartnerEvent;
    }
  | {
      /** The event was refused. */
      readonly ok: false;
      /** Why: `INVALID_EVENT`, the field at fault and a message. */
      readonly error: EventError;
    };

/** The result for an event refused with INVALID_EVENT. */
export function invalidEvent(path: string, message: string): ParseEventResult {
  return { ok: false, error: { code: 'INVALID_EVENT', path, message } };
}

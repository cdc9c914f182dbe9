// parseEvent: untrusted JSON in, a typed event with normalised fields out (times in UTC ISO
// form, amounts and rates as canonical decimal strings), or an EventError saying what is wrong.
// A hand-written decoder takes the common case; the zod schemas explain every refusal. It never
// throws: an input whose getters or proxy traps throw is refused like any other.
import { MAX_AMOUNT_DIGITS } from '../money/parse.js';
import { decodeEvent } from './decode.js';
import { EVENT_TYPES, eventSchemas } from './schema.js';
import { parseBySchema } from './schema-parse.js';
import { type EventCurrency, invalidEvent, type ParseEventOptions, type ParseEventResult } from './types.js';

export { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from './instants.js';
export { MAX_META_DEPTH, MAX_META_VALUES } from './meta.js';
export { MAX_RATE_PLACES } from './normalise.js';
export type {
  DealClosed,
  DealRefunded,
  EventCurrency,
  FeatureUsed,
  ParseEventOptions,
  ParseEventResult,
  PartnerEvent,
  PartnerJoined,
  PayoutPaid,
  TermsSet,
  TrainingCompleted,
} from './types.js';

const USD: EventCurrency = { code: 'USD', decimals: 2 };

/**
 * Validates one event of the contract.
 *
 * @example
 * parseEvent({ id: 'e1', type: 'deal.closed', at: '2025-01-10T09:00:00+01:00', partnerId: 'p1',
 *              dealId: 'd1', amount: 1500.5, currency: 'USD' })
 * //=> { ok: true, event: { id: 'e1', type: 'deal.closed', at: '2025-01-10T08:00:00.000Z',
 * //     partnerId: 'p1', dealId: 'd1', amount: '1500.50', currency: 'USD' } }
 * parseEvent({ id: 'e2', type: 'deal.refunded', at: '2025-01-11T00:00:00Z', dealId: 'd1', amount: '-5' })
 * //=> { ok: false, error: { code: 'INVALID_EVENT', path: 'amount', message: '…' } }
 */
export function parseEvent(input: unknown, options: ParseEventOptions = {}): ParseEventResult {
  const currency = options.currency ?? USD;
  // A wrong option is the caller's bug, not a bad event: said at once, not refused as one.
  if (
    !Number.isInteger(currency.decimals) ||
    currency.decimals < 0 ||
    currency.decimals > MAX_AMOUNT_DIGITS
  ) {
    throw new RangeError(
      `currency.decimals must be a whole number from 0 to ${MAX_AMOUNT_DIGITS}, got ${currency.decimals}`,
    );
  }
  try {
    // The decoder takes the events it can vouch for; the schemas accept the rest or say why not.
    return decodeEvent(input, currency) ?? parseBySchema(input, currency);
  } catch {
    return unreadable(input);
  }
}

// Some getter or proxy trap of the input threw: name the field whose reading throws, if one does.
function unreadable(input: unknown): ParseEventResult {
  const field = throwingField(input);
  const what = field === '' ? 'the event' : field;
  return invalidEvent(field, `${what} could not be read: reading it threw an error`);
}

const FIELDS = [...new Set(EVENT_TYPES.flatMap((type) => Object.keys(eventSchemas[type].shape)))];

function throwingField(input: unknown): string {
  let keys: string[];
  try {
    keys = [...FIELDS, ...Reflect.ownKeys(input as object).filter((key) => typeof key === 'string')];
  } catch {
    return '';
  }
  return keys.find((key) => throwsWhenRead(input as Record<string, unknown>, key)) ?? '';
}

// Reads the field, and the fields of an object in it (meta's), to see whether that throws.
function throwsWhenRead(record: Record<string, unknown>, key: string): boolean {
  try {
    const value = record[key];
    if (value !== null && typeof value === 'object') {
      for (const inner of Object.keys(value)) (value as Record<string, unknown>)[inner];
    }
    return false;
  } catch {
    return true;
  }
}

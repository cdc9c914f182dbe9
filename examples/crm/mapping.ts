// What every CRM mapper returns, and what they share: reading untrusted JSON, exact amounts in a
// currency's places, instants, and the library's own check of the event built (parseEvent), so
// a mapped event is exactly what the engine accepts.
import {
  type DealClosed,
  type DealRefunded,
  EARLIEST_INSTANT_MS,
  formatMoney,
  LATEST_INSTANT_MS,
  parseAmount,
  parseEvent,
} from '@siso/partner-engine';
import { ISO_CURRENCY_DECIMALS } from './currencies.js';

/** Why a payload cannot become an event: `path` points into the payload (`properties.amount`). */
export interface MappingError {
  readonly code: 'UNMAPPABLE_PAYLOAD';
  readonly path: string;
  readonly message: string;
}

/**
 * What a mapper returns: the event; `ignored` for a payload that is not about a closed or refunded
 * deal (answer the CRM with a success and drop it); or an error for a payload about a deal that
 * cannot be mapped (log it, and fix the record or the mapping).
 */
export type Mapping<E> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly ignored: string }
  | { readonly ok: false; readonly error: MappingError };

export type DealEvent = DealClosed | DealRefunded;

/** A result that stops the mapping: an ignored payload or an error. */
export type Refusal = Extract<Mapping<never>, { ok: false }>;

export interface CurrencyOptions {
  /**
   * The currencies the host accepts, each with its ISO 4217 decimal places; the ISO table of
   * `currencies.ts` when left out. A deal in any other currency is refused.
   */
  readonly currencies?: Readonly<Record<string, number>>;
}

export interface Currency {
  readonly code: string;
  readonly decimals: number;
}

export function ignored(reason: string): Refusal {
  return { ok: false, ignored: reason };
}

export function unmappable(path: string, message: string): Refusal {
  return { ok: false, error: { code: 'UNMAPPABLE_PAYLOAD', path, message } };
}

export function isRefusal(value: unknown): value is Refusal {
  return isRecord(value) && value.ok === false;
}

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record's own field `key` (never one inherited, such as `constructor`), or undefined. */
export function field(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A field that is absent, null or an empty string: how the CRMs say "not set". */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A non-empty string field, or the refusal saying what is wrong with it. */
export function requiredText(value: unknown, path: string, what: string): string | Refusal {
  if (isUnset(value)) return unmappable(path, `${what} is missing`);
  if (typeof value !== 'string') return unmappable(path, `${what} must be a string, not ${typeName(value)}`);
  if (value.trim() === '') return unmappable(path, `${what} is blank`);
  return value;
}

/**
 * The currency a code names, from the host's table; `fallback` (the CRM account's own currency)
 * when the record has none.
 */
export function currencyOf(
  value: unknown,
  path: string,
  options: CurrencyOptions & { readonly fallback?: string | undefined },
): Currency | Refusal {
  const table = options.currencies ?? ISO_CURRENCY_DECIMALS;
  const code = isUnset(value) ? options.fallback : value;
  if (code === undefined) {
    return unmappable(path, 'the currency is missing, and no default currency for the account is configured');
  }
  if (typeof code !== 'string')
    return unmappable(path, `the currency must be a string, not ${typeName(code)}`);
  const decimals = Object.hasOwn(table, code) ? table[code] : undefined;
  if (decimals === undefined) {
    return unmappable(path, `the currency ${JSON.stringify(code)} is not one this host accepts`);
  }
  return { code, decimals };
}

/**
 * An amount written exactly with the currency's places: `"1500.5"` or `1500.5` become `"1500.50"`
 * for USD. A string is read digit by digit, never through a float; a number as JSON wrote it.
 * Refuses a missing, zero or negative amount and one with more places than the currency has.
 */
export function exactAmount(value: unknown, path: string, currency: Currency): string | Refusal {
  if (isUnset(value)) return unmappable(path, 'the amount is missing');
  const parsed = parseAmount(value, { decimals: currency.decimals, currency: currency.code });
  if (!parsed.ok) return unmappable(path, parsed.message);
  return formatMoney(parsed.value, currency.decimals);
}

/** An instant given as epoch milliseconds (HubSpot's `occurredAt`), as ISO-8601 in UTC. */
export function instantFromEpoch(value: unknown, path: string): string | Refusal {
  if (isUnset(value)) return unmappable(path, 'the time is missing');
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return unmappable(path, `the time must be whole epoch milliseconds, not ${describe(value)}`);
  }
  return inSupportedRange(value, path);
}

// Salesforce writes `2025-02-14T15:04:05.000Z` in change events and `…+0000` in REST answers.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 date-time with an offset (`+0000` or `+00:00`) or `Z`, as epoch milliseconds. */
export function epochOfDateTime(value: unknown, path: string): number | Refusal {
  if (isUnset(value)) return unmappable(path, 'the time is missing');
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  const offset = match?.[2] ?? '';
  const instant = match
    ? Date.parse(`${match[1]}${offset.length === 5 ? colonOffset(offset) : offset}`)
    : NaN;
  if (Number.isNaN(instant)) {
    return unmappable(path, `the time must be an ISO-8601 date-time with an offset, not ${describe(value)}`);
  }
  const checked = inSupportedRange(instant, path);
  return typeof checked === 'string' ? instant : checked;
}

function colonOffset(offset: string): string {
  return `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** An instant as ISO-8601 in UTC, if the engine accepts it (the years 2000 to 2099). */
export function inSupportedRange(instant: number, path: string): string | Refusal {
  if (instant < EARLIEST_INSTANT_MS || instant > LATEST_INSTANT_MS) {
    return unmappable(path, `the time ${instant} is outside the years 2000 to 2099 the engine accepts`);
  }
  return new Date(instant).toISOString();
}

/**
 * Checks the built event with the library's parseEvent and returns it as parseEvent normalises
 * it. `paths` says which payload field each event field came from, for the error's path.
 */
export function checkedEvent<E extends DealEvent>(
  event: E,
  currency: Currency,
  paths: Readonly<Partial<Record<string, string>>>,
): Mapping<E> {
  const parsed = parseEvent(event, { currency });
  if (parsed.ok) return { ok: true, event: parsed.event as E };
  return unmappable(paths[parsed.error.path] ?? '', parsed.error.message);
}

/**
 * Runs a mapper so that it never throws: a payload whose getters or proxy traps throw is refused
 * like any other unreadable payload.
 */
export function neverThrows<T>(map: () => T | Refusal): T | Refusal {
  try {
    return map();
  } catch {
    return unmappable('', 'the payload could not be read: reading one of its fields threw an error');
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value for a message: short JSON text for strings and numbers, its type otherwise. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeName(value);
}

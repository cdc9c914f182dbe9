// An event's content reduced to a short, stable string: two events with the same id are the same
// event exactly when their fingerprints match. Keys are sorted, so field order does not matter.
// Fingerprints are kept in saved states (the seen table), so their values never change: a parsed
// event's is the hash of the very text it always hashed, fed field by field instead of serialised.

import { type EventType, eventSchemas } from './schema.js';
import type { PartnerEvent } from './types.js';

/**
 * JSON with object keys sorted at every level: one text per value.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })
 * //=> '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/**
 * A 64-bit hash (two independent 32-bit lanes) of the event's canonical JSON, as 16 hex digits.
 *
 * @example
 * fingerprint({ b: 1, a: 2 }) === fingerprint({ a: 2, b: 1 })
 * //=> true
 */
export function fingerprint(value: unknown): string {
  startHash();
  feed(canonicalJson(value));
  return digest();
}

interface FieldText {
  readonly field: string;
  /** `"field":` as JSON writes it, with the comma before it when it is not the first. */
  readonly first: string;
  readonly later: string;
}

const fieldTexts = (fields: readonly string[]): readonly FieldText[] =>
  fields.map((field) => ({ field, first: `{"${field}":`, later: `,"${field}":` }));

const shapeFields = (type: EventType) => Object.keys(eventSchemas[type].shape);

// A parsed event's fields come in its schema's order, the order JSON.stringify wrote them in. With
// a host's `meta` the whole event was written with sorted keys, as fingerprint() writes any value.
const IN_ORDER = new Map(
  (Object.keys(eventSchemas) as EventType[]).map((type) => [type, fieldTexts(shapeFields(type))]),
);
const SORTED = new Map(
  (Object.keys(eventSchemas) as EventType[]).map((type) => [type, fieldTexts(shapeFields(type).sort())]),
);

/**
 * The fingerprint of a parsed event: the same value as hashing `JSON.stringify(event)` (or its
 * canonical JSON when it has `meta`), without building that text.
 *
 * @example
 * eventFingerprint({ id: 'e1', at: '2025-01-03T00:00:00.000Z', type: 'feature.used', partnerId: 'p1',
 *                    feature: 'dashboard' })
 * //=> 16 hex digits
 */
export function eventFingerprint(event: PartnerEvent): string {
  const record = event as unknown as Readonly<Record<string, unknown>>;
  const fields = (event.meta === undefined ? IN_ORDER : SORTED).get(event.type);
  if (fields === undefined) return fingerprint(event);
  startHash();
  let written = false;
  for (const { field, first, later } of fields) {
    const value = record[field];
    if (value === undefined) continue;
    feed(written ? later : first);
    written = true;
    if (typeof value === 'string') feedString(value);
    else feed(canonicalJson(value));
  }
  feed(written ? '}' : '{}');
  return digest();
}

const MULTIPLIER_ONE = 2654435761;
const MULTIPLIER_TWO = 1597334677;

// The hash's two lanes, module state so that hashing allocates nothing; every use starts afresh.
let laneOne = 0;
let laneTwo = 0;

function startHash(): void {
  laneOne = 0xdeadbeef;
  laneTwo = 0x41c6ce57;
}

function feed(text: string): void {
  let first = laneOne;
  let second = laneTwo;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, MULTIPLIER_ONE);
    second = Math.imul(second ^ code, MULTIPLIER_TWO);
  }
  laneOne = first;
  laneTwo = second;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A string as JSON writes it, quotes included. Most need no escape: they are hashed as they are,
 * in the same pass that looks for a quote, a backslash, a control character or a surrogate; one
 * that needs escaping is hashed again from where it began, as JSON.stringify writes it.
 */
function feedString(value: string): void {
  const startOne = laneOne;
  const startTwo = laneTwo;
  feed('"');
  let first = laneOne;
  let second = laneTwo;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === QUOTE || code === BACKSLASH || (code >= 0xd800 && code <= 0xdfff)) {
      laneOne = startOne;
      laneTwo = startTwo;
      feed(JSON.stringify(value));
      return;
    }
    first = Math.imul(first ^ code, MULTIPLIER_ONE);
    second = Math.imul(second ^ code, MULTIPLIER_TWO);
  }
  laneOne = first;
  laneTwo = second;
  feed('"');
}

function digest(): string {
  let first = laneOne;
  let second = laneTwo;
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return hexOf(first, second);
}

// The character codes of the hex digits 0-9a-f.
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

const nibble = (lane: number, shift: number) => HEX_CODES[(lane >>> shift) & 0xf] as number;

/**
 * Two 32-bit lanes as 16 hex digits (the same text as `toString(16).padStart(8, '0')` of each),
 * made in one call: a flat string of 16 characters, where joining pieces would keep a string
 * of pieces for as long as the seen table keeps the fingerprint (more than twice the memory).
 */
function hexOf(first: number, second: number): string {
  return String.fromCharCode(
    nibble(first, 28),
    nibble(first, 24),
    nibble(first, 20),
    nibble(first, 16),
    nibble(first, 12),
    nibble(first, 8),
    nibble(first, 4),
    nibble(first, 0),
    nibble(second, 28),
    nibble(second, 24),
    nibble(second, 20),
    nibble(second, 16),
    nibble(second, 12),
    nibble(second, 8),
    nibble(second, 4),
    nibble(second, 0),
  );
}

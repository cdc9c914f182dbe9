// An event's content reduced to a short, stable string: two events with the same id are the same
// event exactly when their fingerprints match. Keys are sorted, so field order does not matter.

/** JSON with object keys sorted at every level: one text per value. */
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
  return hashText(canonicalJson(value));
}

/**
 * The fingerprint of a parsed event. Its fields come out of the schema in one fixed order, so
 * plain JSON is already canonical, except for a host's free-form `meta`, whose keys are sorted.
 */
export function eventFingerprint(event: { readonly meta?: unknown }): string {
  return event.meta === undefined ? hashText(JSON.stringify(event)) : fingerprint(event);
}

function hashText(text: string): string {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

// A host's own `meta` on an event: kept out of every computation, but part of the event's content
// for idempotency, so the fingerprint reads all of it. It must therefore be plain JSON data within
// limits, read once while it is copied: a getter or a proxy is never touched again after parsing.

/** How deep `meta` may nest: its own fields are level 1, an object or array in one is level 2. */
export const MAX_META_DEPTH = 32;
/** How many values `meta` may hold in all, counting every field and array element at any depth. */
export const MAX_META_VALUES = 1000;

export type MetaResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly path: string; readonly message: string };

// One walk over meta: how many values it has read, and the first problem it met, if any.
interface Walk {
  values: number;
  problem: { readonly path: string; readonly message: string } | undefined;
}

const JSON_DATA = 'meta holds JSON data: objects, arrays, strings, finite numbers, booleans and null';

/**
 * A deep copy of `meta`'s fields as plain JSON data, or where it is not: too deep, too many values,
 * a value JSON has no text for, or a field that cannot be read. A field whose value is undefined is
 * left out, as JSON would.
 *
 * @example
 * copyMeta({ crm: 'acc-1', tags: ['vip'] })
 * //=> { ok: true, value: { crm: 'acc-1', tags: ['vip'] } }
 * copyMeta({ at: new Date() })
 * //=> { ok: false, path: 'meta.at', message: 'meta.at is a Date; meta holds JSON data: …' }
 */
export function copyMeta(record: Record<string, unknown>): MetaResult {
  const walk: Walk = { values: 0, problem: undefined };
  try {
    const value = copyObject(record, 'meta', 1, walk);
    return walk.problem === undefined ? { ok: true, value } : { ok: false, ...walk.problem };
  } catch {
    // A getter or a proxy trap of the host's threw: the value has no content to keep.
    return { ok: false, path: 'meta', message: 'meta could not be read: reading one of its values failed' };
  }
}

function copyObject(source: object, path: string, depth: number, walk: Walk): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const value = copyValue((source as Record<string, unknown>)[key], `${path}.${key}`, depth, walk);
    if (walk.problem !== undefined) return copy;
    if (value === undefined) continue;
    // A "__proto__" key in JSON is a field like any other; assigning it would set the prototype.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      copy[key] = value;
    }
  }
  return copy;
}

function copyArray(
  source: readonly unknown[],
  path: string,
  depth: number,
  walk: Walk,
): unknown[] | undefined {
  const copy: unknown[] = [];
  for (let index = 0; index < source.length; index++) {
    const value = copyValue(source[index], `${path}.${index}`, depth, walk);
    if (walk.problem !== undefined) return copy;
    if (value === undefined)
      return refuse(walk, `${path}.${index}`, `${path}.${index} is missing; ${JSON_DATA}`);
    copy.push(value);
  }
  return copy;
}

function copyValue(value: unknown, path: string, depth: number, walk: Walk): unknown {
  walk.values += 1;
  if (walk.values > MAX_META_VALUES)
    return refuse(walk, 'meta', `meta holds more than ${MAX_META_VALUES} values`);
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : refuse(walk, path, `${path} is ${value}; ${JSON_DATA}`);
  }
  if (typeof value !== 'object') return refuse(walk, path, `${path} is a ${typeof value}; ${JSON_DATA}`);
  if (depth >= MAX_META_DEPTH) {
    return refuse(walk, 'meta', `meta is nested more than ${MAX_META_DEPTH} levels deep`);
  }
  if (Array.isArray(value)) return copyArray(value, path, depth + 1, walk);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return refuse(walk, path, `${path} is ${kindOf(value)}; ${JSON_DATA}`);
  }
  return copyObject(value, path, depth + 1, walk);
}

function refuse(walk: Walk, path: string, message: string): undefined {
  walk.problem = { path, message };
  return undefined;
}

function kindOf(value: object): string {
  const name: unknown = value.constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'not a plain object';
}

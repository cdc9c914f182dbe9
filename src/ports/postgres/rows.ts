// Reading stored rows back: a count from a bigint column (a string from `pg`, a number from
// PGlite) and a JSON document from a text column. A row that does not read back, hand-edited or
// written by another application, is a CORRUPT_STORE error naming the table and the row.
import { StoreError } from '../errors.js';

/** The row's column, refused as corrupt when missing. */
export function column(row: Record<string, unknown>, name: string, path: string): unknown {
  if (!(name in row) || row[name] === null || row[name] === undefined) {
    throw new StoreError('CORRUPT_STORE', `the column ${name} is missing`, `${path}.${name}`);
  }
  return row[name];
}

/** A whole number of at least 0 as a bigint or integer column gives it. */
export function readCount(value: unknown, path: string): number {
  const count =
    typeof value === 'number' || typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new StoreError('CORRUPT_STORE', `expected a whole number, read ${String(value)}`, path);
  }
  return count;
}

/** The JSON document a text column holds. */
export function readJson(value: unknown, path: string): unknown {
  if (typeof value !== 'string') {
    throw new StoreError('CORRUPT_STORE', `expected JSON text, read a ${typeof value}`, path);
  }
  try {
    return JSON.parse(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('CORRUPT_STORE', `the stored text is not JSON (${reason})`, path);
  }
}

/** `value` as the JSON text to store, refused when it has none (undefined, a function, a BigInt). */
export function writeJson(value: unknown, path: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('INVALID_ARGUMENT', `cannot be stored as JSON (${reason})`, path);
  }
  if (text === undefined) throw new StoreError('INVALID_ARGUMENT', 'cannot be stored as JSON', path);
  return text;
}

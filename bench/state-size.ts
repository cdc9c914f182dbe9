// How big a state is as JSON, measured without building one string of all of it: the bucket
// tables (partners, seen event ids, deals) are stringified a bucket at a time and the rest of
// the state once, and the lengths add up to exactly Buffer.byteLength(JSON.stringify(state)).
import type { EngineState } from '../src/index.js';

export interface StateSize {
  readonly bytes: number;
  readonly partnersBytes: number;
  readonly seenBytes: number;
  readonly dealsBytes: number;
  readonly restBytes: number;
}

type BucketTable = Readonly<Record<string, unknown>>;

/** Bytes of JSON.stringify(table) for a table of buckets, one bucket stringified at a time. */
function tableBytes(table: BucketTable): number {
  const keys = Object.keys(table);
  let bytes = 2 + Math.max(0, keys.length - 1); // the braces and the commas between members
  for (const key of keys)
    bytes += Buffer.byteLength(`${JSON.stringify(key)}:`) + Buffer.byteLength(JSON.stringify(table[key]));
  return bytes;
}

/**
 * The JSON size of a state and of its parts, in UTF-8 bytes.
 *
 * @example
 * stateSize(engine.replay(events).state).bytes === Buffer.byteLength(JSON.stringify(state))
 * //=> true
 */
export function stateSize(state: EngineState): StateSize {
  const partnersBytes = tableBytes(state.partners);
  const seenBytes = tableBytes(state.seen);
  const dealsBytes = tableBytes(state.deals);
  // The rest with the three tables empty: each `{}` stands where its table goes.
  const rest = Buffer.byteLength(JSON.stringify({ ...state, partners: {}, seen: {}, deals: {} }));
  const restBytes = rest - 3 * 2;
  return {
    bytes: restBytes + partnersBytes + seenBytes + dealsBytes,
    partnersBytes,
    seenBytes,
    dealsBytes,
    restBytes,
  };
}

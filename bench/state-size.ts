// How big a state is as JSON, measured without building one string of all of it: the bucket
// trees (partners, seen event ids, deals) are stringified a slot of the root at a time and the rest of
// the state once, and the lengths add up to exactly Buffer.byteLength(JSON.stringify(state)).
import type { EngineState } from '../src/index.js';

export interface StateSize {
  readonly bytes: number;
  readonly partnersBytes: number;
  readonly seenBytes: number;
  readonly dealsBytes: number;
  readonly restBytes: number;
}

/** Bytes of JSON.stringify(root) for the root of a bucket tree, one slot stringified at a time. */
function treeBytes(root: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, root.length - 1); // the brackets and the commas between slots
  for (const slot of root) bytes += Buffer.byteLength(JSON.stringify(slot));
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
  const partnersBytes = treeBytes(state.partners);
  const seenBytes = treeBytes(state.seen);
  const dealsBytes = treeBytes(state.deals);
  // The rest with the three trees empty: each `[]` stands where its tree goes.
  const rest = Buffer.byteLength(JSON.stringify({ ...state, partners: [], seen: [], deals: [] }));
  const restBytes = rest - 3 * 2;
  return {
    bytes: restBytes + partnersBytes + seenBytes + dealsBytes,
    partnersBytes,
    seenBytes,
    dealsBytes,
    restBytes,
  };
}

// Where two runs of the same events part ways: the first ledger entry or effect that differs, or
// the first partner whose record differs, with both sides as evidence. The replay invariants
// report through it.
import {
  allPartners,
  canonicalJson,
  type Effect,
  type EngineState,
  type LedgerEntry,
  partnerOf,
} from '../../index.js';
import { entryEvidence } from './types.js';

export interface RunOutputs {
  readonly state: EngineState;
  readonly ledger: readonly LedgerEntry[];
  readonly effects: readonly Effect[];
}

export interface Difference {
  readonly message: string;
  readonly evidence: readonly unknown[];
}

function firstInList<T>(
  what: string,
  left: readonly T[],
  right: readonly T[],
  shown: (item: T) => unknown,
): Difference | null {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const a = left[index];
    const b = right[index];
    const sameItem =
      a !== undefined && b !== undefined && canonicalJson(shown(a)) === canonicalJson(shown(b));
    if (sameItem) continue;
    const side = (item: T | undefined) => (item === undefined ? `(no ${what} ${index})` : shown(item));
    return {
      message: `${what} ${index} differs (${left.length} vs ${right.length} in all)`,
      evidence: [side(a), side(b)],
    };
  }
  return null;
}

function firstPartner(left: EngineState, right: EngineState): Difference | null {
  const ids = new Set([...allPartners(left), ...allPartners(right)].map((partner) => partner.id));
  for (const id of [...ids].sort()) {
    const a = partnerOf(left, id) as unknown as Record<string, unknown> | undefined;
    const b = partnerOf(right, id) as unknown as Record<string, unknown> | undefined;
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
    if (!a || !b)
      return { message: `partner ${id} is in only one of the states`, evidence: [{ partnerId: id }] };
    const fields = Object.keys({ ...a, ...b }).filter(
      (key) => canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null),
    );
    const pick = (record: Record<string, unknown>) =>
      Object.fromEntries([['id', id], ...fields.map((key) => [key, record[key]])]);
    return { message: `partner ${id} differs in ${fields.join(', ')}`, evidence: [pick(a), pick(b)] };
  }
  return null;
}

/** The first difference between two runs, or null when they agree byte for byte. */
export function firstDifference(left: RunOutputs, right: RunOutputs): Difference | null {
  return (
    firstInList('ledger entry', left.ledger, right.ledger, entryEvidence) ??
    firstInList('effect', left.effects, right.effects, (effect) => effect) ??
    firstPartner(left.state, right.state) ??
    (canonicalJson(left.state) === canonicalJson(right.state)
      ? null
      : { message: 'the states differ outside the partners (deals, holds or seen events)', evidence: [] })
  );
}

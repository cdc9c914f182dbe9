import type { DealEntry, DealState } from '../engine/state.js';

// Ledger ids derived from the causing event's id (never from input position), so they stay the
// same when the input is reordered. Parts are escaped so that no two distinct entries can
// collide, whatever characters the host's ids contain.

function escapePart(part: string): string {
  if (!part.includes('%') && !part.includes(':')) return part;
  return part.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/**
 * An entry id: the event id, the kind, and what tells entries of one event apart.
 *
 * @example
 * ledgerId('e7', 'override', '1')
 * //=> 'e7:override:1'
 * ledgerId('crm:42', 'commission')
 * //=> 'crm%3A42:commission'
 */
export function ledgerId(eventId: string, kind: string, ...qualifiers: string[]): string {
  let id = `${escapePart(eventId)}:${escapePart(kind)}`;
  for (const qualifier of qualifiers) id += `:${escapePart(qualifier)}`;
  return id;
}

/**
 * The id of an entry that reverses or tops up another: the event, the kind, then the other
 * entry's id unchanged (it is the tail, so the whole stays unambiguous).
 *
 * @example
 * reversalId('r1', 'clawback', 'd2:commission')
 * //=> 'r1:clawback:d2:commission'
 */
export function reversalId(eventId: string, kind: string, entryId: string): string {
  return `${escapePart(eventId)}:${escapePart(kind)}:${entryId}`;
}

/**
 * The id of a ledger entry a deal remembers: the one it keeps when it has one, else the id made
 * from the deal's event, the entry's kind and its override level (how every entry the deal's own
 * event booked is named, so the state keeps no copy of it).
 *
 * @example
 * dealEntryId({ eventId: 'e7' }, { kind: 'override', level: 2 })
 * //=> 'e7:override:2'
 */
export function dealEntryId(
  deal: Pick<DealState, 'eventId'>,
  entry: Pick<DealEntry, 'id' | 'kind' | 'level'>,
): string {
  if (entry.id !== undefined) return entry.id;
  return entry.level === undefined
    ? ledgerId(deal.eventId, entry.kind)
    : ledgerId(deal.eventId, entry.kind, String(entry.level));
}

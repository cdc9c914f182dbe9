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
  return [eventId, kind, ...qualifiers].map(escapePart).join(':');
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

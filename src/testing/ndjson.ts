// Counterexamples as a host reads them: one event a line, the way `partner-engine run --events`
// takes them, so a failing case can be pasted into a file and replayed.

/**
 * Events as NDJSON, one line each, keys in the order they were written.
 *
 * @example
 * toNdjson([{ id: 'j0', type: 'partner.joined' }, { id: 'd0', type: 'deal.closed' }])
 * //=> '{"id":"j0","type":"partner.joined"}\n{"id":"d0","type":"deal.closed"}'
 */
export function toNdjson(events: readonly unknown[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n');
}

/**
 * NDJSON indented for an error message, with a count line above it.
 *
 * @example
 * indentedNdjson('events', [{ id: 'j0' }, { id: 'd0' }])
 * //=> 'events (2):\n  {"id":"j0"}\n  {"id":"d0"}'
 */
export function indentedNdjson(title: string, events: readonly unknown[], indent = '  '): string {
  if (events.length === 0) return `${title}: none`;
  const lines = toNdjson(events)
    .split('\n')
    .map((line) => `${indent}${line}`);
  return [`${title} (${events.length}):`, ...lines].join('\n');
}

// The events of a simulation, read once and shared by every run: each event checked and
// normalised (parseEvent, with the baseline's currency) so the engine takes its fast path, then
// put in time order (ties in input order, unreadable times first), as replay orders them. For
// worker threads the same events become NDJSON bytes in a SharedArrayBuffer, with their input
// positions and instants beside them: every worker reads the one copy, no event is cloned.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../events/fingerprint.js';
import { type EventCurrency, parseEvent } from '../events/parse.js';

/** Events in time order, however they are held. */
export interface OrderedEvents {
  readonly count: number;
  /**
   * Visits each event in time order: the input (normalised when it parsed), its 0-based position
   * in the caller's input, and its instant (-Infinity when its time cannot be read).
   */
  forEach(visit: (input: unknown, index: number, instant: number) => void): void;
}

/** The events as a worker receives them: shared memory only. */
export interface SharedEventsData {
  /** UTF-8 NDJSON, one event a line, in time order. */
  readonly text: SharedArrayBuffer;
  /** The input position of each line (Int32). */
  readonly indices: SharedArrayBuffer;
  /** The instant of each line (Float64). */
  readonly instants: SharedArrayBuffer;
}

export interface PreparedEvents extends OrderedEvents {
  /**
   * SHA-256 of the normalised events' canonical JSON, one a line, in replay order: the same for the
   * same events however events of distinct times were ordered in the input.
   */
  readonly digest: string;
}

/** The events put in shared memory for worker threads, with their digest. */
export interface SharedEvents {
  readonly count: number;
  readonly digest: string;
  readonly data: SharedEventsData;
}

/**
 * Parses, normalises and orders events once for any number of runs in this thread.
 *
 * @example
 * const prepared = prepareEvents(events, { code: 'USD', decimals: 2 });
 * prepared.forEach((event, index) => batch.apply(event, index));
 */
export function prepareEvents(events: readonly unknown[], currency: EventCurrency): PreparedEvents {
  const inputs = events.map((input) => normalised(input, currency));
  const instants = Float64Array.from(inputs, instantOf);
  const order = timeOrder(instants);
  const hash = createHash('sha256');
  for (const index of order) hash.update(canonicalLine(inputs[index]));
  return {
    count: inputs.length,
    digest: hash.digest('hex'),
    forEach: (visit) => {
      for (const index of order) visit(inputs[index], index, instants[index] as number);
    },
  };
}

/**
 * The same events as NDJSON lines in shared memory, in time order: each event is normalised,
 * hashed and written as a line at once, so no second copy of the events as objects is kept.
 *
 * @example
 * const shared = shareEvents(events, { code: 'USD', decimals: 2 });
 * new Worker(file, { workerData: { events: shared.data } });
 */
export function shareEvents(events: readonly unknown[], currency: EventCurrency): SharedEvents {
  const lines: string[] = [];
  const instants = new Float64Array(events.length);
  for (const [index, input] of events.entries()) {
    const event = normalised(input, currency);
    lines.push(canonicalLine(event));
    instants[index] = instantOf(event);
  }
  const order = timeOrder(instants);
  const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
  const text = new SharedArrayBuffer(bytes);
  const view = Buffer.from(text);
  const hash = createHash('sha256');
  let offset = 0;
  for (const index of order) {
    const line = lines[index] as string;
    hash.update(line);
    offset += view.write(line, offset);
  }
  const indices = new SharedArrayBuffer(order.length * Int32Array.BYTES_PER_ELEMENT);
  new Int32Array(indices).set(order);
  const orderedInstants = new SharedArrayBuffer(order.length * Float64Array.BYTES_PER_ELEMENT);
  new Float64Array(orderedInstants).set(Array.from(order, (index) => instants[index] as number));
  return {
    count: events.length,
    digest: hash.digest('hex'),
    data: { text, indices, instants: orderedInstants },
  };
}

function normalised(input: unknown, currency: EventCurrency): unknown {
  const parsed = parseEvent(input, { currency });
  return parsed.ok ? parsed.event : input;
}

/** Input positions sorted by instant, equal instants in input order. */
function timeOrder(instants: Float64Array): Int32Array {
  const order = Int32Array.from(instants.keys());
  // The index breaks ties, so the order is the same whether the sort is stable or not.
  return order.sort((a, b) => (instants[a] as number) - (instants[b] as number) || a - b);
}

function instantOf(input: unknown): number {
  const at = input !== null && typeof input === 'object' ? (input as { at?: unknown }).at : undefined;
  const instant = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

// The canonical form of an event (sorted keys: what the digest hashes, and JSON the engine reads
// as it read the original). An input that is not JSON data (a function, a cycle) is written as
// null: the engine rejects it there as it would have rejected it here, at its own position.
function canonicalLine(input: unknown): string {
  try {
    return `${canonicalJson(input)}\n`;
  } catch {
    return 'null\n';
  }
}

/**
 * The ordered events a worker reads from shared memory, one line decoded at a time.
 *
 * @example
 * sharedOrderedEvents(data).forEach((event, index) => batch.apply(event, index));
 */
export function sharedOrderedEvents(data: SharedEventsData): OrderedEvents {
  const text = Buffer.from(data.text);
  const indices = new Int32Array(data.indices);
  const instants = new Float64Array(data.instants);
  return {
    count: indices.length,
    forEach: (visit) => {
      let start = 0;
      for (let line = 0; line < indices.length; line++) {
        const end = text.indexOf(10, start);
        visit(
          JSON.parse(text.toString('utf8', start, end)),
          indices[line] as number,
          instants[line] as number,
        );
        start = end + 1;
      }
    },
  };
}

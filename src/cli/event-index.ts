// An NDJSON event file indexed instead of held: one pass notes each event's position in the file,
// its length and (unless the file is in time order) its time; then the replay reads each event
// again when its turn comes, so a run holds 12 to 24 bytes an event instead of the parsed events.
// Standard input, or any file that is not a regular one (a pipe), is copied to a temporary file
// first. A JSON array, and a short file that may be one pretty-printed event, are
// read whole as before (readEventsFrom): the index reads NDJSON, and only NDJSON.
import { closeSync, fstatSync } from 'node:fs';
import { instantOf } from '../engine/fold.js';
import { readChunksInPlace } from './descriptor.js';
import { notJsonMessage, type UnparsableLine } from './event-lines.js';
import { forEachLine, PositionalReader } from './file-lines.js';
import {
  CliError,
  type EventsFile,
  eventsFileName,
  ONE_EVENT_AT_MOST,
  openEvents,
  readEventsFrom,
  reasonOf,
  STANDARD_INPUT,
} from './io.js';
import { Spool } from './spool.js';

/** Bytes of the UTF-8 byte order mark, dropped at the start of a file as the text reader does. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const CARRIAGE_RETURN = 0x0d;
/** A text of more bytes than this has more than ONE_EVENT_AT_MOST characters (3 bytes at most each). */
const ONE_EVENT_AT_MOST_BYTES = 3 * ONE_EVENT_AT_MOST;

/**
 * The events of an NDJSON file, read back one at a time by their input index.
 *
 * @example
 * const indexed = openEventsFile('events.ndjson');   // an IndexedEvents for NDJSON
 * indexed.count
 * //=> 3
 * indexed.event(0)
 * //=> { id: 'e1', type: 'partner.joined', … }
 * indexed.close();
 */
export class IndexedEvents {
  private readonly reader: PositionalReader;
  private readonly unparsableIndexes: ReadonlySet<number>;

  constructor(
    private readonly source: IndexSource,
    private readonly starts: Float64Array,
    private readonly lengths: Uint32Array,
    /** Each event's time, for the sort; null when the file lists its events in time order already. */
    private readonly instants: Float64Array | null,
    readonly unparsable: readonly UnparsableLine[],
    /** The latest usable time of any event parsed (epoch ms), or -Infinity when none has one. */
    readonly latest: number = Number.NEGATIVE_INFINITY,
    /** Events before this index were indexed without being parsed (see openEventsFile). */
    private readonly parsedFrom: number = 0,
  ) {
    this.reader = new PositionalReader(source.descriptor);
    this.unparsableIndexes = new Set(unparsable.map((line) => line.index));
  }

  get count(): number {
    return this.starts.length;
  }

  /** Input indexes in the engine's replay order: by time, input order among equal times. */
  replayOrder(): Iterable<number> {
    // Events indexed unparsed have no time to sort by: only the events from parsedFrom on replay.
    if (this.parsedFrom > 0) throw new Error('an index with events left unparsed has no replay order');
    const { instants } = this;
    if (instants === null) return indexesUpTo(this.count);
    const order = new Uint32Array(this.count);
    for (let index = 0; index < order.length; index++) order[index] = index;
    // The engine's own rule (replayOrder in engine/fold.ts): an event without a usable time first.
    return order.sort((a, b) => (instants[a] as number) - (instants[b] as number) || a - b);
  }

  /**
   * The event at an input index, parsed again from the file; `null` for a line that is not JSON.
   *
   * @throws {CliError} exit 1 when the file no longer holds the line it was indexed with.
   */
  event(index: number): unknown {
    if (this.unparsableIndexes.has(index)) return null;
    const start = this.starts[index] as number;
    try {
      return JSON.parse(this.reader.bytes(start, this.lengths[index] as number).toString('utf8'));
    } catch (error) {
      throw new CliError(
        `${this.source.what} changed while it was read (event ${index} at byte ${start}): ${reasonOf(error)}`,
        1,
      );
    }
  }

  /**
   * The bytes of the line an event stands on, as the file holds them (without a byte order mark
   * or a carriage return), valid until the next call: what a saved run's digest of its events reads.
   */
  text(index: number): Buffer {
    return this.reader.bytes(this.starts[index] as number, this.lengths[index] as number);
  }

  close(): void {
    this.source.close();
  }
}

/** The descriptor an index reads, what to call it in a message, and how to let it go. */
interface IndexSource {
  readonly descriptor: number;
  readonly what: string;
  close(): void;
}

export interface OpenEventsOptions {
  /**
   * Index the NDJSON events before this index without parsing them (but the first, which tells
   * NDJSON from one pretty-printed event): a saved run covers them already, so only their text
   * is read, for its digest. Their times and unparsable lines are then not known, and the
   * index has no replay order of its own.
   */
  readonly parseFrom?: number;
}

/**
 * Opens an event file for a replay: NDJSON indexed (see IndexedEvents), a JSON array or one
 * pretty-printed event read whole, exactly as readEventsFile reads them.
 *
 * @throws {CliError} exit 2 when the file cannot be read, or a JSON array file is not valid JSON.
 * @example
 * openEventsFile('events.ndjson') instanceof IndexedEvents
 * //=> true
 */
export function openEventsFile(path: string, options: OpenEventsOptions = {}): IndexedEvents | EventsFile {
  const source = openSource(path);
  try {
    const indexed = indexSource(source, options.parseFrom ?? 0);
    if (indexed instanceof IndexedEvents) return indexed;
    source.close();
    return indexed;
  } catch (error) {
    source.close();
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${source.what}: ${reasonOf(error)}`);
  }
}

function openSource(path: string): IndexSource {
  const what = eventsFileName(path);
  const descriptor = openEvents(path, what);
  if (path !== STANDARD_INPUT && isRegularFile(descriptor))
    return { descriptor, what, close: () => closeSync(descriptor) };
  // A pipe cannot be read twice, nor by position: its bytes go to a temporary file instead.
  const spool = Spool.create('events');
  try {
    for (const bytes of readChunksInPlace(descriptor)) spool.writeBytes(bytes);
    return { descriptor: spool.readable(), what, close: () => spool.close() };
  } catch (error) {
    spool.close();
    throw new CliError(`cannot read ${what}: ${reasonOf(error)}`);
  } finally {
    if (path !== STANDARD_INPUT) closeSync(descriptor);
  }
}

function isRegularFile(descriptor: number): boolean {
  try {
    return fstatSync(descriptor).isFile();
  } catch {
    return false;
  }
}

/** The index of a source's lines, or its events read whole when it is not plain NDJSON. */
function indexSource(source: IndexSource, parseFrom: number): IndexedEvents | EventsFile {
  const builder = new IndexBuilder(parseFrom);
  forEachLine(source.descriptor, (bytes, start) => builder.line(bytes, start));
  // Only the text reader tells a JSON array, or one event over several lines, from NDJSON. A text
  // is one event only if its first line is not JSON by itself (a JSON value, then anything but
  // blanks, is not JSON), and only if it is short.
  const mayBeOneEvent =
    builder.unparsable[0]?.index === 0 && fstatSync(source.descriptor).size <= ONE_EVENT_AT_MOST_BYTES;
  if (builder.startsWithBracket || mayBeOneEvent) return readEventsFrom(source.descriptor, source.what, 0);
  return builder.build(source);
}

/** Reads each line as the text reader would (EventLines), keeping where it is instead of the event. */
class IndexBuilder {
  readonly unparsable: UnparsableLine[] = [];
  /** The first visible character is `[`: the text may be a JSON array, so the index stops. */
  startsWithBracket = false;
  private readonly starts = new GrowingArray(Float64Array);
  private readonly lengths = new GrowingArray(Uint32Array);
  private readonly instants = new GrowingArray(Float64Array);
  private lineNumber = 0;
  private inTimeOrder = true;
  private latest = Number.NEGATIVE_INFINITY;

  constructor(private readonly parseFrom: number) {}

  /** Takes one line (without its "\n") that starts at byte `start`; false once the index has stopped. */
  line(bytes: Buffer, start: number): boolean {
    this.lineNumber++;
    const skipped = start === 0 && bytes.subarray(0, BYTE_ORDER_MARK.length).equals(BYTE_ORDER_MARK) ? 3 : 0;
    const end =
      bytes.length > skipped && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
    const text = bytes.toString('utf8', skipped, end);
    if (text.trim() === '') return true;
    if (this.starts.length === 0 && /^\s*\[/.test(text)) {
      this.startsWithBracket = true;
      return false;
    }
    const index = this.starts.length;
    const instant = index === 0 || index >= this.parseFrom ? this.instantOf(text) : Number.NEGATIVE_INFINITY;
    this.starts.push(start + skipped);
    this.lengths.push(end - skipped);
    this.instants.push(instant);
    this.inTimeOrder &&= instant >= this.latest;
    this.latest = Math.max(this.latest, instant);
    return true;
  }

  build(source: IndexSource): IndexedEvents {
    return new IndexedEvents(
      source,
      this.starts.values(),
      this.lengths.values(),
      // A generated stream is in time order: its replay order is the file's, and needs no times.
      this.inTimeOrder ? null : this.instants.values(),
      this.unparsable,
      this.latest,
      Math.min(this.parseFrom, this.starts.length) > 1 ? this.parseFrom : 0,
    );
  }

  private instantOf(text: string): number {
    try {
      return instantOf(JSON.parse(text));
    } catch (error) {
      this.unparsable.push({ index: this.starts.length, message: notJsonMessage(this.lineNumber, error) });
      // A line that is not JSON is `null` to the engine, which has no time: it sorts first.
      return instantOf(null);
    }
  }
}

type TypedArray = Float64Array | Uint32Array;

/** A typed array that is pushed to, doubling as it fills; `values` is the filled part. */
class GrowingArray<T extends TypedArray> {
  private array: T;
  length = 0;

  constructor(private readonly make: new (length: number) => T) {
    this.array = new make(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const larger = new this.make(this.array.length * 2);
      larger.set(this.array);
      this.array = larger;
    }
    this.array[this.length++] = value;
  }

  /** The values pushed, in a copy of their own size (the spare room is let go). */
  values(): T {
    return this.array.slice(0, this.length) as T;
  }
}

function* indexesUpTo(count: number): Generator<number> {
  for (let index = 0; index < count; index++) yield index;
}

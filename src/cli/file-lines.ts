// The lines of a file as bytes with their positions, and those bytes read back later by position:
// how `run` indexes an event file in one pass and reads each event again when its turn comes,
// instead of holding a million parsed events. Lines are cut at the "\n" byte, which is never part
// of a multi-byte UTF-8 character, so the cut is the same as on the decoded text.
import { readSync } from 'node:fs';
import { readChunksInPlace } from './descriptor.js';

const NEWLINE = 0x0a;
/** A read going on from where the last one ended: large, so a file read in order costs few calls. */
const AHEAD_BYTES = 1024 * 1024;
/** A read elsewhere (an event out of time order): small, so jumping about copies little. */
const AROUND_BYTES = 4 * 1024;

/**
 * Calls `each` with every line of a descriptor from its start (the bytes without the "\n") and
 * the position of its first byte; stops early when `each` returns false.
 *
 * @example
 * // a file holding 'ab\n\ncd'
 * forEachLine(descriptor, (bytes, start) => console.log(String(bytes), start))
 * //=> logs 'ab' 0, '' 3, 'cd' 4
 */
export function forEachLine(descriptor: number, each: (bytes: Buffer, start: number) => boolean): void {
  let position = 0;
  let pending: Buffer[] = [];
  let pendingStart = 0;
  for (const chunk of readChunksInPlace(descriptor, 0)) {
    let from = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, newline);
      const whole = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      if (!each(whole, pending.length === 0 ? position + from : pendingStart)) return;
      pending = [];
      from = newline + 1;
    }
    if (from < chunk.length) {
      if (pending.length === 0) pendingStart = position + from;
      // A copy: the chunk's buffer is filled again with the next.
      pending.push(Buffer.from(chunk.subarray(from)));
    }
    position += chunk.length;
  }
  if (pending.length > 0) each(Buffer.concat(pending), pendingStart);
}

/**
 * Bytes of a descriptor read by position through one window: a read that goes on from the last
 * takes a large window ahead, one elsewhere a small one, so a file read mostly in order costs a
 * call per megabyte and one read out of order costs a few kilobytes.
 *
 * @example
 * const reader = new PositionalReader(descriptor);
 * String(reader.bytes(4, 2))
 * //=> 'cd'
 */
export class PositionalReader {
  private window = Buffer.allocUnsafe(AHEAD_BYTES);
  private windowStart = 0;
  private windowLength = 0;

  constructor(private readonly descriptor: number) {}

  /**
   * The `length` bytes at `start`, valid until the next call.
   *
   * @throws {RangeError} when the descriptor ends before them (the file shrank since it was indexed).
   */
  bytes(start: number, length: number): Buffer {
    const windowEnd = this.windowStart + this.windowLength;
    if (start < this.windowStart || start + length > windowEnd) {
      const goingOn = start >= windowEnd && start - windowEnd < AROUND_BYTES;
      this.fill(start, Math.max(length, goingOn ? AHEAD_BYTES : AROUND_BYTES), length);
    }
    const offset = start - this.windowStart;
    return this.window.subarray(offset, offset + length);
  }

  private fill(start: number, size: number, needed: number): void {
    if (size > this.window.length) this.window = Buffer.allocUnsafe(size);
    this.windowStart = start;
    this.windowLength = 0;
    while (this.windowLength < needed) {
      const count = readSync(
        this.descriptor,
        this.window,
        this.windowLength,
        size - this.windowLength,
        start + this.windowLength,
      );
      if (count === 0) throw new RangeError(`the file ended before byte ${start + needed}`);
      this.windowLength += count;
    }
  }
}

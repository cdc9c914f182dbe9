// Blocking reads and writes on a file descriptor, in chunks. Node makes a pipe on stdin or stdout
// non-blocking once process.stdin or process.stdout is touched, so a plain readSync or writeSync
// there can fail with EAGAIN; these wait for the other end instead, which is also the backpressure
// a long `run` needs while the engine's synchronous sinks are producing its output.
import type { Hash } from 'node:crypto';
import { readSync, writeSync } from 'node:fs';

/** How much is written at once: large enough to be fast, small enough to keep memory flat. */
export const CHUNK_BYTES = 64 * 1024;
/** How much is read at once: reading is cheap, and fewer, larger chunks split into lines faster. */
const READ_BYTES = 1024 * 1024;
/** How long to wait for a pipe's other end before trying again. */
const RETRY_MS = 2;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The bytes of a descriptor, chunk by chunk, until its end.
 *
 * @example
 * for (const bytes of readChunks(0)) total += bytes.length;   // all of standard input
 */
export function* readChunks(descriptor: number, position: number | null = null): Generator<Buffer> {
  // A copy: the caller may keep the chunk while the buffer is filled again.
  for (const bytes of readChunksInPlace(descriptor, position)) yield Buffer.from(bytes);
}

/**
 * The same chunks in one buffer filled again for each: a chunk is valid until the next is asked
 * for, so a caller that writes or splits each chunk at once allocates nothing per chunk.
 *
 * @example
 * for (const bytes of readChunksInPlace(spool, 0)) output.writeBytes(bytes);
 */
export function* readChunksInPlace(descriptor: number, position: number | null = null): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  let offset = position;
  for (;;) {
    const count = readOnce(descriptor, buffer, offset);
    if (count === 0) return;
    if (offset !== null) offset += count;
    yield buffer.subarray(0, count);
  }
}

function readOnce(descriptor: number, buffer: Buffer, position: number | null): number {
  for (;;) {
    try {
      return readSync(descriptor, buffer, 0, buffer.length, position);
    } catch (error) {
      const code = codeOf(error);
      // Windows reports the end of a pipe as an error.
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, RETRY_MS);
    }
  }
}

/**
 * Text written to a descriptor through one buffer of CHUNK_BYTES; `flush` writes what is left.
 * Each text is copied into the buffer at once rather than kept, so a long run's many small
 * strings die young. A write to a full pipe waits until the reader has taken some, so memory
 * stays flat however slow the reader is. A reader that has gone away surfaces as an EPIPE error.
 *
 * @example
 * const out = new DescriptorWriter(1);
 * out.write('{"asOf":null}\n');
 * out.flush();
 */
export class DescriptorWriter {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  /** `digest`, when given, is fed every byte written, in order. */
  constructor(
    readonly descriptor: number,
    private readonly digest?: Hash,
  ) {}

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8, so text this short always fits whole.
    if (text.length * 3 > CHUNK_BYTES - this.used) this.flush();
    if (text.length * 3 > CHUNK_BYTES) this.out(Buffer.from(text, 'utf8'));
    else this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Writes bytes as they are (after anything still buffered). */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.out(bytes);
  }

  flush(): void {
    if (this.used === 0) return;
    this.out(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private out(bytes: Uint8Array): void {
    this.digest?.update(bytes);
    writeFully(this.descriptor, bytes);
  }
}

function writeFully(descriptor: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(descriptor, bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
    } catch (error) {
      if (codeOf(error) !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, RETRY_MS);
    }
  }
}

/** The errno code of an error from node:fs, such as 'EAGAIN', or undefined. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

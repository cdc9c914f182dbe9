// Blocking reads on a file descriptor, in chunks. A pipe on stdin may be non-blocking (Node makes
// it so once process.stdin is touched, and a parent may hand one over), so a plain readSync there
// can fail with EAGAIN; this waits for the other end instead.
import { readSync } from 'node:fs';

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
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  let offset = position;
  for (;;) {
    const count = readOnce(descriptor, buffer, offset);
    if (count === 0) return;
    if (offset !== null) offset += count;
    // A copy: the caller may keep the chunk while the buffer is filled again.
    yield Buffer.from(buffer.subarray(0, count));
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

/** The errno code of an error from node:fs, such as 'EAGAIN', or undefined. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

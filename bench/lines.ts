// Reading an NDJSON event file the way every measurement here does: the same reader for the bare
// JSON.parse baseline and for the replays, so their ratio is the engine's cost and nothing else.
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read from the file at a time; a chunk holds some 30,000 lines of the generated streams. */
const CHUNK_BYTES = 4 << 20;

/**
 * Calls `each` with the non-blank lines of a file, a chunk at a time, without holding the file.
 *
 * @example
 * // events.ndjson: '{"a":1}\n\n{"a":2}\n'
 * forEachChunk('events.ndjson', (lines) => console.log(lines))
 * //=> logs ['{"a":1}', '{"a":2}']
 */
export function forEachChunk(file: string, each: (lines: readonly string[]) => void): void {
  const descriptor = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let rest = '';
  try {
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) {
      const text = rest + buffer.toString('utf8', 0, read);
      const end = text.lastIndexOf('\n');
      each(splitLines(text.slice(0, end + 1)));
      rest = text.slice(end + 1);
    }
    if (rest.trim() !== '') each([rest]);
  } finally {
    closeSync(descriptor);
  }
}

// indexOf, not split with a regular expression: linear, and blank lines dropped on the way.
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    if (newline > start) lines.push(text.slice(start, newline));
    start = newline + 1;
  }
  return lines;
}

// What the command line reads and writes: programme files, event files (NDJSON or a JSON array,
// from a file or standard input) and the output. Every problem with an input becomes a CliError
// with one clear line (or one line per programme issue) and the exit status the contract gives it.
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { formatPath, type Program, validateProgram } from '../index.js';
import { codeOf, DescriptorWriter, readChunks } from './descriptor.js';
import { EventLines, type EventsFile } from './event-lines.js';

export type { EventsFile, UnparsableLine } from './event-lines.js';

/** Above this size an event file cannot be one pretty-printed event, so its text is not kept for that. */
export const ONE_EVENT_AT_MOST = 1024 * 1024;

/** Exit 1: the run itself failed. Exit 2: unusable arguments or an invalid programme. */
export type ExitCode = 1 | 2;

/** A problem to show the user as it is (no stack trace), with the exit status it ends in. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * Reads and validates a programme document.
 *
 * @throws {CliError} exit 2 when the file is missing, is not JSON, or is not a valid programme
 *   (then with one `path: message` line per issue).
 * @example
 * readProgramFile('examples/programs/siso.json').tiers.length
 * //=> 4
 */
export function readProgramFile(path: string): Program {
  const document = readProgramDocument(path);
  const result = validateProgram(document);
  if (result.ok) return result.program;
  const count = result.issues.length === 1 ? '1 issue' : `${result.issues.length} issues`;
  const lines = result.issues.map(
    (issue) =>
      `${formatPath(issue.path)}: ${issue.message}${issue.suggestion === undefined ? '' : ` (${issue.suggestion})`}`,
  );
  throw new CliError([`programme file "${path}" is invalid (${count}):`, ...lines].join('\n'));
}

/**
 * Reads a programme file as JSON, without validating it.
 *
 * @throws {CliError} exit 2 when the file is missing or is not JSON.
 * @example
 * readProgramDocument('examples/programs/siso.json').id
 * //=> 'siso'
 */
export function readProgramDocument(path: string): unknown {
  return parseJson(readText(path, 'programme file'), path, 'programme file');
}

/** The --events value that means standard input. */
export const STANDARD_INPUT = '-';

/**
 * Reads an event file, or standard input for `-`: a JSON array, or NDJSON (one event a line,
 * blank lines ignored). A text is a JSON array when it parses as one; when it starts with `[` but
 * does not, it is NDJSON if its first line is JSON by itself (a line holding an array is then one
 * invalid event), else a broken JSON array. A line that is not JSON does not stop the run: it is
 * listed in `unparsable` and holds `null` in `events`, so the engine rejects it at its own position.
 * NDJSON is read in chunks, never as one string, so its size is not limited by the longest string.
 *
 * @throws {CliError} exit 2 when the file cannot be read, or a JSON array file is not valid JSON.
 * @example
 * // events.ndjson: '{"id":"e1",…}\n\nnot json\n{"id":"e2",…}\n'
 * readEventsFile('events.ndjson')
 * //=> { events: [{ id: 'e1', … }, null, { id: 'e2', … }],
 * //     unparsable: [{ index: 1, message: 'line 3 is not valid JSON: Unexpected token …' }] }
 */
export function readEventsFile(path: string): EventsFile {
  const what = eventsFileName(path);
  const descriptor = openEvents(path, what);
  try {
    return readEventsFrom(descriptor, what, null);
  } finally {
    if (path !== STANDARD_INPUT) closeSync(descriptor);
  }
}

/** What an events file is called in a message: `events file "…"`, or the standard input. */
export function eventsFileName(path: string): string {
  return path === STANDARD_INPUT ? 'the events on standard input' : `events file "${path}"`;
}

/**
 * The events of an open descriptor, read as readEventsFile reads them, from `position` (null:
 * where it stands, as a pipe must be read).
 *
 * @throws {CliError} exit 2 when it cannot be read, or a JSON array is not valid JSON.
 */
export function readEventsFrom(descriptor: number, what: string, position: number | null): EventsFile {
  try {
    return eventsOf(textChunks(descriptor, position), what);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${what}: ${reasonOf(error)}`);
  }
}

/**
 * Opens an events file for reading, or gives standard input's descriptor for `-`.
 *
 * @throws {CliError} exit 2 when the file cannot be opened.
 */
export function openEvents(path: string, what: string): number {
  if (path === STANDARD_INPUT) return 0;
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read ${what}: ${reasonOf(error)}`);
  }
}

/** The text of a descriptor in chunks, decoded as UTF-8 across chunk edges, without a byte order mark. */
function* textChunks(descriptor: number, position: number | null): Generator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for (const bytes of readChunks(descriptor, position)) {
    const text = decoder.write(bytes);
    yield first ? withoutByteOrderMark(text) : text;
    first = first && text === '';
  }
  yield decoder.end();
}

function eventsOf(chunks: Generator<string>, what: string): EventsFile {
  // The first visible character decides how to read the rest; only blank text comes before it.
  const head: string[] = [];
  let first: string | undefined;
  for (let next = chunks.next(); !next.done; next = chunks.next()) {
    head.push(next.value);
    first = firstVisibleCharacter(next.value);
    if (first !== undefined) break;
  }
  // The generator goes on from where the loop above stopped.
  if (first === '[') return arrayOrLines([...head, ...chunks].join(''), what);
  return linesOrOneEvent(head, chunks);
}

/** A text starting with `[`: a JSON array if it is one, else NDJSON if its first line is JSON. */
function arrayOrLines(text: string, what: string): EventsFile {
  let reason: string;
  try {
    const events: unknown = JSON.parse(text);
    if (Array.isArray(events)) return { events, unparsable: [] };
    reason = 'not a JSON array';
  } catch (error) {
    reason = reasonOf(error);
  }
  const lines = new EventLines();
  lines.push(text);
  const read = lines.end();
  if (read.events.length > 0 && read.unparsable[0]?.index !== 0) return read;
  throw new CliError(`${what} is not valid JSON: ${reason}`);
}

/** NDJSON, or one event pretty-printed over several lines (which is not NDJSON, but clearly one event). */
function linesOrOneEvent(head: readonly string[], rest: Iterable<string>): EventsFile {
  const lines = new EventLines();
  let kept: string[] = [];
  let keptLength = 0;
  for (const chunks of [head, rest]) {
    for (const text of chunks) {
      lines.push(text);
      keptLength += text.length;
      if (keptLength <= ONE_EVENT_AT_MOST) kept.push(text);
      else kept = [];
    }
  }
  const read = lines.end();
  if (read.unparsable.length > 0 && keptLength <= ONE_EVENT_AT_MOST) {
    const text = kept.join('');
    if (isOneJsonObject(text)) return { events: [JSON.parse(text)], unparsable: [] };
  }
  return read;
}

/**
 * Writes a command's output to a file, or to stdout when no file is given, ending in a newline.
 *
 * @throws {CliError} exit 2 when the file cannot be written.
 * @example
 * writeOutput('{"asOf":null}')
 * //=> undefined (prints {"asOf":null} and a newline)
 */
export function writeOutput(text: string, outFile?: string): void {
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  if (outFile === undefined) {
    process.stdout.write(ended);
    return;
  }
  try {
    writeFileSync(outFile, ended);
  } catch (error) {
    throw new CliError(`cannot write "${outFile}": ${reasonOf(error)}`);
  }
}

/** Where a command that writes as it goes sends its output: stdout, or a file it creates. */
export interface Output {
  /** Runs `write` with a writer to the output, then flushes and closes it. */
  use(write: (writer: DescriptorWriter) => void): void;
}

/**
 * Opens the output: the file when one is given (created now, so an unwritable path fails before
 * any work, and removed again if the command fails), else stdout.
 *
 * @throws {CliError} exit 2 when the file cannot be created.
 * @example
 * openOutput('report.json').use((writer) => writer.write('{}\n'))
 */
export function openOutput(outFile?: string): Output {
  if (outFile === undefined) return { use: (write) => writeAndFlush(new DescriptorWriter(1), write) };
  let descriptor: number;
  try {
    descriptor = openSync(outFile, 'w');
  } catch (error) {
    throw new CliError(`cannot write "${outFile}": ${reasonOf(error)}`);
  }
  return {
    use: (write) => {
      let written = false;
      try {
        writeAndFlush(new DescriptorWriter(descriptor), write);
        written = true;
      } finally {
        closeSync(descriptor);
        // Half a report would read as a whole one.
        if (!written) rmSync(outFile, { force: true });
      }
    },
  };
}

function writeAndFlush(writer: DescriptorWriter, write: (writer: DescriptorWriter) => void): void {
  write(writer);
  writer.flush();
}

function isOneJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A file's text without a leading byte order mark (editors on some systems write one). */
function readText(path: string, what: string): string {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new CliError(`cannot read ${what} "${path}": ${reasonOf(error)}`);
  }
}

function parseJson(text: string, path: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} "${path}" is not valid JSON: ${reasonOf(error)}`);
  }
}

function firstVisibleCharacter(text: string): string | undefined {
  for (const character of text) if (character.trim() !== '') return character;
  return undefined;
}

function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The reason in an error, on one line: "no such file or directory" rather than the whole errno text. */
export function reasonOf(error: unknown): string {
  const code = codeOf(error);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

// What the command line reads and writes: programme files, event files (NDJSON or a JSON array)
// and the output. Every problem with an input becomes a CliError with one clear line (or one line
// per programme issue) and the exit status the contract gives it.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatPath, type Program, validateProgram } from '../index.js';

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

/** An NDJSON line that is not JSON: its 0-based position among the non-blank lines, and why. */
export interface UnparsableLine {
  readonly index: number;
  readonly message: string;
}

export interface EventsFile {
  /** One input per event, in file order; an unparsable line holds `null` so positions stay right. */
  readonly events: unknown[];
  readonly unparsable: UnparsableLine[];
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
  const document = parseJson(readText(path, 'programme file'), path, 'programme file');
  const result = validateProgram(document);
  if (result.ok) return result.program;
  const count = result.issues.length === 1 ? '1 issue' : `${result.issues.length} issues`;
  const lines = result.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new CliError([`programme file "${path}" is invalid (${count}):`, ...lines].join('\n'));
}

/**
 * Reads an event file: a JSON array when its first non-space character is `[`, else NDJSON (one
 * event a line, blank lines ignored). A line that is not JSON does not stop the run: it is listed
 * in `unparsable` and holds `null` in `events`, so the engine rejects it at its own position.
 *
 * @throws {CliError} exit 2 when the file cannot be read, or a JSON array file is not valid JSON.
 * @example
 * // events.ndjson: '{"id":"e1",…}\n\nnot json\n{"id":"e2",…}\n'
 * readEventsFile('events.ndjson')
 * //=> { events: [{ id: 'e1', … }, null, { id: 'e2', … }],
 * //     unparsable: [{ index: 1, message: 'line 3 is not valid JSON: Unexpected token …' }] }
 */
export function readEventsFile(path: string): EventsFile {
  const text = withoutByteOrderMark(readText(path, 'events file'));
  if (firstVisibleCharacter(text) !== '[') {
    const lines = parseLines(text);
    // One event pretty-printed over several lines is not NDJSON, but it is clearly one event.
    if (lines.unparsable.length > 0 && isOneJsonObject(text))
      return { events: [JSON.parse(text)], unparsable: [] };
    return lines;
  }
  const events = parseJson(text, path, 'events file');
  if (!Array.isArray(events)) throw new CliError(`events file "${path}" is not a JSON array`);
  return { events, unparsable: [] };
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

function isOneJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
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

// Splits on "\n" with indexOf rather than a regular expression: linear on files of any size.
function parseLines(text: string): EventsFile {
  const events: unknown[] = [];
  const unparsable: UnparsableLine[] = [];
  let start = 0;
  for (let lineNumber = 1; start <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      unparsable.push({
        index: events.length,
        message: `line ${lineNumber} is not valid JSON: ${reasonOf(error)}`,
      });
      events.push(null);
    }
  }
  return { events, unparsable };
}

function firstVisibleCharacter(text: string): string | undefined {
  for (const character of text) if (character.trim() !== '') return character;
  return undefined;
}

function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The reason in an error, on one line: "no such file or directory" rather than the whole errno text. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

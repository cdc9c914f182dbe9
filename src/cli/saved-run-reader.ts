// Reading a saved run back (see saved-run.ts): the header first, to check the file is one and was
// made under the programme given before anything else is read; then the rest a line at a time,
// the ledger entries and effects handed to sinks as they come (and not even parsed when nobody
// wants them), the state's trees put back together and read by the engine, which checks it in full.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { FAN_OUT } from '../engine/state.js';
import {
  type Effect,
  type Engine,
  EngineError,
  type EngineState,
  type LedgerEntry,
  type Program,
  type Rejection,
  type Skip,
} from '../index.js';
import { programDigest } from '../reports/reproducibility.js';
import { forEachLine } from './file-lines.js';
import { CliError, reasonOf } from './io.js';
import { SAVED_RUN_FORMAT, type SavedRunHeader, STATE_TREES, savedRunHeaderSchema } from './saved-run.js';

/** Where a saved run's entries and effects go; an absent sink means they are skipped unread. */
export interface SavedRunSinks {
  readonly onEntry?: ((entry: LedgerEntry) => void) | undefined;
  readonly onEffect?: ((effect: Effect) => void) | undefined;
}

/** What a saved run gives back besides its entries and effects. */
export interface SavedOutcome {
  readonly state: EngineState;
  readonly rejected: readonly Rejection[];
  readonly skipped: readonly Skip[];
}

const ENTRY_LINE = Buffer.from('{"kind":"entry",');
const EFFECT_LINE = Buffer.from('{"kind":"effect",');
/** A bucket tree's root has one slot per FAN_OUT; a tree line names one of them. */
const ROOT_SLOTS = FAN_OUT;

/**
 * A saved run opened for reading: its header is read and checked, the rest is read by `load`.
 *
 * @example
 * const saved = SavedRun.open('state.jsonl', sisoProgram);
 * saved.header.events.count
 * //=> 1900
 * saved.load(engine, { onEntry: (entry) => ledger.push(entry) }).state.format
 * //=> 'partner-engine/state@5'
 * saved.close();
 */
export class SavedRun {
  private constructor(
    readonly path: string,
    private readonly descriptor: number,
    readonly header: SavedRunHeader,
  ) {}

  /**
   * @throws {CliError} exit 2 when the file cannot be read, is not a saved run, or was saved
   *   under another programme (or another version of it).
   */
  static open(path: string, program: Program): SavedRun {
    const descriptor = openFile(path);
    try {
      const header = readHeader(descriptor, path);
      mustBeUnder(header, program, path);
      return new SavedRun(path, descriptor, header);
    } catch (error) {
      closeSync(descriptor);
      throw error;
    }
  }

  /**
   * Reads the state, hands the entries and effects to the sinks in the order they happened, and
   * gives the state (read by the engine) with the rejected and skipped events.
   *
   * @throws {CliError} exit 2 when the file is corrupt or the engine refuses its state.
   */
  load(engine: Engine, sinks: SavedRunSinks): SavedOutcome {
    const body = new SavedRunBody(this.header, sinks, this.what());
    try {
      forEachLine(this.descriptor, (bytes) => body.line(bytes));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot read ${this.what()}: ${reasonOf(error)}`);
    }
    const outcome = body.end();
    try {
      return { ...outcome, state: engine.readState(outcome.state) };
    } catch (error) {
      if (error instanceof EngineError) throw new CliError(`${this.what()}: ${error.message}`);
      throw error;
    }
  }

  close(): void {
    closeSync(this.descriptor);
  }

  private what(): string {
    return `state file "${this.path}"`;
  }
}

function openFile(path: string): number {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read state file "${path}": ${reasonOf(error)}`);
  }
  // Opening a directory succeeds on Linux; reading it does not, with a less helpful message.
  if (fstatSync(descriptor).isDirectory()) {
    closeSync(descriptor);
    throw new CliError(`cannot read state file "${path}": it is a directory`);
  }
  return descriptor;
}

function readHeader(descriptor: number, path: string): SavedRunHeader {
  let first: string | null = null;
  forEachLine(descriptor, (bytes) => {
    first = bytes.toString('utf8');
    return false;
  });
  const notOne = (reason: string) =>
    new CliError(`state file "${path}" is not a saved run (${SAVED_RUN_FORMAT}): ${reason}`);
  if (first === null) throw notOne('it is empty');
  let document: unknown;
  try {
    document = JSON.parse(first);
  } catch (error) {
    throw notOne(`its first line is not JSON (${reasonOf(error)})`);
  }
  const format = (document as { format?: unknown } | null)?.format;
  if (format !== SAVED_RUN_FORMAT)
    throw notOne(`its format is ${typeof format === 'string' ? `"${format}"` : 'missing'}`);
  const parsed = savedRunHeaderSchema.safeParse(document);
  if (!parsed.success) throw notOne(`its header is corrupt (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

function mustBeUnder(header: SavedRunHeader, program: Program, path: string): void {
  const given = programDigest('programme', program);
  if (header.program.sha256 === given.sha256) return;
  const same = header.program.program === given.program ? ', with other terms' : '';
  throw new CliError(
    `state file "${path}" was saved under programme ${header.program.program}, not the one given (${given.program}${same}); replay without --state`,
  );
}

/** The lines after the header, taken one at a time and checked against the header's counts. */
class SavedRunBody {
  private readonly trees = new Map<string, unknown[]>(STATE_TREES.map((tree) => [tree, emptyRoot()]));
  private readonly rejected: Rejection[] = [];
  private readonly skipped: Skip[] = [];
  private lineNumber = 0;
  private ledger = 0;
  private effects = 0;
  private ended = false;
  private readonly digest = createHash('sha256');

  constructor(
    private readonly header: SavedRunHeader,
    private readonly sinks: SavedRunSinks,
    private readonly what: string,
  ) {}

  line(bytes: Buffer): boolean {
    this.lineNumber++;
    if (this.ended) {
      if (bytes.length === 0) return true;
      this.corrupt('there is more after its end line');
    }
    if (this.lineNumber > 1 && startsWith(bytes, END_LINE)) {
      this.finish(this.parse(bytes));
      return true;
    }
    this.digest.update(bytes);
    this.digest.update(NEWLINE);
    if (this.lineNumber === 1 || bytes.length === 0) return true;
    if (startsWith(bytes, ENTRY_LINE) && this.sinks.onEntry === undefined) this.ledger++;
    else if (startsWith(bytes, EFFECT_LINE) && this.sinks.onEffect === undefined) this.effects++;
    else this.record(this.parse(bytes));
    return true;
  }

  end(): { state: unknown; rejected: Rejection[]; skipped: Skip[] } {
    if (!this.ended) this.corrupt('it has no end line (it was cut short)');
    const { counts } = this.header;
    const found = { ledger: this.ledger, effects: this.effects, rejected: this.rejected.length };
    for (const [name, count] of Object.entries(found))
      if (count !== counts[name as keyof typeof counts])
        this.corrupt(
          `its header counts ${counts[name as keyof typeof counts]} ${name}, the file holds ${count}`,
        );
    if (this.skipped.length !== counts.skipped)
      this.corrupt(`its header counts ${counts.skipped} skipped, the file holds ${this.skipped.length}`);
    const state: Record<string, unknown> = { ...this.header.state };
    for (const [tree, root] of this.trees) state[tree] = root;
    return { state, rejected: this.rejected, skipped: this.skipped };
  }

  private parse(bytes: Buffer): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(bytes.toString('utf8'));
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // Reported below, with the line.
    }
    return this.corrupt(`line ${this.lineNumber} is not a JSON object`);
  }

  private record(record: Record<string, unknown>): void {
    switch (record.kind) {
      case 'tree':
        this.tree(record);
        break;
      case 'entry':
        this.ledger++;
        this.sinks.onEntry?.(record.entry as LedgerEntry);
        break;
      case 'effect':
        this.effects++;
        this.sinks.onEffect?.(record.effect as Effect);
        break;
      case 'rejected':
        this.rejected.push(record.rejected as Rejection);
        break;
      case 'skipped':
        this.skipped.push(record.skipped as Skip);
        break;
      case 'end':
        this.finish(record);
        break;
      default:
        this.corrupt(`line ${this.lineNumber} has an unknown kind`);
    }
  }

  /** The end line: the digest of every line before it must be the one written there. */
  private finish(record: Record<string, unknown>): void {
    if (record.sha256 !== this.digest.digest('hex'))
      this.corrupt(
        'its lines do not match the checksum written at its end (it was changed after it was saved)',
      );
    this.ended = true;
  }

  private tree(record: Record<string, unknown>): void {
    const root = typeof record.tree === 'string' ? this.trees.get(record.tree) : undefined;
    const { slot } = record;
    if (
      root === undefined ||
      typeof slot !== 'number' ||
      !Number.isInteger(slot) ||
      slot < 0 ||
      slot >= ROOT_SLOTS
    )
      this.corrupt(`line ${this.lineNumber} is not a slot of the state's trees`);
    root[slot] = record.node ?? null;
  }

  private corrupt(reason: string): never {
    throw new CliError(`${this.what} is corrupt: ${reason}`);
  }
}

function emptyRoot(): unknown[] {
  return new Array<unknown>(ROOT_SLOTS).fill(null);
}

const END_LINE = Buffer.from('{"kind":"end"');
const NEWLINE = Buffer.from('\n');

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

// A saved run: what `run --save-state FILE` keeps so that later commands answer without replaying
// the events again. It is JSON lines, one value a line, so a state of a million events (hundreds
// of megabytes) is written and read a piece at a time, never as one string: first the header
// (the format, the programme's digest, the events it covers, the as-of time, the counts and the
// engine state without its three bucket trees), then each tree a root slot a line, the ledger
// entries and effects in the order they happened, the rejected and skipped events, and an end line
// with the SHA-256 of every line before it.
import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { Effect, EngineState, LedgerEntry, Rejection, Skip } from '../index.js';
import type { ProgramDigest } from '../reports/reproducibility.js';
import { recordLine } from '../reports/run-records.js';
import { DescriptorWriter } from './descriptor.js';
import { CliError, reasonOf } from './io.js';
import { Spool } from './spool.js';

export const SAVED_RUN_FORMAT = 'partner-engine/saved-run@1';

/** The state's bucket trees, written a root slot a line; the rest of the state is in the header. */
export const STATE_TREES = ['seen', 'partners', 'deals'] as const;
export type StateTree = (typeof STATE_TREES)[number];

/** The events a saved run covers: how many, a SHA-256 of their text, the latest time among them. */
export interface EventsCovered {
  readonly count: number;
  /** SHA-256 of each event's text (its NDJSON line, or an array element's JSON) and a newline. */
  readonly sha256: string;
  /** The latest usable `at` of any event covered (ISO-8601), or null when none has one. */
  readonly latest: string | null;
}

const digestSchema = z.object({ name: z.string(), program: z.string(), sha256: z.string() });
const countsSchema = z.object({
  ledger: z.number().int().nonnegative(),
  effects: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});

/** The first line of a saved run. */
export const savedRunHeaderSchema = z.object({
  format: z.literal(SAVED_RUN_FORMAT),
  program: digestSchema,
  events: z.object({
    count: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    latest: z.string().nullable(),
  }),
  /** The --at the run was replayed with, or null for the default (its last accepted event). */
  at: z.string().nullable(),
  asOf: z.string().nullable(),
  counts: countsSchema,
  /** The engine state with each of STATE_TREES null (their slots follow the header). */
  state: z.record(z.string(), z.unknown()),
});

export type SavedRunHeader = z.infer<typeof savedRunHeaderSchema>;

/** What a saved run holds besides the happenings the recorder took in as they came. */
export interface SavedRunContent {
  readonly program: ProgramDigest;
  readonly events: EventsCovered;
  readonly at: string | null;
  readonly asOf: string | null;
  readonly state: EngineState;
  readonly rejected: readonly Rejection[];
  readonly skipped: readonly Skip[];
}

/**
 * Takes a run's ledger entries and effects as they happen (onto a temporary file, as finished
 * lines) and then writes the saved run. The file is written beside its final name and renamed
 * into place, so a failed run leaves an earlier saved run as it was and never half a new one.
 *
 * @example
 * const recorder = SavedRunRecorder.create('state.jsonl');
 * engine.replay(events, { onEntry: (entry) => recorder.entry(entry), onEffect: (effect) => recorder.effect(effect) });
 * recorder.save({ program, events: covered, at: null, asOf, state, rejected, skipped });
 * recorder.close();
 */
export class SavedRunRecorder {
  private readonly happenings = Spool.create('saved-run');
  private ledger = 0;
  private effects = 0;

  private constructor(
    private readonly path: string,
    private readonly partial: string,
    private descriptor: number | null,
  ) {}

  /**
   * A recorder for `path`, checked before any replay: a directory, or a folder that does not
   * exist or cannot be written, fails now rather than after the work.
   *
   * @throws {CliError} exit 2 when the file cannot be written there.
   */
  static create(path: string): SavedRunRecorder {
    if (isDirectory(path)) throw new CliError(`cannot write --save-state "${path}": it is a directory`);
    // "-" is standard input for --events; a saved run is a file read back later, never a stream.
    if (path === '-')
      throw new CliError('--save-state needs a file name; "-" (standard output) cannot be read back');
    const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
    try {
      return new SavedRunRecorder(path, partial, openSync(partial, 'w', 0o644));
    } catch (error) {
      throw new CliError(`cannot write --save-state "${path}": ${reasonOf(error)}`);
    }
  }

  entry(entry: LedgerEntry): void {
    this.happenings.write(recordLine({ kind: 'entry', entry }));
    this.ledger++;
  }

  effect(effect: Effect): void {
    this.happenings.write(recordLine({ kind: 'effect', effect }));
    this.effects++;
  }

  /** Writes the saved run and puts it in place. */
  save(content: SavedRunContent): void {
    const descriptor = this.descriptor;
    if (descriptor === null) throw new Error('a saved run is written once');
    // Every byte before the end line is digested: a saved run changed afterwards is refused.
    const digest = createHash('sha256');
    const writer = new DescriptorWriter(descriptor, digest);
    writer.write(`${JSON.stringify(this.header(content))}\n`);
    for (const tree of STATE_TREES) writeTree(writer, tree, content.state[tree]);
    this.happenings.copyTo(writer);
    for (const rejected of content.rejected) writer.write(recordLine({ kind: 'rejected', rejected }));
    for (const skipped of content.skipped) writer.write(recordLine({ kind: 'skipped', skipped }));
    writer.flush();
    // The end line itself is not digested: it holds the digest.
    const end = new DescriptorWriter(descriptor);
    end.write(`{"kind":"end","sha256":"${digest.digest('hex')}"}\n`);
    end.flush();
    closeSync(descriptor);
    this.descriptor = null;
    renameSync(this.partial, this.path);
  }

  /** Lets the temporary files go (the partial file too, when the run did not get as far as saving). */
  close(): void {
    this.happenings.close();
    if (this.descriptor !== null) {
      closeSync(this.descriptor);
      this.descriptor = null;
      rmSync(this.partial, { force: true });
    }
  }

  private header(content: SavedRunContent): SavedRunHeader {
    const { state } = content;
    return {
      format: SAVED_RUN_FORMAT,
      program: content.program,
      events: content.events,
      at: content.at,
      asOf: content.asOf,
      counts: {
        ledger: this.ledger,
        effects: this.effects,
        rejected: content.rejected.length,
        skipped: content.skipped.length,
      },
      // The trees keep their places in the state's key order, so a state read back is laid out alike.
      state: { ...state, seen: null, partners: null, deals: null },
    };
  }
}

/** One line per root slot that holds anything: `{"kind":"tree","tree":"partners","slot":3,"node":[…]}`. */
function writeTree(writer: DescriptorWriter, tree: StateTree, root: readonly unknown[]): void {
  root.forEach((node, slot) => {
    if (node !== null) writer.write(`${JSON.stringify({ kind: 'tree', tree, slot, node })}\n`);
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

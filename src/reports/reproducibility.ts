// The reproducibility line every report carries: a SHA-256 of the events in their canonical form
// (each event's JSON with sorted keys, one a line; a simulation hashes them normalised and in
// replay order, so the input's order of events at distinct times does not change it), of each
// programme document, the as-of time and the seed when there is one. Two people holding reports
// with the same line looked at the same inputs, whatever the files' formatting or key order.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../events/fingerprint.js';

/**
 * One programme a report was made with: its name in the report, its id and version, and a SHA-256
 * of its document.
 */
export interface ProgramDigest {
  /** What the report calls the programme: `baseline`, `candidate 1`, a file name. */
  readonly name: string;
  /** The programme's own id and version, as `siso@2025.1`. */
  readonly program: string;
  /** SHA-256 of the programme document's canonical JSON, 64 hex digits. */
  readonly sha256: string;
}

/**
 * What a report was made of: digests of the events and of each programme, the as-of time and the
 * seed. Two reports with the same reproducibility line looked at the same inputs, whatever the
 * files' formatting or key order.
 */
export interface Reproducibility {
  /** SHA-256 of the events' canonical form, 64 hex digits. */
  readonly events: string;
  /** How many events. */
  readonly eventCount: number;
  /** Each programme, in the report's order. */
  readonly programs: readonly ProgramDigest[];
  /** The instant the runs went up to (the baseline's as-of time), or null without one. */
  readonly asOf: string | null;
  /** The random seed of a generated or forecast run. */
  readonly seed?: number;
}

/** How many hex digits of each hash the one-line form shows (64 bits: enough to tell runs apart). */
const SHOWN_DIGITS = 16;

/**
 * SHA-256 of events in their canonical form: each event's canonical JSON and a newline, in order.
 * Feed it normalised events (parseEvent's) so that `1500` and `"1500.00"` hash alike.
 *
 * @example
 * eventsDigest([{ b: 1, a: 2 }]) === eventsDigest([{ a: 2, b: 1 }])
 * //=> true
 */
export function eventsDigest(events: Iterable<unknown>): string {
  const hash = createHash('sha256');
  for (const event of events) hash.update(`${canonicalJson(event)}\n`);
  return hash.digest('hex');
}

/**
 * A programme's digest: its id and version, and SHA-256 of its canonical JSON.
 *
 * @example
 * programDigest('baseline', sisoProgram).program
 * //=> 'siso@2025.1'
 */
export function programDigest(
  name: string,
  program: { readonly id: string; readonly version: string },
): ProgramDigest {
  const sha256 = createHash('sha256').update(canonicalJson(program)).digest('hex');
  return { name, program: `${program.id}@${program.version}`, sha256 };
}

/**
 * The one-line form, for the top of a table, a CSV comment, a Markdown or HTML report.
 *
 * @example
 * reproducibilityLine({ events: 'ab12…', eventCount: 40, programs: [baseline], asOf: '2025-12-31T00:00:00.000Z' })
 * //=> 'events sha256:ab12… (40) · baseline siso@2025.1 sha256:9f0c… · as of 2025-12-31T00:00:00.000Z'
 */
export function reproducibilityLine(reproducibility: Reproducibility): string {
  const parts = [
    `events sha256:${reproducibility.events.slice(0, SHOWN_DIGITS)} (${reproducibility.eventCount})`,
    ...reproducibility.programs.map(
      (each) => `${each.name} ${each.program} sha256:${each.sha256.slice(0, SHOWN_DIGITS)}`,
    ),
    `as of ${reproducibility.asOf ?? 'no events'}`,
  ];
  if (reproducibility.seed !== undefined) parts.push(`seed ${reproducibility.seed}`);
  return parts.join(' · ');
}

// Rejected events are never silent: a command that replays events and has some rejected says so
// in one line on stderr, and with --strict ends with exit 1 (after writing its output in full),
// so a script or a CI job can tell a clean stream from one that lost events.
import type { Command } from 'commander';
import type { Rejection } from '../index.js';
import { CliError } from './io.js';
import { printable } from './text-table.js';

const COUNT = new Intl.NumberFormat('en-US');

/** Where a command's user finds the rejected events listed. */
export const LISTED_IN_OUTPUT = 'see "rejected" in the output';
export const LISTED_BY_RUN = '"partner-engine run --format json" lists them';

/** The --strict option of a command that replays events. */
export function withStrictOption(command: Command): Command {
  return command.option(
    '--strict',
    'exit 1 when any event was rejected (the output is still written in full)',
  );
}

/**
 * The line that says how many events were rejected, or null when none was.
 *
 * @example
 * rejectionLine([{ eventId: 'e9', index: 8, code: 'UNKNOWN_PARTNER', path: 'partnerId', message: '…' }], 6840, LISTED_IN_OUTPUT)
 * //=> '1 of 6,840 events rejected (first: e9 at index 8, UNKNOWN_PARTNER); see "rejected" in the output'
 */
export function rejectionLine(
  rejected: readonly Rejection[],
  eventCount: number,
  listed: string,
): string | null {
  const first = rejected[0];
  if (first === undefined) return null;
  const which = first.eventId === null ? `index ${first.index}` : `${first.eventId} at index ${first.index}`;
  const events = `${COUNT.format(eventCount)} ${eventCount === 1 ? 'event' : 'events'}`;
  return printable(
    `${COUNT.format(rejected.length)} of ${events} rejected (first: ${which}, ${first.code}); ${listed}`,
  );
}

/**
 * Writes the rejection line on stderr, once the output is written; with `strict`, ends the
 * command with exit 1 and the same line instead.
 *
 * @throws {CliError} exit 1 when `strict` and an event was rejected.
 */
export function reportRejections(
  rejected: readonly Rejection[],
  eventCount: number,
  listed: string,
  strict: boolean | undefined,
): void {
  const line = rejectionLine(rejected, eventCount, listed);
  if (line === null) return;
  if (strict) throw new CliError(line, 1);
  process.stderr.write(`partner-engine: ${line}\n`);
}

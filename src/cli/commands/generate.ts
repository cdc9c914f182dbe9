// `partner-engine generate`: a seeded synthetic event stream for the SISO programme as NDJSON, to a
// file or stdout, for trying the engine, simulations and benchmarks without real data. The
// generator lives in the library; this file only reads the arguments and writes the lines.

import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { isSupportedInstant, SUPPORTED_RANGE } from '../../events/instants.js';
import { type GenerateOptions, generateEvents } from '../../simulation/generator.js';
import { CliError } from '../io.js';

/** The most partners one generated stream has (about 100 events each). */
const MAX_PARTNERS = 1_000_000;
const DAY_MS = 86_400_000;

/** Lines written at once: large enough to be fast, small enough to keep memory flat. */
const LINES_PER_CHUNK = 4_096;

interface GenerateArguments {
  readonly partners: string;
  readonly months: string;
  readonly seed: string;
  readonly out?: string;
  readonly start: string;
  readonly refunds: boolean;
  readonly payouts: boolean;
}

/**
 * Adds the `generate` command.
 *
 * @example
 * registerGenerate(program);
 * // partner-engine generate --partners 200 --months 12 --seed 7 --out events.ndjson
 * //=> writes one event a line, sorted by time, exit 0
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write a seeded synthetic event stream for the SISO programme as NDJSON')
    .requiredOption('--partners <n>', 'how many partners join over the period')
    .requiredOption('--months <n>', 'how many months the stream covers')
    .requiredOption('--seed <n>', 'the seed: the same seed gives the same stream')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--start <instant>', 'the first instant, ISO-8601 with an offset or Z', '2025-01-01T00:00:00Z')
    .option('--no-refunds', 'leave out deal.refunded events')
    .option('--no-payouts', 'leave out payout.paid events')
    .addHelpText(
      'after',
      [
        '',
        'Payments: two days after each payout run (the 15th), on the 17th at 10:00 UTC, every partner',
        'the run found due is paid the amount it asked for, or its payable balance then if a refund in',
        'between lowered it. The stream replays under the SISO programme with no rejection; a programme',
        'that pays less may refuse some payments (use --no-payouts; payments never change the cost).',
      ].join('\n'),
    )
    .action(async (options: GenerateArguments, command: Command) => {
      const parsed = generateOptionsOf(options);
      if (typeof parsed === 'string') command.error(parsed, { exitCode: 2 });
      else await writeEvents(generateEvents(parsed), options.out);
    });
}

/**
 * The generator's options from the command's arguments, or a one-line reason they are unusable.
 *
 * @example
 * generateOptionsOf({ partners: '200', months: '12', seed: '7', start: '2025-01-01T00:00:00Z',
 *   refunds: true, payouts: false })
 * //=> { partners: 200, months: 12, seed: 7, start: '2025-01-01T00:00:00Z', refunds: true, payouts: false }
 * generateOptionsOf({ partners: 'ten', months: '12', seed: '7', start: '…', refunds: true, payouts: true })
 * //=> '--partners must be a whole number of at least 1; got "ten"'
 */
export function generateOptionsOf(options: GenerateArguments): GenerateOptions | string {
  const partners = wholeNumber(options.partners);
  if (partners === null || partners < 1)
    return `--partners must be a whole number of at least 1; got "${options.partners}"`;
  if (partners > MAX_PARTNERS) return `--partners must be at most ${MAX_PARTNERS}; got "${options.partners}"`;
  const months = wholeNumber(options.months);
  if (months === null || months < 1 || months > 1200)
    return `--months must be a whole number from 1 to 1200; got "${options.months}"`;
  const seed = wholeNumber(options.seed);
  if (seed === null) return `--seed must be a whole number; got "${options.seed}"`;
  if (
    !/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(options.start) ||
    Number.isNaN(Date.parse(options.start))
  )
    return `--start must be an ISO-8601 date-time with an offset or Z; got "${options.start}"`;
  // The events must fall in the range the engine takes (every month at most 31 days on).
  const first = Date.parse(options.start);
  if (!isSupportedInstant(first) || !isSupportedInstant(first + months * 31 * DAY_MS))
    return `--start and --months must keep the events within ${SUPPORTED_RANGE}; got ${options.start} and ${months} months`;
  return {
    partners,
    months,
    seed,
    start: options.start,
    refunds: options.refunds,
    payouts: options.payouts,
  };
}

function wholeNumber(text: string): number | null {
  if (!/^-?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** NDJSON in chunks, to the file or to stdout (waiting for a slow reader rather than buffering). */
async function writeEvents(events: readonly object[], outFile: string | undefined): Promise<void> {
  const chunks = function* () {
    for (let start = 0; start < events.length; start += LINES_PER_CHUNK) {
      const lines = events.slice(start, start + LINES_PER_CHUNK).map((event) => JSON.stringify(event));
      yield `${lines.join('\n')}\n`;
    }
  };
  if (outFile === undefined) {
    for (const chunk of chunks()) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    return;
  }
  let descriptor: number;
  try {
    descriptor = openSync(outFile, 'w');
  } catch (error) {
    throw new CliError(
      `cannot write "${outFile}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    for (const chunk of chunks()) writeSync(descriptor, chunk);
  } finally {
    closeSync(descriptor);
  }
}

// What the finance commands (simulate, sweep) share: reading the events and programmes with the
// usual one-line errors, the report formats, a progress bar over all runs when stderr is a
// terminal, turning a SimulationError into a usage error, and writing the report out.
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ReportDocument } from '../reports/finance/document.js';
import {
  csvReport,
  htmlReport,
  markdownReport,
  REPORT_FORMATS,
  type ReportFormat,
  textReport,
} from '../reports/finance/formats.js';
import { SimulationError } from '../simulation/errors.js';
import { CliError } from './io.js';

/** The options every finance command takes: --format, --out, --workers. */
export function withFinanceOutput(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('table'))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option('--workers <n>', 'worker threads at most (default: the cores)').argParser(parseCount),
    );
}

/** Commander's collector for an option given several times. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

export function parseCount(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(count) || count < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return count;
}

/** A name for a programme file in a report: its base name without `.json`. */
export function programName(file: string): string {
  return basename(file).replace(/\.json$/i, '');
}

/** Runs the library call, turning its refusal of the arguments into exit 2 with one line. */
export async function usable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SimulationError) throw new CliError(error.message);
    throw error;
  }
}

/** A progress bar over every run's events, on stderr when it is a terminal; else nothing. */
export function progressBar(label: string): {
  onProgress?: (done: number, total: number) => void;
  stop(): void;
} {
  const stream = process.stderr;
  if (!stream.isTTY) return { stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% {value}/{total} events` },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The report in the chosen format: JSON is the library's object as it is. */
export function formatted(format: ReportFormat, json: object, document: () => ReportDocument): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(json, null, 2)}\n`;
    case 'csv':
      return csvReport(document());
    case 'md':
      return markdownReport(document());
    case 'html':
      return htmlReport(document());
    case 'table':
      return textReport(document());
    default: {
      const never: never = format;
      return never;
    }
  }
}

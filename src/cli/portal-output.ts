// What the portal commands (portal, overview) share: their options, the formats, the format a
// file's name asks for when none is given, and the replay's view model written out in the chosen
// one, with the rejected events reported.
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { EngineError } from '../index.js';
import type { ReportDocument } from '../reports/finance/document.js';
import { markdownReport, textReport } from '../reports/finance/formats.js';
import { featureNamesOf, type PortalPageOptions } from '../reports/portal/index.js';
import { CliError, writeOutput } from './io.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from './rejections.js';
import {
  type ReplayedFile,
  type ReplayFileOptions,
  replayFile,
  withReplayOptions,
  withStateOption,
  withUnparsable,
} from './replay.js';

export const PORTAL_FORMATS = ['table', 'json', 'md', 'html'] as const;
export type PortalFormat = (typeof PORTAL_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, PortalFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.json': 'json',
};

/** What both commands are given: the replay's options, --format, --out and --strict. */
export interface PortalOutputOptions extends ReplayFileOptions {
  readonly format?: PortalFormat;
  readonly out?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
}

/**
 * The options both commands take: the replay's (`own` adds the command's among them), --state,
 * --format, --out and --strict.
 */
export function withPortalOptions(
  command: Command,
  own: (command: Command) => Command = (same) => same,
): Command {
  return withStrictOption(withStateOption(withPortalOutput(own(withReplayOptions(command)))));
}

/**
 * Replays the command's events, writes the view `render` makes of them in the chosen format,
 * then reports the rejected events (exit 1 with --strict).
 */
export function writePortalOutput<Options extends PortalOutputOptions>(
  options: Options,
  render: (replayed: ReplayedFile, shown: PortalPageOptions) => PortalRendering,
): void {
  const format = portalFormat(options);
  const replayed = replayFile(options);
  let text: string;
  try {
    const { program } = replayed;
    const shown = {
      timeZone: program.timeZone,
      programmeName: program.name,
      featureNames: featureNamesOf(program),
    };
    text = portalOutput(format, render(replayed, shown));
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
  writeOutput(text, options.out);
  const rejected = withUnparsable(replayed.result.rejected, replayed.unparsable);
  reportRejections(rejected, replayed.eventCount, LISTED_BY_RUN, options.strict);
}

/** The options both commands take: --format and --out. */
function withPortalOutput(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from --out\u2019s extension, else table)',
      ).choices(PORTAL_FORMATS),
    )
    .option('--out <file>', 'write to this file instead of stdout (page.html writes HTML)');
}

/**
 * The format to write: the one given, else the one the output file's extension names, else table.
 *
 * @example
 * portalFormat({ out: 'page.html' })
 * //=> 'html'
 */
export function portalFormat(options: {
  readonly format?: PortalFormat;
  readonly out?: string;
}): PortalFormat {
  if (options.format !== undefined) return options.format;
  if (options.out === undefined) return 'table';
  return BY_EXTENSION[extname(options.out).toLowerCase()] ?? 'table';
}

/** A view in a format: JSON is the view model as it is, the others its page or document. */
export interface PortalRendering {
  readonly json: object;
  readonly html: () => string;
  readonly document: () => ReportDocument;
}

export function portalOutput(format: PortalFormat, rendering: PortalRendering): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rendering.json, null, 2)}\n`;
    case 'html':
      return rendering.html();
    case 'md':
      return markdownReport(rendering.document());
    case 'table':
      return textReport(rendering.document());
    default: {
      const never: never = format;
      return never;
    }
  }
}

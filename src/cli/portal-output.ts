// What the portal commands (portal, overview) share: the formats, the format a file's name asks
// for when none is given, and the view model written out in the chosen one.
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import type { ReportDocument } from '../reports/finance/document.js';
import { markdownReport, textReport } from '../reports/finance/formats.js';

export const PORTAL_FORMATS = ['table', 'json', 'md', 'html'] as const;
export type PortalFormat = (typeof PORTAL_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, PortalFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.json': 'json',
};

/** The options both commands take: --format and --out. */
export function withPortalOutput(command: Command): Command {
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

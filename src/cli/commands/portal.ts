// `partner-engine portal`: one partner's page (tier, progress, badges, commissions, leaderboard
// row, team, locked features) from a replayed event file, as text tables, JSON, Markdown or one
// self-contained HTML page.
import type { Command } from 'commander';
import { EngineError } from '../../index.js';
import { featureNamesOf, partnerDocument, partnerPage } from '../../reports/portal/index.js';
import { CliError, writeOutput } from '../io.js';
import { type PortalFormat, portalFormat, portalOutput, withPortalOutput } from '../portal-output.js';
import { replayFile, withReplayOptions } from '../replay.js';

export interface PortalCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly partner: string;
  readonly format?: PortalFormat;
  readonly out?: string;
}

/**
 * Adds the `portal` command.
 *
 * @example
 * registerPortal(program);
 * // partner-engine portal --events events.ndjson --partner ana --out ana.html
 * //=> writes ana's page as one HTML file, exit 0
 */
export function registerPortal(program: Command): void {
  withPortalOutput(
    withReplayOptions(
      program
        .command('portal')
        .description(
          "A partner's page: tier, progress, badges, commissions, leaderboard, team and locked features",
        ),
    ).requiredOption('--partner <id>', 'the partner whose page to show'),
  ).action((options: PortalCommandOptions) => writeOutput(portalCommand(options), options.out));
}

/** What `portal` writes for its options. */
export function portalCommand(options: PortalCommandOptions): string {
  const format = portalFormat(options);
  const { program, engine, result } = replayFile(options);
  try {
    const view = engine.partnerView(result.state, options.partner);
    const shown = {
      timeZone: program.timeZone,
      programmeName: program.name,
      featureNames: featureNamesOf(program),
    };
    return portalOutput(format, {
      json: view,
      html: () => partnerPage(view, shown),
      document: () => partnerDocument(view, shown),
    });
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}

// `partner-engine overview`: what a programme manager acts on (partners by tier and status, who
// is at risk, close to promotion or held back, this month's leaders, the money owed and the next
// payout run, the places of capped tiers) from a replayed event file.
import type { Command } from 'commander';
import { EngineError } from '../../index.js';
import { featureNamesOf, overviewDocument, overviewPage } from '../../reports/portal/index.js';
import { CliError, writeOutput } from '../io.js';
import { type PortalFormat, portalFormat, portalOutput, withPortalOutput } from '../portal-output.js';
import { replayFile, withReplayOptions } from '../replay.js';

export interface OverviewCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format?: PortalFormat;
  readonly out?: string;
}

/**
 * Adds the `overview` command.
 *
 * @example
 * registerOverview(program);
 * // partner-engine overview --events events.ndjson --format md
 * //=> prints the overview as Markdown, exit 0
 */
export function registerOverview(program: Command): void {
  withPortalOutput(
    withReplayOptions(
      program
        .command('overview')
        .description(
          "The programme manager's overview: tiers, who is at risk or close to promotion, money owed",
        ),
    ),
  ).action((options: OverviewCommandOptions) => writeOutput(overviewCommand(options), options.out));
}

/** What `overview` writes for its options. */
export function overviewCommand(options: OverviewCommandOptions): string {
  const format = portalFormat(options);
  const { program, engine, result } = replayFile(options);
  try {
    const overview = engine.programmeOverview(result.state);
    const shown = {
      timeZone: program.timeZone,
      programmeName: program.name,
      featureNames: featureNamesOf(program),
    };
    return portalOutput(format, {
      json: overview,
      html: () => overviewPage(overview, shown),
      document: () => overviewDocument(overview, shown),
    });
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}

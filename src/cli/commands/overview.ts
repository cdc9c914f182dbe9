// `partner-engine overview`: what a programme manager acts on (partners by tier and status, who
// is at risk, close to promotion or held back, this month's leaders, the money owed and the next
// payout run, the places of capped tiers) from a replayed event file.
import type { Command } from 'commander';
import { EngineError } from '../../index.js';
import { featureNamesOf, overviewDocument, overviewPage } from '../../reports/portal/index.js';
import { CliError, writeOutput } from '../io.js';
import { type PortalFormat, portalFormat, portalOutput, withPortalOutput } from '../portal-output.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from '../rejections.js';
import {
  type ReplayedFile,
  replayFile,
  withReplayOptions,
  withStateOption,
  withUnparsable,
} from '../replay.js';

export interface OverviewCommandOptions {
  /** A saved run to start from (run --save-state). */
  readonly state?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
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
  withStrictOption(
    withStateOption(
      withPortalOutput(
        withReplayOptions(
          program
            .command('overview')
            .description(
              "The programme manager's overview: tiers, who is at risk or close to promotion, money owed",
            ),
        ),
      ),
    ),
  ).action((options: OverviewCommandOptions) => {
    const { text, replayed } = overviewReplayed(options);
    writeOutput(text, options.out);
    const rejected = withUnparsable(replayed.result.rejected, replayed.unparsable);
    reportRejections(rejected, replayed.eventCount, LISTED_BY_RUN, options.strict);
  });
}

/** What `overview` writes for its options. */
export function overviewCommand(options: OverviewCommandOptions): string {
  return overviewReplayed(options).text;
}

/** The output and the replay it was made from (whose rejections the command reports). */
function overviewReplayed(options: OverviewCommandOptions): { text: string; replayed: ReplayedFile } {
  const format = portalFormat(options);
  const replayed = replayFile(options);
  const { program, engine, result } = replayed;
  try {
    const overview = engine.programmeOverview(result.state);
    const shown = {
      timeZone: program.timeZone,
      programmeName: program.name,
      featureNames: featureNamesOf(program),
    };
    const text = portalOutput(format, {
      json: overview,
      html: () => overviewPage(overview, shown),
      document: () => overviewDocument(overview, shown),
    });
    return { text, replayed };
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}

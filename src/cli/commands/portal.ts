// `partner-engine portal`: one partner's page (tier, progress, badges, commissions, leaderboard
// row, team, locked features) from a replayed event file, as text tables, JSON, Markdown or one
// self-contained HTML page.
import type { Command } from 'commander';
import { EngineError } from '../../index.js';
import { featureNamesOf, partnerDocument, partnerPage } from '../../reports/portal/index.js';
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

export interface PortalCommandOptions {
  /** A saved run to start from (run --save-state). */
  readonly state?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
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
  withStrictOption(
    withStateOption(
      withPortalOutput(
        withReplayOptions(
          program
            .command('portal')
            .description(
              "A partner's page: tier, progress, badges, commissions, leaderboard, team and locked features",
            ),
        ).requiredOption('--partner <id>', 'the partner whose page to show'),
      ),
    ),
  ).action((options: PortalCommandOptions) => {
    const { text, replayed } = portalReplayed(options);
    writeOutput(text, options.out);
    const rejected = withUnparsable(replayed.result.rejected, replayed.unparsable);
    reportRejections(rejected, replayed.eventCount, LISTED_BY_RUN, options.strict);
  });
}

/** What `portal` writes for its options. */
export function portalCommand(options: PortalCommandOptions): string {
  return portalReplayed(options).text;
}

/** The output and the replay it was made from (whose rejections the command reports). */
function portalReplayed(options: PortalCommandOptions): { text: string; replayed: ReplayedFile } {
  const format = portalFormat(options);
  const replayed = replayFile(options);
  const { program, engine, result } = replayed;
  try {
    const view = engine.partnerView(result.state, options.partner);
    const shown = {
      timeZone: program.timeZone,
      programmeName: program.name,
      featureNames: featureNamesOf(program),
    };
    const text = portalOutput(format, {
      json: view,
      html: () => partnerPage(view, shown),
      document: () => partnerDocument(view, shown),
    });
    return { text, replayed };
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}

// `partner-engine overview`: what a programme manager acts on (partners by tier and status, who
// is at risk, close to promotion or held back, this month's leaders, the money owed and the next
// payout run, the places of capped tiers) from a replayed event file.
import type { Command } from 'commander';
import { overviewDocument, overviewPage } from '../../reports/portal/index.js';
import { type PortalOutputOptions, withPortalOptions, writePortalOutput } from '../portal-output.js';

/**
 * Adds the `overview` command.
 *
 * @example
 * registerOverview(program);
 * // partner-engine overview --events events.ndjson --format md
 * //=> prints the overview as Markdown, exit 0
 */
export function registerOverview(program: Command): void {
  withPortalOptions(
    program
      .command('overview')
      .description(
        "The programme manager's overview: tiers, who is at risk or close to promotion, money owed",
      ),
  ).action((options: PortalOutputOptions) =>
    writePortalOutput(options, ({ engine, result }, shown) => {
      const overview = engine.programmeOverview(result.state);
      return {
        json: overview,
        html: () => overviewPage(overview, shown),
        document: () => overviewDocument(overview, shown),
      };
    }),
  );
}

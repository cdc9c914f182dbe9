// `partner-engine portal`: one partner's page (tier, progress, badges, commissions, leaderboard
// row, team, locked features) from a replayed event file, as text tables, JSON, Markdown or one
// self-contained HTML page.
import type { Command } from 'commander';
import { partnerDocument, partnerPage } from '../../reports/portal/index.js';
import { type PortalOutputOptions, withPortalOptions, writePortalOutput } from '../portal-output.js';

export interface PortalCommandOptions extends PortalOutputOptions {
  readonly partner: string;
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
  withPortalOptions(
    program
      .command('portal')
      .description(
        "A partner's page: tier, progress, badges, commissions, leaderboard, team and locked features",
      ),
    (command) => command.requiredOption('--partner <id>', 'the partner whose page to show'),
  ).action((options: PortalCommandOptions) =>
    writePortalOutput(options, ({ engine, result }, shown) => {
      const view = engine.partnerView(result.state, options.partner);
      return {
        json: view,
        html: () => partnerPage(view, shown),
        document: () => partnerDocument(view, shown),
      };
    }),
  );
}

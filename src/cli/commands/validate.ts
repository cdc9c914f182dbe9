// `partner-engine validate PROGRAM.json`: checks a programme document with the library's
// validation and, when it is valid, shows it on one screen (currency, tiers, reviews, payouts,
// overrides, achievements, versions) so an author sees what the engine understood.
import type { Command } from 'commander';
import { Decimal, type Program } from '../../index.js';
import { readProgramFile, writeOutput } from '../io.js';
import { textTable } from '../text-table.js';

/**
 * Adds the `validate` command: exit 0 with a summary, or exit 2 with every issue as `path: message`.
 *
 * @example
 * registerValidate(program);
 * // partner-engine validate examples/programs/siso.json
 * //=> prints "Programme siso is valid." and its summary, exit 0
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a programme document and summarise it (exit 2 with every issue when invalid)')
    .argument('<program>', 'the programme JSON file')
    .action((path: string) => {
      writeOutput(programSummary(readProgramFile(path)));
    });
}

/**
 * A programme on one screen: its identity, money rules, a table of tiers and the rest as counts.
 *
 * @example
 * programSummary(sisoProgram).split('\n')[0]
 * //=> 'Programme siso is valid.'
 */
export function programSummary(program: Program): string {
  const { currency } = program;
  return [
    `Programme ${program.id} is valid.`,
    '',
    labelled('Name', program.name),
    labelled('Version', program.version),
    labelled(
      'Currency',
      `${currency.code} (${currency.decimals} decimal places), rounding ${program.rounding}`,
    ),
    labelled('Time zone', program.timeZone),
    '',
    `Tiers (${program.tiers.length})`,
    tierTable(program),
    '',
    labelled(
      'Reviews',
      `every ${program.reviews.period}, ${plural(program.reviews.graceReviews, 'grace review')}`,
    ),
    labelled('Hold period', plural(program.holdPeriodDays, 'day')),
    labelled(
      'Payouts',
      `on day ${program.payouts.dayOfMonth} of each month, minimum ${program.payouts.minimum} ${currency.code}`,
    ),
    labelled('Overrides', overridesLine(program)),
    labelled('Badges', String(program.badges.length)),
    labelled('Leaderboards', String(program.leaderboards.length)),
    labelled('Versions', versionsLine(program)),
  ].join('\n');
}

function tierTable(program: Program): string {
  const rows = program.tiers.map((tier) => [
    tier.rank,
    tier.id,
    tier.name,
    percentage(tier.baseRate),
    tier.referralBonusRate === undefined ? '-' : percentage(tier.referralBonusRate),
    tier.capacity ?? 'unlimited',
    tier.unlocks.length,
    tier.maintain === undefined ? 'no' : 'yes',
  ]);
  const head = ['rank', 'id', 'name', 'base rate', 'referral bonus', 'capacity', 'unlocks', 'maintain rule'];
  return textTable(head, rows, ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left']);
}

function overridesLine(program: Program): string {
  const overrides = program.overrides;
  if (overrides === undefined || overrides.levels.length === 0) return 'none';
  const levels = overrides.levels.map(
    (level) => `level ${level.level}: ${percentage(level.rate)} from ${level.minTier}`,
  );
  return `${plural(levels.length, 'level')}, basis ${overrides.basis} (${levels.join('; ')})`;
}

function versionsLine(program: Program): string {
  if (program.versions.length === 0) return 'none';
  const versions = program.versions.map((version) => `${version.version} from ${version.effectiveFrom}`);
  return `${program.versions.length}: ${versions.join('; ')}`;
}

/** "0.22" as "22%": the rate string is exact, so Decimal shifts the point without rounding. */
function percentage(rate: string): string {
  return `${new Decimal(rate).times(100).toFixed()}%`;
}

function labelled(label: string, value: string): string {
  return `${`${label}:`.padEnd(14)}${value}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// `partner-engine validate PROGRAM.json [--strict] [--format text|json]`: lints a programme
// document with the library's checks (every stage at once) and, when it passes, shows it on one
// screen (currency, tiers, reviews, payouts, overrides, achievements, versions) so an author sees
// what the engine understood. Errors always fail; with --strict, warnings fail too.

import type { Command } from 'commander';
import { Option } from 'commander';
import {
  Decimal,
  type LintFinding,
  type LintReport,
  lintProgram,
  loadProgram,
  type Program,
} from '../../index.js';
import { CliError, readProgramDocument, writeOutput } from '../io.js';
import { textTable } from '../text-table.js';

interface ValidateOptions {
  readonly strict?: boolean;
  readonly format: 'text' | 'json';
}

const HELP_AFTER = `
Exit status:
  0  no error (and, with --strict, no warning): prints "Programme ID is valid." and a summary
  2  the file is missing or not JSON, or the programme has an error (with --strict: an error
     or a warning); every finding is printed with its severity, path, message and code

Errors are certain: loadProgram refuses the programme (a bad field, an unknown fact, a rule that
can never hold, a tier no partner can reach, a path that does not parse). Warnings are likely
mistakes the engine can still run (a qualify on the entry tier, a feature no tier unlocks, "3"
written for 3); they are listed only with --strict. --format json prints the report on stdout:
{ "file", "valid", "strict", "errors", "warnings", "findings": [{ severity, code, path, message,
suggestion? }] }. The codes are listed in docs/programme-linter.md.
`;

/**
 * Adds the `validate` command.
 *
 * @example
 * registerValidate(program);
 * // partner-engine validate examples/programs/siso.json
 * //=> prints "Programme siso is valid." and its summary, exit 0
 * // partner-engine validate broken.json --strict
 * //=> prints every error and warning on stderr, exit 2
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'Lint a programme document and summarise it (exit 2 on an error; with --strict, on a warning too)',
    )
    .argument('<program>', 'the programme JSON file')
    .option('--strict', 'list warnings too, and fail (exit 2) on any of them')
    .addOption(
      new Option('--format <format>', 'how to print the report').choices(['text', 'json']).default('text'),
    )
    .addHelpText('after', HELP_AFTER)
    .action((path: string, options: ValidateOptions) => {
      const document = readProgramDocument(path);
      const report = lintProgram(document);
      const strict = options.strict === true;
      const failed = report.errors > 0 || (strict && report.warnings > 0);
      if (options.format === 'json') {
        writeOutput(JSON.stringify(jsonReport(path, report, strict, failed), null, 2));
        if (failed) throw new CliError(`programme file "${path}" ${failure(report, strict)}`);
        return;
      }
      if (failed) throw new CliError(textFailure(path, report, strict));
      const summary = programSummary(loadProgram(document));
      const hidden =
        strict || report.warnings === 0
          ? ''
          : `\n\n${counted(report.warnings, 'warning')} (--strict lists them)`;
      writeOutput(`${summary}${hidden}`);
    });
}

function jsonReport(path: string, report: LintReport, strict: boolean, failed: boolean) {
  const findings = report.findings
    .filter((found) => strict || found.severity === 'error')
    .map(({ severity, code, path: at, message, suggestion }) =>
      suggestion === undefined
        ? { severity, code, path: at, message }
        : { severity, code, path: at, message, suggestion },
    );
  return { file: path, valid: !failed, strict, errors: report.errors, warnings: report.warnings, findings };
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function failure(report: LintReport, strict: boolean): string {
  const counts = strict
    ? `${counted(report.errors, 'error')}, ${counted(report.warnings, 'warning')}`
    : counted(report.errors, 'error');
  return report.errors > 0 ? `is invalid (${counts})` : `fails --strict (${counts})`;
}

/** One line a finding: `error tiers[1].qualify.all[0].value: … [TYPE_MISMATCH] (write 3)`. */
export function findingLine(found: LintFinding): string {
  const suggestion = found.suggestion === undefined ? '' : ` (${found.suggestion})`;
  return `${found.severity} ${found.path}: ${found.message} [${found.code}]${suggestion}`;
}

function textFailure(path: string, report: LintReport, strict: boolean): string {
  const shown = report.findings.filter((found) => strict || found.severity === 'error');
  return [`programme file "${path}" ${failure(report, strict)}:`, ...shown.map(findingLine)].join('\n');
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

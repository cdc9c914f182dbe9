// `partner-engine validate` as a user runs it: every stage's findings in one report with severity,
// path, message, code and suggestion; exit 2 on an error, and with --strict on a warning too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, runCli } from './built-cli.js';

let bundle = { folder: '', main: '' };
let dataDirectory = '';
const sisoPath = join(root, 'examples', 'programs', 'siso.json');

beforeAll(async () => {
  bundle = await buildCli('validate-cli-');
  dataDirectory = mkdtempSync(join(tmpdir(), 'partner-engine-validate-'));
}, 60_000);

afterAll(() => {
  rmSync(bundle.folder, { recursive: true, force: true });
  rmSync(dataDirectory, { recursive: true, force: true });
});

function cli(args: readonly string[]) {
  return runCli(bundle.main, ['validate', ...args]);
}

type Edit = [Array<string | number>, unknown];

/** A programme file: SISO with each edit (a path into the document and its new value) applied. */
function programFile(name: string, ...edits: Edit[]): string {
  const document = JSON.parse(readFileSync(sisoPath, 'utf8')) as Record<string, unknown>;
  for (const [path, value] of edits) {
    let target = document as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1] as string | number] = value;
  }
  const path = join(dataDirectory, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
}

const brokenEverywhere = () =>
  programFile(
    'broken.json',
    [['tiers', 1, 'baseRate'], 0.22],
    [['tiers', 1, 'qualify', 'all', 0, 'value'], 'three'],
    [['tiers', 2, 'qualify', 'all', 0, 'fact'], 'countedDeal'],
    [['tiers', 3, 'qualify', 'all', 0, 'operator'], 'greaterThanInclsuive'],
  );

const entryQualify = () =>
  programFile('entry-qualify.json', [
    ['tiers', 0, 'qualify'],
    { all: [{ fact: 'trainingsCompleted', operator: 'contains', value: 'onboarding' }] },
  ]);

describe('partner-engine validate', () => {
  it('answers --help with its usage, --strict and the exit rule, exit 0', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: partner-engine validate [options] <program>');
    expect(result.stdout).toContain('--strict');
    expect(result.stdout).toContain('--format <format>');
    expect(result.stdout).toContain('2  the file is missing or not JSON, or the programme has an error');
  });

  it('says SISO is valid, with or without --strict, exit 0', () => {
    for (const args of [[sisoPath], [sisoPath, '--strict']]) {
      const result = cli(args);
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe('Programme siso is valid.');
      expect(result.stderr).toBe('');
    }
  });

  it('reports every stage at once: a bad baseRate, an unknown fact, an unknown operator, a mismatch', () => {
    const result = cli([brokenEverywhere()]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/programme file ".*broken.json" is invalid \(7 errors\):$/);
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      'error tiers[1].baseRate',
      'error tiers[2].qualify.all[0].fact',
      'error tiers[3].qualify.all[0].operator',
      'error tiers[1].qualify.all[0].value',
      'error tiers[1].qualify',
      'error tiers[2].qualify',
      'error tiers[3].qualify',
    ]);
    expect(lines[2]).toMatch(/\[UNKNOWN_FACT\] \(did you mean "countedDeals"\?\)$/);
    expect(lines[3]).toMatch(/\[UNKNOWN_OPERATOR\] \(did you mean "greaterThanInclusive"\?\)$/);
    expect(lines[5]).toContain('no partner can reach tier "active"');
  });

  it('lets warnings pass without --strict, saying how many there are', () => {
    const result = cli([entryQualify()]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Programme siso is valid.');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 warning (--strict lists them)');
  });

  it('fails on a warning with --strict, listing it, exit 2', () => {
    const result = cli([entryQualify(), '--strict']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/fails --strict \(0 errors, 1 warning\):$/);
    expect(lines[1]).toMatch(
      /^warning tiers\[0\]\.qualify: every partner starts at the entry tier "starter"/,
    );
    expect(lines[1]).toContain(
      '[ENTRY_TIER_QUALIFY] (write { "all": [] } here and put the condition on the next tier)',
    );
  });

  it('prints the report as JSON with --format json, exit 2 and one line on stderr when invalid', () => {
    const result = cli([brokenEverywhere(), '--format', 'json', '--strict']);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ valid: false, strict: true, errors: 7, warnings: 0 });
    expect(report.findings[1]).toEqual({
      severity: 'error',
      code: 'UNKNOWN_FACT',
      path: 'tiers[2].qualify.all[0].fact',
      message: expect.stringMatching(/^unknown fact "countedDeal"; the facts are: /),
      suggestion: 'did you mean "countedDeals"?',
    });
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    const valid = cli([sisoPath, '--format', 'json']);
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 0, findings: [] });
  });

  it.each([
    [['--format', 'xml'], "argument 'xml' is invalid"],
    [[join(tmpdir(), 'no-such-programme.json')], 'no such file'],
  ])('exits 2 with one line for %j', (args, mentions) => {
    const result = cli(args[0]?.startsWith('--') ? [sisoPath, ...args] : args);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(mentions);
  });
});

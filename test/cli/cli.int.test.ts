// The built command line, run as a user runs it: `node main.js …` in a child process. The bundle
// is built once with the project's own tsup settings for the CLI entry, into a private folder so
// a build running elsewhere (which cleans dist/) cannot pull it away mid-test.

import type { SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tsupConfig from '../../tsup.config.js';
import { runCli } from './built-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let buildDirectory = '';
let dataDirectory = '';

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Inside the repository, so the bundle finds commander & co. in node_modules.
  buildDirectory = mkdtempSync(join(root, '.tmp', 'cli-test-'));
  dataDirectory = mkdtempSync(join(tmpdir(), 'partner-engine-cli-'));
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cli = configs.find((config) => JSON.stringify(config.entry).includes('cli/main'));
  if (!cli) throw new Error('tsup.config.ts has no cli/main entry');
  await build({ ...cli, outDir: buildDirectory, config: false, silent: true, sourcemap: false });
}, 60_000);

afterAll(() => {
  rmSync(buildDirectory, { recursive: true, force: true });
  rmSync(dataDirectory, { recursive: true, force: true });
});

function cli(args: readonly string[], timeZone = 'UTC'): SpawnSyncReturns<string> {
  return runCli(join(buildDirectory, 'cli', 'main.js'), args, { timeZone });
}

function dataFile(name: string, content: string): string {
  const path = join(dataDirectory, name);
  writeFileSync(path, content);
  return path;
}

/** A failure the user can read: exactly one line on stderr, nothing on stdout, no stack trace. */
function expectOneLineFailure(result: SpawnSyncReturns<string>, mentions: string): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const sisoPath = join(root, 'examples', 'programs', 'siso.json');

// b joins, then a (sponsored by b); a closes one 1000.00 deal; d1 comes again (a duplicate) and
// a deal by a partner who never joined is rejected.
const events = [
  { id: 'j1', type: 'partner.joined', at: '2025-01-01T09:00:00Z', partnerId: 'b', sponsorId: null },
  { id: 'j2', type: 'partner.joined', at: '2025-01-01T09:00:00Z', partnerId: 'a', sponsorId: 'b' },
  {
    id: 'd1',
    type: 'deal.closed',
    at: '2025-01-03T09:00:00Z',
    partnerId: 'a',
    dealId: 'x1',
    amount: '1000.00',
    currency: 'USD',
  },
  {
    id: 'd1',
    type: 'deal.closed',
    at: '2025-01-03T09:00:00Z',
    partnerId: 'a',
    dealId: 'x1',
    amount: '1000.00',
    currency: 'USD',
  },
  {
    id: 'bad',
    type: 'deal.closed',
    at: '2025-01-07T09:00:00Z',
    partnerId: 'nobody',
    dealId: 'x9',
    amount: '1.00',
    currency: 'USD',
  },
];
const ndjson = (items: readonly unknown[]) => `${items.map((item) => JSON.stringify(item)).join('\n')}\n`;

describe('partner-engine (usage)', () => {
  it.each([
    [['--help']],
    [['validate', '--help']],
    [['run', '--help']],
    [['generate', '--help']],
    [['help', 'run']],
  ])('%j prints usage and exits 0', (args) => {
    const result = cli(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: partner-engine');
  });

  it('--version prints the package version', () => {
    const result = cli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('0.1.0');
  });

  it('an unknown option exits 2 with one line', () => {
    const path = dataFile('usage.ndjson', ndjson(events));
    expectOneLineFailure(cli(['run', '--events', path, '--bogus']), "unknown option '--bogus'");
  });

  it('an unknown command exits 2 with one line', () => {
    expectOneLineFailure(cli(['frobnicate']), "unknown command 'frobnicate'");
  });
});

describe('partner-engine validate', () => {
  it('summarises a valid programme and exits 0', () => {
    const result = cli(['validate', sisoPath]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Programme siso is valid.');
    expect(result.stdout).toContain('Tiers (4)');
    for (const tier of ['starter', 'active', 'performer', 'elite']) expect(result.stdout).toContain(tier);
    // Starter's base rate "0.20" shown as a percentage: 0.20 × 100 = 20.
    expect(result.stdout).toMatch(/starter\s+│ Starter Partner\s+│\s+20% │/);
  });

  it('lists every error of an invalid programme as "error path: message [CODE]" and exits 2', () => {
    const document = JSON.parse(readFileSync(sisoPath, 'utf8'));
    document.tiers[1].baseRate = '1.5';
    document.payouts.dayOfMonth = 31;
    const result = cli(['validate', dataFile('invalid.json', JSON.stringify(document))]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('is invalid (2 errors)');
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      'error tiers[1].baseRate',
      'error payouts.dayOfMonth',
    ]);
    expect(lines[1]).toMatch(/ \[SCHEMA_INVALID\]$/);
  });

  it('a missing file exits 2 with one line', () => {
    expectOneLineFailure(cli(['validate', join(dataDirectory, 'absent.json')]), 'no such file');
  });

  it('broken JSON exits 2 with one line', () => {
    expectOneLineFailure(cli(['validate', dataFile('broken.json', '{ "id": ')]), 'is not valid JSON');
  });
});

describe('partner-engine run --format json', () => {
  const at = ['--at', '2025-03-20T00:00:00Z'];

  it('gives the same report for NDJSON and a JSON array', () => {
    const fromLines = cli([
      'run',
      '--events',
      dataFile('same.ndjson', ndjson(events)),
      '--format',
      'json',
      ...at,
    ]);
    const fromArray = cli([
      'run',
      '--events',
      dataFile('same.json', JSON.stringify(events)),
      '--format',
      'json',
      ...at,
    ]);
    expect(fromLines.status).toBe(0);
    expect(fromArray.stdout).toBe(fromLines.stdout);
    const report = JSON.parse(fromLines.stdout);
    expect(report.asOf).toBe('2025-03-20T00:00:00.000Z');
    expect(report.partners.map((partner: { id: string }) => partner.id)).toEqual(['a', 'b']);
    // a's one deal at Starter's 20 %: 1000.00 × 0.20 = 200.00.
    expect(report.partners[0]).toMatchObject({ deals: 1, revenue: '1000.00', balance: { earned: '200.00' } });
    expect(report.skipped).toEqual([{ eventId: 'd1', index: 3, reason: 'duplicate' }]);
    expect(report.rejected).toMatchObject([{ eventId: 'bad', index: 4, code: 'UNKNOWN_PARTNER' }]);
  });

  it('reports a line that is not JSON as INVALID_EVENT at its index and runs the rest', () => {
    // Blank lines take no index: the broken line is the third event (index 2), so d1's duplicate
    // moves to 4 and the unknown partner's deal to 5.
    const lines = ndjson(events).split('\n');
    const text = [lines[0], '', lines[1], '{"id": "torn", ', lines[2], lines[3], '   ', lines[4], ''].join(
      '\n',
    );
    const result = cli(['run', '--events', dataFile('torn.ndjson', text), '--format', 'json', ...at]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.rejected.map((rejection: { index: number; code: string }) => [rejection.index, rejection.code]),
    ).toEqual([
      [2, 'INVALID_EVENT'],
      [5, 'UNKNOWN_PARTNER'],
    ]);
    expect(report.rejected[0]).toMatchObject({ eventId: null, path: '' });
    expect(report.rejected[0].message).toContain('line 4 is not valid JSON');
    expect(report.skipped).toEqual([{ eventId: 'd1', index: 4, reason: 'duplicate' }]);
    expect(report.partners[0]).toMatchObject({ id: 'a', deals: 1, balance: { earned: '200.00' } });
  });

  it('prints the same bytes in every machine time zone', () => {
    const path = dataFile('zones.ndjson', ndjson(events));
    const inLosAngeles = cli(['run', '--events', path, '--format', 'json'], 'America/Los_Angeles');
    const inTokyo = cli(['run', '--events', path, '--format', 'json'], 'Asia/Tokyo');
    expect(inLosAngeles.status).toBe(0);
    expect(inTokyo.stdout).toBe(inLosAngeles.stdout);
    // Without --at the report is as of the last accepted event: d1 on 3 January (the last line,
    // "bad" on 7 January, is rejected and moves no clock).
    expect(JSON.parse(inTokyo.stdout).asOf).toBe('2025-01-03T09:00:00.000Z');
  });

  it.each(['2025-02-30T00:00:00Z', '2025-04-01', '2025-04-01T00:00:00', 'soon', '2025-04-01T00:00:00.0001Z'])(
    '--at %s exits 2 with one line',
    (instant) => {
      const path = dataFile('at.ndjson', ndjson(events));
      expectOneLineFailure(cli(['run', '--events', path, '--at', instant]), '--at');
    },
  );

  it('a missing events file exits 2 with one line', () => {
    expectOneLineFailure(cli(['run', '--events', join(dataDirectory, 'absent.ndjson')]), 'no such file');
  });
});

describe('partner-engine run --format table', () => {
  it('prints the partners table, ledger, effects, rejected and skipped events', () => {
    const path = dataFile('table.ndjson', ndjson(events));
    const result = cli(['run', '--events', path, '--at', '2025-03-20T00:00:00Z']);
    expect(result.status).toBe(0);
    const output = result.stdout;
    expect(output).toContain('Partners (2)');
    expect(output).toMatch(/│ id │ tier\s+│ status │ deals │ revenue │ earned │ pending │ payable │ paid │/);
    expect(output).toMatch(/│ a\s+│ starter │ good\s+│\s+1 │ 1000.00 │ 200.00 │/);
    // One commission entry of 200.00 and nothing else: the total is 200.00 too.
    expect(output).toMatch(/│ commission\s+│\s+1 │ 200.00 │/);
    expect(output).toMatch(/│ all\s+│\s+1 │ 200.00 │/);
    expect(output).toContain('Rejected (1)');
    expect(output).toContain('UNKNOWN_PARTNER');
    expect(output).toContain('Skipped (1)');
  });
});

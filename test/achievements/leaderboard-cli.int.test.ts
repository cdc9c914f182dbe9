// `partner-engine leaderboard`: the command's text (leaderboardCommand, in process) and the built
// binary run as a user runs it. The bundle is built once with the project's tsup settings for the
// CLI entry into a private folder, as test/cli/cli.int.test.ts does.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LeaderboardCommandOptions, leaderboardCommand } from '../../src/cli/commands/leaderboard.js';
import { CliError } from '../../src/cli/io.js';
import tsupConfig from '../../tsup.config.js';
import { events } from '../support/scenario.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let buildDirectory = '';
let dataDirectory = '';
let eventsPath = '';

// a 1,000.00 and b 600.00 + 400.00 = 1,000.00 tie first; c 400.00 is 600.00 behind, third.
const given = [
  ...['c', 'b', 'a'].map((id) => events.joined(id, '2025-01-01', null, `join-${id}`)),
  events.deal('a', 'a1', '1000.00', '2025-01-10'),
  events.deal('b', 'b1', '600.00', '2025-01-11'),
  events.deal('b', 'b2', '400.00', '2025-01-12'),
  events.deal('c', 'c1', '400.00', '2025-01-13'),
];

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  buildDirectory = mkdtempSync(join(root, '.tmp', 'leaderboard-cli-'));
  dataDirectory = mkdtempSync(join(tmpdir(), 'partner-engine-leaderboard-'));
  eventsPath = join(dataDirectory, 'events.ndjson');
  writeFileSync(eventsPath, `${given.map((event) => JSON.stringify(event)).join('\n')}\n`);
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cli = configs.find((config) => JSON.stringify(config.entry).includes('cli/main'));
  if (!cli) throw new Error('tsup.config.ts has no cli/main entry');
  await build({ ...cli, outDir: buildDirectory, config: false, silent: true, sourcemap: false });
}, 60_000);

afterAll(() => {
  rmSync(buildDirectory, { recursive: true, force: true });
  rmSync(dataDirectory, { recursive: true, force: true });
});

function cli(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(buildDirectory, 'cli', 'main.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', PARTNER_ENGINE_DEBUG: '' },
  });
}

const command = (options: Partial<LeaderboardCommandOptions>) =>
  leaderboardCommand({
    events: eventsPath,
    period: '2025-01',
    metric: 'revenue',
    format: 'table',
    ...options,
  });

describe('leaderboardCommand', () => {
  it('prints a table: rank, partner, tier, the metric, and the gap to the rank above', () => {
    const lines = command({}).split('\n');
    expect(lines[0]).toBe('revenue leaderboard, 2025-01');
    const cells = lines
      .filter((line) => /^│\s+\d/.test(line))
      .map((line) =>
        line
          .split('│')
          .map((cell) => cell.trim())
          .filter(Boolean),
      );
    expect(cells).toEqual([
      ['1', 'a', 'starter', '1000.00', '-'],
      ['1', 'b', 'starter', '1000.00', '-'],
      ['3', 'c', 'starter', '400.00', '600.00'],
    ]);
  });

  it('prints the leaderboard as JSON', () => {
    const board = JSON.parse(command({ format: 'json', metric: 'deals', limit: 1 }));
    expect(board).toMatchObject({ period: '2025-01', metric: 'deals', tier: null });
    // b 2 deals; a and c 1 each: the limit of 1 keeps only b.
    expect(board.rows).toEqual([{ rank: 1, partnerId: 'b', tier: 'starter', value: '2', behind: null }]);
  });

  it('says so when no partner holds the tier', () => {
    expect(command({ tier: 'elite' })).toBe('revenue leaderboard, 2025-01, tier elite\n(no partners)');
  });

  it('turns an invalid period or tier into a usage error (exit 2)', () => {
    for (const options of [{ period: '2025-13' }, { tier: 'gold' }]) {
      let error: unknown;
      try {
        command(options);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({ exitCode: 2 });
      expect((error as Error).message).toContain('INVALID_ARGUMENT');
    }
  });
});

describe('partner-engine leaderboard', () => {
  it('prints its help and exits 0', () => {
    const result = cli(['leaderboard', '--help']);
    expect(result.status).toBe(0);
    for (const option of ['--events', '--period', '--metric', '--tier', '--limit', '--format']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('prints the JSON leaderboard and exits 0', () => {
    const result = cli(['leaderboard', '--events', eventsPath, '--period', 'all-time', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).rows).toEqual([
      { rank: 1, partnerId: 'a', tier: 'starter', value: '1000.00', behind: null },
      { rank: 1, partnerId: 'b', tier: 'starter', value: '1000.00', behind: null },
      { rank: 3, partnerId: 'c', tier: 'starter', value: '400.00', behind: '600.00' },
    ]);
  });

  it('prints the table by default', () => {
    const result = cli(['leaderboard', '--events', eventsPath, '--period', '2025-Q1', '--metric', 'deals']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('deals leaderboard, 2025-Q1');
    expect(result.stdout).toMatch(/│\s+1 │ b\s+│ starter │\s+2 │\s+- │/);
  });

  it.each([
    [['--period', 'last-month'], 'period'],
    [['--period', '2025-01', '--tier', 'gold'], 'gold'],
    [['--period', '2025-01', '--limit', '0'], 'limit'],
    [['--period', '2025-01', '--metric', 'profit'], 'metric'],
  ])('exits 2 with one line for %j', (args, mentions) => {
    const result = cli(['leaderboard', '--events', eventsPath, ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(mentions);
  });
});

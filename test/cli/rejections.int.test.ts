// Rejected events are visible, as a user sees them from the built command line: one line on
// stderr from every command that replays events, exit 1 with --strict (the output still written
// in full), exit 0 without; and `--events -` read from a pipe by each command that takes --events.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/index.js';
import { buildCli, runCli } from './built-cli.js';

let bundle = { folder: '', main: '' };
let folder = '';
let rejecting = '';
let clean = '';

// Four events: e1 is accepted; e2 names a partner who never joined (UNKNOWN_PARTNER, index 1);
// the third line is not JSON (INVALID_EVENT, index 2, no id); e4 is accepted. 2 of 4 rejected.
const REJECTING = [
  '{"id":"e1","type":"partner.joined","at":"2025-01-01T00:00:00Z","partnerId":"p1","sponsorId":null}',
  '{"id":"e2","type":"deal.closed","at":"2025-01-02T00:00:00Z","partnerId":"p9","dealId":"d2","amount":"100.00","currency":"USD"}',
  'not json',
  '{"id":"e4","type":"deal.closed","at":"2025-01-03T00:00:00Z","partnerId":"p1","dealId":"d4","amount":"100.00","currency":"USD"}',
];
const FIRST = '2 of 4 events rejected (first: e2 at index 1, UNKNOWN_PARTNER)';
const IN_OUTPUT = `partner-engine: ${FIRST}; see "rejected" in the output\n`;
const SISO = join(import.meta.dirname, '../../examples/programs/siso.json');
const BY_RUN = `partner-engine: ${FIRST}; "partner-engine run --format json" lists them\n`;

beforeAll(async () => {
  bundle = await buildCli('rejections-');
  folder = mkdtempSync(join(tmpdir(), 'partner-engine-rejections-'));
  rejecting = join(folder, 'rejecting.ndjson');
  writeFileSync(rejecting, `${REJECTING.join('\n')}\n`);
  clean = join(folder, 'clean.ndjson');
  const events = generateEvents({ partners: 12, months: 3, seed: 2 }).map((event) => JSON.stringify(event));
  writeFileSync(clean, `${events.join('\n')}\n`);
}, 60_000);

afterAll(() => {
  rmSync(bundle.folder, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

function cli(args: readonly string[]): SpawnSyncReturns<string> {
  return runCli(bundle.main, args);
}

const COMMANDS: readonly [readonly string[], string][] = [
  [['run'], IN_OUTPUT],
  [['run', '--format', 'json'], IN_OUTPUT],
  [['run', '--format', 'ndjson'], IN_OUTPUT],
  [['explain', '--partner', 'p1'], BY_RUN],
  [['leaderboard', '--period', '2025'], BY_RUN],
  [['kpis'], BY_RUN],
  [['portal', '--partner', 'p1'], BY_RUN],
  [['overview'], BY_RUN],
];

describe('rejected events on stderr', () => {
  it.each(COMMANDS)(
    '%j says so in one line, exit 0; with --strict the same line, exit 1, same output',
    (args, line) => {
      const plain = cli([...args, '--events', rejecting]);
      expect(plain.stderr).toBe(line);
      expect(plain.status).toBe(0);
      const strict = cli([...args, '--events', rejecting, '--strict']);
      expect(strict.stderr).toBe(line);
      expect(strict.status).toBe(1);
      expect(strict.stdout).toBe(plain.stdout);
      expect(strict.stdout.length).toBeGreaterThan(0);
    },
  );

  it('says nothing, and --strict exits 0, when no event is rejected', () => {
    const result = cli(['run', '--events', clean, '--strict']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes the --out file in full before exiting 1 with --strict', () => {
    const out = join(folder, 'report.json');
    const result = cli(['run', '--events', rejecting, '--format', 'json', '--out', out, '--strict']);
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { rejected: { index: number; code: string }[] };
    expect(report.rejected.map((rejection) => [rejection.index, rejection.code])).toEqual([
      [1, 'UNKNOWN_PARTNER'],
      [2, 'INVALID_EVENT'],
    ]);
  });

  it('counts with thousands separators and names a line without an id by its index', () => {
    // 1,200 lines that are not JSON, then one partner joining: 1,200 of 1,201 rejected, the
    // first at index 0 with no event id.
    const path = join(folder, 'many.ndjson');
    writeFileSync(path, `${'{"broken"\n'.repeat(1200)}${REJECTING[0]}\n`);
    const result = cli(['leaderboard', '--period', '2025', '--events', path]);
    expect(result.stderr).toBe(
      'partner-engine: 1,200 of 1,201 events rejected (first: index 0, INVALID_EVENT); "partner-engine run --format json" lists them\n',
    );
  });

  it('comes from a saved run too, which holds the rejections of the events it covers', () => {
    const state = join(folder, 'rejecting.state');
    expect(cli(['run', '--events', rejecting, '--save-state', state]).status).toBe(0);
    const result = cli(['explain', '--partner', 'p1', '--events', rejecting, '--state', state, '--strict']);
    expect(result.stderr).toBe(BY_RUN);
    expect(result.status).toBe(1);
  });
});

describe('--events - reads a pipe', () => {
  /** `cat FILE | partner-engine ARGS --events -` through a shell, as a user types it. */
  function piped(args: readonly string[]): SpawnSyncReturns<string> {
    const quoted = [bundle.main, ...args].map((arg) => `'${arg}'`).join(' ');
    return spawnSync('sh', ['-c', `cat '${clean}' | '${process.execPath}' ${quoted} --events -`], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC', PARTNER_ENGINE_DEBUG: '' },
    });
  }

  // simulate and sweep read --events as forecast and kpis do (readEventsFile); they need the
  // simulation worker's bundle as well, so finance.int.test.ts is where they run as built.
  it.each([
    [['run', '--format', 'json']],
    [['explain', '--partner', 'p001']],
    [['leaderboard', '--period', 'all-time']],
    [['kpis', '--format', 'json']],
    [['forecast', '--baseline', SISO, '--months', '1', '--seeds', '2']],
  ])('%j gives what it gives for the file', (args) => {
    const fromPipe = piped(args);
    const fromFile = cli([...args, '--events', clean]);
    expect(fromPipe.stderr).toBe('');
    expect(fromPipe.status).toBe(0);
    expect(fromPipe.stdout).toBe(fromFile.stdout);
    expect(fromPipe.stdout.length).toBeGreaterThan(100);
  });

  it('run --save-state from a pipe, then --state with the file: the same answer', () => {
    const state = join(folder, 'piped.state');
    expect(piped(['run', '--save-state', state]).status).toBe(0);
    const fromState = cli(['leaderboard', '--period', '2025-Q1', '--events', clean, '--state', state]);
    expect(fromState.status).toBe(0);
    expect(fromState.stdout).toBe(cli(['leaderboard', '--period', '2025-Q1', '--events', clean]).stdout);
  });
});

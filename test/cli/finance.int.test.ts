// `partner-engine simulate` and `sweep` as a user runs them: the CLI bundle and the simulation
// worker built as tsup builds them, in a child process, over small streams whose costs are worked
// out by hand (test/simulation/givens.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import tsupConfig from '../../tsup.config.js';
import { onePartnerStream } from '../simulation/givens.js';
import { parseCsv as readCsv } from '../support/csv.js';
import { root } from './built-cli.js';

let folder = '';
let main = '';
let data = '';
const file = (name: string) => join(data, name);

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  folder = mkdtempSync(join(root, '.tmp', 'finance-cli-'));
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  for (const entry of ['cli/main', 'simulation-worker']) {
    const config = configs.find((each) => JSON.stringify(each.entry).includes(entry));
    if (!config) throw new Error(`tsup.config.ts has no ${entry} entry`);
    await build({
      ...config,
      outDir: folder,
      config: false,
      silent: true,
      sourcemap: false,
      dts: false,
      clean: false,
    });
  }
  main = join(folder, 'cli', 'main.js');
  data = mkdtempSync(join(tmpdir(), 'partner-engine-finance-'));
  writeFileSync(
    file('events.ndjson'),
    `${onePartnerStream()
      .map((event) => JSON.stringify(event))
      .join('\n')}\n`,
  );
  writeFileSync(file('siso.json'), JSON.stringify(sisoProgram));
  const withActive = (rate: string) => ({
    ...sisoProgram,
    tiers: sisoProgram.tiers.map((tier) => (tier.id === 'active' ? { ...tier, baseRate: rate } : tier)),
  });
  writeFileSync(file('active-24.json'), JSON.stringify(withActive('0.24')));
  writeFileSync(file('active-20.json'), JSON.stringify(withActive('0.20')));
  writeFileSync(file('broken.json'), JSON.stringify({ ...sisoProgram, tiers: [] }));
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kathmandu', PARTNER_ENGINE_DEBUG: '' },
  });
}

const simulateArgs = (...more: string[]) => [
  'simulate',
  '--events',
  file('events.ndjson'),
  '--baseline',
  file('siso.json'),
  '--candidate',
  file('active-24.json'),
  ...more,
];

const sweepArgs = (...more: string[]) => [
  'sweep',
  '--events',
  file('events.ndjson'),
  '--program',
  file('siso.json'),
  ...more,
];

describe('partner-engine simulate', () => {
  it('prints the contract JSON: baseline total, each candidate total and delta', () => {
    const result = cli(simulateArgs('--format', 'json'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    // 2 × 200.00 + 3 × 220.00 = 1060.00; at 24 %: 2 × 200.00 + 3 × 240.00 = 1120.00; delta 60.00.
    expect(report.baseline.total).toBe('1060.00');
    expect(report.candidates[0]).toMatchObject({ name: 'active-24', total: '1120.00', delta: '60.00' });
  });

  it('exits 1 when a guard is violated, naming the partner, and still writes the report', () => {
    // Active at 20 %: p1 earns 5 × 200.00 = 1000.00, 60.00 (5.66 %) less than 1060.00.
    const result = cli([
      ...simulateArgs('--candidate', file('active-20.json'), '--guard', 'partner-loss <= 5%'),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('partner-engine: 1 guard violated: active-20: partner-loss <= 5% (p1)\n');
    expect(result.stdout).toContain('p1 earns 60.00 less (5.66 %)');
  });

  it('explains a partner with --partner', () => {
    const result = cli(simulateArgs('--partner', 'p1', '--format', 'md'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "## Why p1's pay changes by 60.00 under active-24 (1060.00 → 1120.00; 2 entries unchanged)",
    );
    expect(result.stdout).toContain(
      '| e-p1-d3:commission | changed | 20.00 | 220.00 | 0.22 | active | 2025.1 | e-p1-d3 | 240.00 | 0.24 |',
    );
  });

  it('writes CSV that parses back to its rows', () => {
    const result = cli(simulateArgs('--format', 'csv'));
    expect(result.status).toBe(0);
    const rows = readCsv(result.stdout);
    expect(rows[0]).toEqual(['candidate', 'measure', 'key', 'baseline', 'value', 'delta']);
    expect(rows).toContainEqual(['active-24', 'total', '', '1060.00', '1120.00', '60.00']);
    expect(rows).toContainEqual(['active-24', 'cost by tier', 'active', '660.00', '720.00', '60.00']);
    expect(rows.every((row) => row.length === 6)).toBe(true);
  });

  it('writes one self-contained HTML file with its charts', () => {
    const out = file('report.html');
    const result = cli(simulateArgs('--format', 'html', '--out', out));
    expect(result.status).toBe(0);
    const html = spawnSync('cat', [out], { encoding: 'utf8' }).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/https?:|<script|<link /);
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toContain('<title>active-24, active: 720.00</title>');
  });

  it.each([
    [['--help'], 0, /Usage: partner-engine simulate/],
    [
      ['--baseline', 'missing.json'],
      2,
      /^partner-engine: cannot read programme file "missing.json": no such file\n$/,
    ],
    [['--candidate', 'BROKEN'], 2, /^partner-engine: programme file ".*broken.json" is invalid/],
    [
      ['--guard', 'cost-share <= 24'],
      2,
      /^partner-engine: guard "cost-share <= 24": cost-share takes a percentage/,
    ],
    [['--guard', 'profit >= 1'], 2, /^partner-engine: guard "profit >= 1": expected/],
    [['--at', 'yesterday'], 2, /option '--at <instant>' argument 'yesterday' is invalid/],
    [['--partner', 'nobody'], 2, /^partner-engine: partner "nobody" is not among the 1 partners/],
    [
      ['--events', 'missing.ndjson'],
      2,
      /^partner-engine: cannot read events file "missing.ndjson": no such file\n$/,
    ],
  ])('%j exits %i with one line', (more, status, message) => {
    const args = more.map((arg) => (arg === 'BROKEN' ? file('broken.json') : arg));
    const result = cli(args[0] === '--help' ? ['simulate', '--help'] : simulateArgs(...args));
    expect(result.status).toBe(status);
    expect(status === 0 ? result.stdout : result.stderr).toMatch(message);
    // An invalid programme is one line, then one line per issue (as every command reports it).
    if (status !== 0 && !more.includes('BROKEN')) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('partner-engine sweep', () => {
  const active = ['--set', 'tiers[id=active].baseRate'];

  it('prints a row per value', () => {
    const result = cli(
      sweepArgs(...active, '--from', '0.22', '--to', '0.24', '--step', '0.01', '--format', 'csv'),
    );
    expect(result.status).toBe(0);
    // Each point of Active's rate on the 3 × 1000.00 paid at Active is 30.00.
    expect(readCsv(result.stdout).map((row) => row.slice(0, 3))).toEqual([
      ['tiers[id=active].baseRate', 'total', 'delta'],
      ['0.22', '1060.00', '0.00'],
      ['0.23', '1090.00', '30.00'],
      ['0.24', '1120.00', '60.00'],
    ]);
  });

  it('draws the curve in HTML', () => {
    const result = cli(
      sweepArgs(...active, '--from', '0.22', '--to', '0.24', '--step', '0.01', '--format', 'html'),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<polyline');
    expect(result.stdout).not.toMatch(/https?:|<script/);
  });

  it.each([
    [['--help'], 0, /Usage: partner-engine sweep/],
    [
      ['--set', 'tiers[id=gold].baseRate', '--from', '0.2', '--to', '0.3', '--step', '0.1'],
      2,
      /has no \[id=gold\] \(its ids are starter, active, performer, elite\)/,
    ],
    [[...active, '--from', '0.25', '--to', '0.20', '--step', '0.01'], 2, /the range is empty/],
    [[...active, '--from', '0.20', '--to', '0.25', '--step', '0'], 2, /the step must be positive/],
    [
      [...active, '--from', '0.90', '--to', '1.10', '--step', '0.10'],
      2,
      /baseRate = 1\.10 the programme is invalid/,
    ],
    [[...active, '--from', '0.20', '--to', '0.25'], 2, /required option '--step <s>' not specified/],
    [
      [...active, ...active, '--from', '0.20', '--to', '0.25', '--step', '0.01'],
      2,
      /each --set needs its own --from, --to and --step/,
    ],
  ])('%j exits %i with one line', (args, status, message) => {
    const result = cli(args[0] === '--help' ? ['sweep', '--help'] : sweepArgs(...args));
    expect(result.status).toBe(status);
    expect(status === 0 ? result.stdout : result.stderr).toMatch(message);
    if (status !== 0) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

// `partner-engine kpis` and `forecast` run as a user runs them (the built bundle in a child
// process): --help exits 0, unusable arguments exit 2 with one line, --format json prints the
// report's shape and CSV parses back to the same records.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/index.js';
import { csvRecords, splitComments } from '../support/csv.js';
import { AS_OF, events as smallHistory } from '../support/small-history.js';
import { buildCli, root } from './built-cli.js';

let built = { folder: '', main: '' };
const data = mkdtempSync(join(tmpdir(), 'partner-engine-kpis-'));
const eventsFile = join(data, 'events.ndjson');
const historyFile = join(data, 'history.json');
const siso = join(root, 'examples', 'programs', 'siso.json');

beforeAll(async () => {
  built = await buildCli('kpis-forecast-');
  const events = generateEvents({ partners: 40, months: 9, seed: 5 });
  writeFileSync(eventsFile, `${events.map((event) => JSON.stringify(event)).join('\n')}\n`);
  writeFileSync(historyFile, JSON.stringify(smallHistory));
}, 60_000);

afterAll(() => {
  rmSync(built.folder, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

function cli(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [built.main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kathmandu', PARTNER_ENGINE_DEBUG: '' },
  });
}

function expectUsageError(result: SpawnSyncReturns<string>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('partner-engine kpis', () => {
  it('answers --help with its usage and the definitions, exit 0', () => {
    const result = cli(['kpis', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: partner-engine kpis/);
    expect(result.stdout).toMatch(/--format <format>/);
    expect(result.stdout).toMatch(/time to tier 2 {2,}median days/);
  });

  it('exits 2 with one line for a missing file, a bad format, a bad --at and a bad programme', () => {
    expectUsageError(cli(['kpis', '--events', join(data, 'none.ndjson')]), /cannot read events file/);
    expectUsageError(
      cli(['kpis', '--events', eventsFile, '--format', 'xml']),
      /Allowed choices are table, json, csv, md, html/,
    );
    expectUsageError(cli(['kpis', '--events', eventsFile, '--at', 'soon']), /--at/);
    const program = join(data, 'program.json');
    writeFileSync(program, '{"id": 3}');
    const result = cli(['kpis', '--events', eventsFile, '--program', program]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is invalid/);
  });

  it('prints the report as JSON: the programme, the as-of time, one object per KPI, the quarters', () => {
    const result = cli(['kpis', '--events', eventsFile, '--format', 'json', '--at', '2025-10-01T00:00:00Z']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'programId',
      'asOf',
      'partners',
      'kpis',
      'quarters',
      'reproducibility',
    ]);
    expect(report.reproducibility).toMatchObject({ asOf: '2025-10-01T00:00:00.000Z' });
    expect(report.reproducibility.events).toMatch(/^[0-9a-f]{64}$/);
    expect(report.reproducibility.line).toMatch(/^events sha256:[0-9a-f]{16} \(\d+\) · programme siso@/);
    expect(report.asOf).toBe('2025-10-01T00:00:00.000Z');
    expect(report.partners).toBe(40);
    expect(report.kpis.map((kpi: { id: string }) => kpi.id)).toEqual([
      'time-to-tier-2',
      'tier-retention',
      'feature-adoption',
      'training-completion',
      'top-tier-retention',
      'revenue-per-partner-month:starter',
      'revenue-per-partner-month:active',
      'revenue-per-partner-month:performer',
      'revenue-per-partner-month:elite',
      'activation-rate',
      'time-to-first-deal',
    ]);
    for (const kpi of report.kpis) {
      expect(Object.keys(kpi)).toEqual(['id', 'name', 'value', 'unit', 'target', 'status', 'basis']);
      expect(kpi.value).toMatch(/^(n\/a|\d+\.\d+)$/);
      expect(['met', 'not met', 'n/a', 'no target']).toContain(kpi.status);
    }
    // Q1, Q2 and Q3 2025 are complete by 1 October.
    expect(report.quarters.map((quarter: { quarter: string }) => quarter.quarter)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
    ]);
  });

  it('writes CSV that parses back to one record per KPI under a header row', () => {
    const out = join(data, 'kpis.csv');
    const result = cli(['kpis', '--events', eventsFile, '--format', 'csv', '--out', out]);
    expect(result.status).toBe(0);
    const json = JSON.parse(cli(['kpis', '--events', eventsFile, '--format', 'json']).stdout);
    const text = readFileSync(out, 'utf8');
    expect(splitComments(text).comments).toEqual([`# ${json.reproducibility.line}`]);
    const records = csvRecords(text);
    expect(records).toHaveLength(json.kpis.length);
    expect(records[1]).toEqual({
      id: json.kpis[1].id,
      kpi: json.kpis[1].name,
      value: json.kpis[1].value,
      unit: json.kpis[1].unit,
      target: json.kpis[1].target,
      status: json.kpis[1].status,
      'based on': json.kpis[1].basis,
    });
  });
});

describe('partner-engine forecast', () => {
  const base = [
    'forecast',
    '--events',
    historyFile,
    '--baseline',
    siso,
    '--months',
    '3',
    '--seeds',
    '3',
    '--at',
    AS_OF,
  ];

  it('answers --help with its usage and how it works, exit 0', () => {
    const result = cli(['forecast', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: partner-engine forecast/);
    expect(result.stdout).toMatch(/--candidate <file>/);
    expect(result.stdout).toMatch(/nearest-rank percentiles/);
  });

  it.each([
    [['--months', '0'], /--months/],
    [['--months', 'six'], /--months/],
    [['--seeds', '1001'], /--seeds/],
    [['--seed', '1.5'], /--seed/],
    [['--candidate', join(data, 'none.json')], /cannot read programme file/],
    [['--format', 'html5'], /Allowed choices are table, json, csv, md, html/],
  ])('exits 2 with one line for %j', (changes, pattern) => {
    expectUsageError(cli([...base, ...changes]), pattern);
  });

  it('exits 2 with one line for a candidate in another currency', () => {
    const euro = join(data, 'euro.json');
    writeFileSync(euro, readFileSync(siso, 'utf8').replace('"code": "USD"', '"code": "EUR"'));
    expectUsageError(
      cli([...base, '--candidate', euro]),
      /^partner-engine: --candidate: candidate 1 is in EUR, the baseline in USD$/m,
    );
  });

  it('exits 2 with one line for a history without a complete month', () => {
    const short = join(data, 'short.json');
    writeFileSync(short, JSON.stringify(smallHistory.slice(0, 3)));
    const args = ['forecast', '--events', short, '--baseline', siso, '--months', '3', '--seeds', '2'];
    expectUsageError(cli(args), /--events: the history has no complete calendar month/);
  });

  it('prints the report as JSON: period, calibration, revenue, programmes and one run per seed', () => {
    const result = cli([...base, '--candidate', siso, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'from',
      'to',
      'months',
      'seeds',
      'seed',
      'currency',
      'calibration',
      'revenue',
      'programmes',
      'byMonth',
      'runs',
      'reproducibility',
    ]);
    expect(report.reproducibility.line).toMatch(
      / · baseline siso@.* · candidate 1 siso@.* · as of 2025-10-01T00:00:00.000Z · seed 1$/,
    );
    expect(report).toMatchObject({
      from: '2025-10-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      months: 3,
      seeds: 3,
      seed: 1,
    });
    expect(report.programmes.map((programme: { role: string }) => programme.role)).toEqual([
      'baseline',
      'candidate 1',
    ]);
    expect(Object.keys(report.programmes[0].cost)).toEqual(['p10', 'p50', 'p90']);
    expect(report.programmes[1].delta).toEqual({ p10: '0.00', p50: '0.00', p90: '0.00' });
    expect(report.runs.map((run: { seed: number }) => run.seed)).toEqual([1, 2, 3]);
  });

  it('writes CSV with one record per seed and programme that parses back to the JSON runs', () => {
    const out = join(data, 'forecast.csv');
    expect(cli([...base, '--candidate', siso, '--format', 'csv', '--out', out]).status).toBe(0);
    const json = JSON.parse(cli([...base, '--candidate', siso, '--format', 'json']).stdout);
    const text = readFileSync(out, 'utf8');
    expect(splitComments(text).comments).toEqual([`# ${json.reproducibility.line}`]);
    const records = csvRecords(text);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      seed: '1',
      programme: 'siso',
      role: 'baseline',
      revenue: json.runs[0].revenue,
      cost: json.runs[0].costs[0],
      'cost share %': json.runs[0].costShares[0],
      delta: '',
    });
    expect(records[1]).toMatchObject({ seed: '1', role: 'candidate 1', delta: '0.00' });
  });
});

describe('the HTML reports', () => {
  /** One page, nothing fetched: no script, no external reference, the charts inline. */
  function expectSelfContained(html: string): void {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=|https?:/i);
    expect(html).toMatch(/<svg viewBox=/);
    expect(html).toMatch(/<p class="reproducibility">events sha256:[0-9a-f]{16}/);
  }

  it('kpis --format html writes the KPI table and the revenue chart', () => {
    const out = join(data, 'kpis.html');
    expect(cli(['kpis', '--events', eventsFile, '--format', 'html', '--out', out]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expectSelfContained(html);
    expect(html).toMatch(/<th scope="col">kpi<\/th>/);
    expect(html).toMatch(/Revenue per partner per month by tier/);
  });

  it('forecast --format html writes the summary and the cost band chart', () => {
    const base = [
      'forecast',
      '--events',
      historyFile,
      '--baseline',
      siso,
      '--months',
      '3',
      '--seeds',
      '3',
      '--at',
      AS_OF,
    ];
    const result = cli([...base, '--candidate', siso, '--format', 'html']);
    expect(result.status).toBe(0);
    expectSelfContained(result.stdout);
    expect(result.stdout).toMatch(/fill-opacity="0.22"/); // the P10 to P90 band
    expect(result.stdout).toMatch(/Cost so far, USD, P10 to P90 over 3 seeds/);
  });
});

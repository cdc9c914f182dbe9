// `partner-engine run` through its command function, writing to --out: the streamed JSON is the
// bytes the whole report printed at once gives, the NDJSON records reassemble to the same report,
// and the table lists at most --limit rows of each list with a line saying how many are left out.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunOptions, runCommand } from '../../src/cli/commands/run.js';
import { CliError } from '../../src/cli/io.js';
import { generateEvents } from '../../src/index.js';
import type { RunRecord } from '../../src/reports/run-records.js';
import { inMemoryJson } from '../support/run-report.js';

let folder = '';
let eventsPath = '';
let outPath = '';
let eventCount = 0;
const asOf = '2025-07-01T00:00:00Z';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'run-'));
  eventsPath = join(folder, 'events.ndjson');
  outPath = join(folder, 'out.txt');
  const generated = generateEvents({ partners: 60, months: 6, seed: 11 });
  // A line that is not JSON, a duplicate and a deal by a stranger, so every list has something.
  const lines = generated.map((event) => JSON.stringify(event));
  lines.splice(5, 0, '{"id": "torn", ');
  lines.push(lines[1] as string);
  lines.push(
    JSON.stringify({
      id: 'stranger',
      type: 'deal.closed',
      at: '2025-06-30T00:00:00Z',
      partnerId: 'nobody',
      dealId: 'x-stranger',
      amount: '1.00',
      currency: 'USD',
    }),
  );
  writeFileSync(eventsPath, `${lines.join('\n')}\n`);
  eventCount = lines.length;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

let json = '';
/** The report --format json prints for the stream, read once. */
const jsonReport = () => {
  json ||= run({});
  return JSON.parse(json);
};

function run(options: Partial<RunOptions>): string {
  runCommand({ events: eventsPath, at: asOf, format: 'json', out: outPath, ...options });
  return readFileSync(outPath, 'utf8');
}

describe('run --format json', () => {
  it('prints the bytes of the whole report stringified at once', () => {
    const streamed = run({});
    expect(streamed).toBe(inMemoryJson(eventsPath, asOf));
    const report = JSON.parse(streamed);
    expect(Object.keys(report)).toEqual(['asOf', 'partners', 'ledger', 'effects', 'rejected', 'skipped']);
    expect(report.partners).toHaveLength(60);
    expect(report.ledger.length).toBeGreaterThan(100);
    expect(report.rejected.map((rejection: { code: string }) => rejection.code)).toEqual([
      'INVALID_EVENT',
      'UNKNOWN_PARTNER',
    ]);
    expect(report.skipped).toHaveLength(1);
  });

  it('prints the same bytes for no events at all: asOf null and empty lists', () => {
    const empty = join(folder, 'empty.ndjson');
    writeFileSync(empty, '\n');
    expect(run({ events: empty, at: undefined })).toBe(inMemoryJson(empty));
    expect(readFileSync(outPath, 'utf8')).toBe(
      '{\n  "asOf": null,\n  "partners": [],\n  "ledger": [],\n  "effects": [],\n  "rejected": [],\n  "skipped": []\n}\n',
    );
  });
});

describe('run --format ndjson', () => {
  const records = () =>
    run({ format: 'ndjson' })
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RunRecord);

  it('opens with a start line and closes with an end line carrying asOf and the counts', () => {
    const lines = records();
    expect(lines[0]).toEqual({ kind: 'start', program: 'siso', events: eventCount });
    const report = jsonReport();
    expect(lines.at(-1)).toEqual({
      kind: 'end',
      asOf: '2025-07-01T00:00:00.000Z',
      counts: {
        partners: report.partners.length,
        ledger: report.ledger.length,
        effects: report.effects.length,
        rejected: report.rejected.length,
        skipped: report.skipped.length,
      },
    });
  });

  it('reassembles to the report --format json prints', () => {
    const lines = records();
    const report = {
      asOf: null as string | null,
      partners: [],
      ledger: [],
      effects: [],
      rejected: [],
      skipped: [],
    };
    const lists: Record<string, unknown[]> = {
      partner: report.partners,
      entry: report.ledger,
      effect: report.effects,
      rejected: report.rejected,
      skipped: report.skipped,
    };
    for (const line of lines) {
      if (line.kind === 'end') report.asOf = line.asOf;
      else if (line.kind !== 'start') lists[line.kind]?.push((line as Record<string, unknown>)[line.kind]);
    }
    expect(report).toEqual(jsonReport());
  });

  it('gives each line one kind, with the payload under a key of that name', () => {
    for (const line of records()) {
      if (line.kind === 'start' || line.kind === 'end') continue;
      expect(Object.keys(line)).toEqual(['kind', line.kind]);
    }
  });
});

describe('run --format table', () => {
  const partnerRows = (text: string) => text.split('\n').filter((line) => /^│ p\d+/.test(line));

  it('lists 50 partners by default and says how many more there are and how to see them', () => {
    const text = run({ format: 'table' });
    expect(text).toContain('Partners (60)');
    expect(partnerRows(text)).toHaveLength(50);
    expect(text).toContain('… and 10 more (--limit N or --all lists more; --format json lists them all)');
  });

  it('lists --limit rows, or every row with --all', () => {
    expect(partnerRows(run({ format: 'table', limit: 3 }))).toHaveLength(3);
    const all = run({ format: 'table', all: true });
    expect(partnerRows(all)).toHaveLength(60);
    expect(all).not.toContain('more (--limit');
  });

  it('totals the ledger as the JSON lists it', () => {
    const report = jsonReport();
    const text = run({ format: 'table' });
    expect(text).toContain(`Ledger (${report.ledger.length} entries, USD)`);
    const commissions = report.ledger.filter((entry: { kind: string }) => entry.kind === 'commission').length;
    expect(text).toMatch(new RegExp(`│ commission\\s+│\\s+${commissions} │`));
    expect(text).toContain(`Effects (${report.effects.length})`);
  });
});

describe('run options', () => {
  it('refuses --limit or --all with another format (exit 2)', () => {
    for (const options of [{ limit: 3 }, { all: true }, { format: 'ndjson' as const, limit: 3 }]) {
      expect(() => runCommand({ events: eventsPath, format: 'json', ...options })).toThrow(
        /--limit and --all apply to --format table/,
      );
    }
  });

  it('refuses an --out it cannot create (exit 2), before replaying', () => {
    const options = { events: eventsPath, format: 'json' as const, out: join(folder, 'absent', 'out.json') };
    expect(() => runCommand(options)).toThrow(CliError);
    expect(() => runCommand(options)).toThrow('cannot write');
  });

  it('leaves no --out file behind when the run fails', () => {
    const out = join(folder, 'failed.json');
    expect(() => runCommand({ events: eventsPath, format: 'json', out, at: '2199-01-01T00:00:00Z' })).toThrow(
      '--at',
    );
    expect(existsSync(out)).toBe(false);
  });
});

// `partner-engine portal` and `partner-engine overview`, run as a user runs them (the built
// bundle in a child process) over a small stream written here: exit statuses, one-line errors,
// and the key lines of the Markdown, JSON, text and HTML outputs, worked out by hand.
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './built-cli.js';

let bundle = { folder: '', main: '' };
let data = '';
let eventsPath = '';

// ana joins, is certified and closes three 1,000.00 deals: 20 % of the first two (200.00 each),
// then Active and 22 % of the third (220.00): earned 620.00. On 10 February the first deal's 30
// days have ended (9 February): 200.00 payable, 200.00 + 220.00 = 420.00 pending. ben, whom ana
// referred, joins and sells nothing.
const events = [
  { id: 'j1', type: 'partner.joined', at: '2025-01-06T09:00:00Z', partnerId: 'ana', sponsorId: null },
  { id: 'j2', type: 'partner.joined', at: '2025-01-07T09:00:00Z', partnerId: 'ben', sponsorId: 'ana' },
  {
    id: 't1',
    type: 'training.completed',
    at: '2025-01-08T09:00:00Z',
    partnerId: 'ana',
    moduleId: 'certification',
  },
  ...['2025-01-10', '2025-01-20', '2025-02-05'].map((day, index) => ({
    id: `d${index + 1}`,
    type: 'deal.closed',
    at: `${day}T12:00:00Z`,
    partnerId: 'ana',
    dealId: `deal-${index + 1}`,
    amount: '1000.00',
    currency: 'USD',
  })),
];

beforeAll(async () => {
  bundle = await buildCli('portal-cli-');
  data = mkdtempSync(join(tmpdir(), 'partner-engine-portal-'));
  eventsPath = join(data, 'events.ndjson');
  writeFileSync(eventsPath, `${events.map((event) => JSON.stringify(event)).join('\n')}\n`);
}, 60_000);

afterAll(() => {
  rmSync(bundle.folder, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

function cli(args: readonly string[], timeZone = 'UTC'): SpawnSyncReturns<string> {
  return runCli(bundle.main, args, { timeZone });
}

function expectOneLineFailure(result: SpawnSyncReturns<string>, mentions: string): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const AT = '2025-02-10T00:00:00Z';

describe('partner-engine portal', () => {
  it('answers --help with its usage and exit 0', () => {
    const result = cli(['portal', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: partner-engine portal [options]');
    expect(result.stdout).toContain('--partner <id>');
  });

  it('prints the page as Markdown', () => {
    const result = cli(['portal', '--events', eventsPath, '--partner', 'ana', '--at', AT, '--format', 'md']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Partner ana', '', '`as of 2025-02-10T00:00:00.000Z`']);
    expect(lines).toContain('- Tier: Active Partner, 22 % commission, in good standing');
    // 3 counted deals of Performer's 10: 30 %.
    expect(lines).toContain('- Progress to Performer Partner: 30 %');
    expect(lines).toContain('| Close 10 deals | 3 of 10 deals | no | Close 7 more deals |');
    expect(lines).toContain('| pending | 420.00 |');
    expect(lines).toContain('| payable | 200.00 |');
    // Leaderboard of February among Actives: ana alone, with the 5 February deal.
    expect(lines).toContain(
      '- Leaderboard February 2025: #1 of 1 in Active Partner with 1,000.00 USD, first',
    );
  });

  it('prints the view model as JSON', () => {
    const result = cli([
      'portal',
      '--events',
      eventsPath,
      '--partner',
      'ana',
      '--at',
      AT,
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.tier).toMatchObject({ id: 'active', rate: '0.22', status: 'good', atRisk: null });
    expect(view.progress.percent).toBe(30);
    expect(view.commissions).toMatchObject({ earned: '620.00', pending: '420.00', payable: '200.00' });
    expect(view.team).toMatchObject({ size: 1, directSubPartners: 1, sellingSubPartners: 0 });
  });

  it('prints text tables by default', () => {
    const result = cli(['portal', '--events', eventsPath, '--partner', 'ana', '--at', AT]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Partner ana');
    expect(result.stdout).toMatch(/│ pending +│ +420\.00 │/);
  });

  it('writes HTML when --out ends in .html, the same bytes in any time zone', () => {
    const utc = join(data, 'ana-utc.html');
    const kiritimati = join(data, 'ana-kiritimati.html');
    expect(cli(['portal', '--events', eventsPath, '--partner', 'ana', '--at', AT, '--out', utc]).status).toBe(
      0,
    );
    const far = ['portal', '--events', eventsPath, '--partner', 'ana', '--at', AT, '--out', kiritimati];
    expect(cli(far, 'Pacific/Kiritimati').status).toBe(0);
    const html = readFileSync(utc, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('aria-valuenow="30"');
    expect(readFileSync(kiritimati, 'utf8')).toBe(html);
  });

  it('refuses an unknown partner, a bad --at and a missing file with one line and exit 2', () => {
    expectOneLineFailure(
      cli(['portal', '--events', eventsPath, '--partner', 'zoe']),
      'partner "zoe" has not joined',
    );
    expectOneLineFailure(
      cli(['portal', '--events', eventsPath, '--partner', 'ana', '--at', '2025-02-30T00:00:00Z']),
      "option '--at <instant>' argument '2025-02-30T00:00:00Z' is invalid",
    );
    expectOneLineFailure(
      cli(['portal', '--events', join(data, 'missing.ndjson'), '--partner', 'ana']),
      'missing.ndjson": no such file',
    );
    expectOneLineFailure(
      cli(['portal', '--events', eventsPath]),
      "required option '--partner <id>' not specified",
    );
    expectOneLineFailure(
      cli(['portal', '--events', eventsPath, '--partner', 'ana', '--format', 'pdf']),
      "argument 'pdf' is invalid",
    );
  });
});

describe('partner-engine overview', () => {
  it('answers --help with its usage and exit 0', () => {
    const result = cli(['overview', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: partner-engine overview [options]');
  });

  it('prints the overview as Markdown', () => {
    const result = cli(['overview', '--events', eventsPath, '--at', AT, '--format', 'md']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# Programme overview: 2 partners');
    // ana's 200.00 payable and 420.00 pending (ben has earned nothing): owed 620.00.
    expect(lines).toContain('- Owed: 620.00 USD (pending 420.00 USD + payable 200.00 USD)');
    // The run of 15 February pays the 200.00 (at least the 50.00 minimum) to ana alone.
    expect(lines).toContain('- Next payout run on 15 Feb 2025: 200.00 USD to 1 partner');
    expect(lines).toContain('| Starter Partner | 1 | 0 | 0 |');
    expect(lines).toContain('| Active Partner | 1 | 0 | 0 |');
    expect(lines).toContain('- Elite Partner: 0 of 20 places held, nobody waiting');
  });

  it('prints the overview as JSON', () => {
    const result = cli(['overview', '--events', eventsPath, '--at', AT, '--format', 'json']);
    expect(result.status).toBe(0);
    const overview = JSON.parse(result.stdout);
    expect(overview.partners).toBe(2);
    expect(overview.money).toMatchObject({ owed: '620.00', pending: '420.00', payable: '200.00' });
  });

  it('writes HTML to a file whose name ends in .html', () => {
    const out = join(data, 'overview.html');
    const result = cli(['overview', '--events', eventsPath, '--at', AT, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('<h1>Programme overview</h1>');
  });

  it('refuses a missing programme file and a bad --at with one line and exit 2', () => {
    expectOneLineFailure(
      cli(['overview', '--events', eventsPath, '--program', join(data, 'none.json')]),
      'none.json": no such file',
    );
    expectOneLineFailure(
      cli(['overview', '--events', eventsPath, '--at', 'yesterday']),
      "argument 'yesterday' is invalid",
    );
  });
});

// `run --save-state` and `--state` as a user runs them, in a child process: every command that
// answers from a saved run prints, byte for byte, what it prints after replaying the whole file;
// an events file that goes on from the saved one replays only the new events to the same answer;
// and a saved run that cannot be used for the events, programme or as-of time given is refused
// with one line and exit 2.

import type { SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents, sisoProgram } from '../../src/index.js';
import { buildCli, runCli } from './built-cli.js';

let bundle = { folder: '', main: '' };
let folder = '';
/** The whole stream, its first PREFIX events, and the saved runs of both. */
let events = '';
let prefix = '';
let saved = '';
let savedPrefix = '';
let lines: string[] = [];
const PREFIX = 400;

beforeAll(async () => {
  bundle = await buildCli('saved-run-');
  folder = mkdtempSync(join(tmpdir(), 'partner-engine-saved-'));
  lines = generateEvents({ partners: 30, months: 6, seed: 11 }).map((event) => JSON.stringify(event));
  events = file('events.ndjson', `${lines.join('\n')}\n`);
  prefix = file('prefix.ndjson', `${lines.slice(0, PREFIX).join('\n')}\n`);
  saved = join(folder, 'events.state');
  savedPrefix = join(folder, 'prefix.state');
  expect(cli(['run', '--events', events, '--save-state', saved, '--format', 'json']).status).toBe(0);
  expect(cli(['run', '--events', prefix, '--save-state', savedPrefix, '--format', 'json']).status).toBe(0);
}, 90_000);

afterAll(() => {
  rmSync(bundle.folder, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

function cli(args: readonly string[]): SpawnSyncReturns<string> {
  return runCli(bundle.main, args, { timeZone: 'America/St_Johns' });
}

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const fullReplays = new Map<string, SpawnSyncReturns<string>>();

/** The same command after a full replay and from a saved run: same bytes, exit 0, nothing on stderr. */
function expectSameAnswer(args: readonly string[], state: string): void {
  const key = JSON.stringify(args);
  const replayed = fullReplays.get(key) ?? cli([...args, '--events', events]);
  fullReplays.set(key, replayed);
  const answered = cli([...args, '--events', events, '--state', state]);
  expect(replayed.status).toBe(0);
  expect(answered.stderr).toBe('');
  expect(answered.status).toBe(0);
  expect(answered.stdout.length).toBeGreaterThan(100);
  expect(answered.stdout).toBe(replayed.stdout);
}

/** A refusal the user can read: exit 2, one line on stderr mentioning `mentions`, no stack. */
function expectRefused(result: SpawnSyncReturns<string>, mentions: string): void {
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status).toBe(2);
}

const COMMANDS: readonly (readonly string[])[] = [
  ['run', '--format', 'json'],
  ['run', '--format', 'ndjson'],
  ['run', '--format', 'table', '--all'],
  ['explain', '--partner', 'p003', '--from', '2025-02-01T00:00:00Z'],
  ['leaderboard', '--period', '2025-Q1', '--metric', 'commission'],
  ['kpis', '--format', 'json'],
  ['portal', '--partner', 'p003', '--format', 'json'],
  ['overview', '--format', 'md'],
];

describe('--state: the answer of a full replay, without the replay', () => {
  it.each(COMMANDS)('%s %s %s …: the saved run of the same events', (...args) => {
    expectSameAnswer(args, saved);
  });

  it.each(COMMANDS)('%s %s %s …: the saved run of the first 400 events, and the rest replayed', (...args) => {
    expectSameAnswer(args, savedPrefix);
  });

  it('explain --entry explains a ledger entry the saved run holds', () => {
    const report = JSON.parse(cli(['run', '--events', events, '--format', 'json']).stdout) as {
      ledger: { id: string }[];
    };
    // An entry from early in the stream, from the saved run; one from its end, replayed after it.
    const [first, last] = [report.ledger[0]?.id ?? '', report.ledger.at(-1)?.id ?? ''];
    expectSameAnswer(['explain', '--entry', first], saved);
    expectSameAnswer(['explain', '--entry', last, '--format', 'json'], savedPrefix);
  });

  it('run --state --save-state keeps the longer run: the file a full replay saves, byte for byte', () => {
    const continued = join(folder, 'continued.state');
    const result = cli(['run', '--events', events, '--state', savedPrefix, '--save-state', continued]);
    expect(result.status).toBe(0);
    expect(readFileSync(continued, 'utf8')).toBe(readFileSync(saved, 'utf8'));
  });

  it('a run saved with --at answers as of that time, with --at left out or given again', () => {
    // Events after 15 March are skipped when saving, as a replay with the same --at skips them.
    const at = '2025-03-15T00:00:00Z';
    const state = join(folder, 'march.state');
    expect(cli(['run', '--events', events, '--at', at, '--save-state', state]).status).toBe(0);
    const board = ['leaderboard', '--period', '2025-Q1', '--events', events];
    const full = cli([...board, '--at', at]);
    expect(full.status).toBe(0);
    // The second half of March moves the quarter's board: the saved --at is what is answered.
    expect(full.stdout).not.toBe(cli(board).stdout);
    expect(cli([...board, '--state', state]).stdout).toBe(full.stdout);
    expect(cli([...board, '--state', state, '--at', '2025-03-15T00:00:00+00:00']).stdout).toBe(full.stdout);
  });

  it('a saved run is JSON lines: a versioned header, then the state, entries, effects and an end line', () => {
    const text = readFileSync(savedPrefix, 'utf8');
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const header = records[0] as { format: string; events: { count: number }; program: { program: string } };
    expect(header.format).toBe('partner-engine/saved-run@1');
    expect(header.events.count).toBe(PREFIX);
    expect(header.program.program).toBe(`${sisoProgram.id}@${sisoProgram.version}`);
    expect(records.at(-1)).toEqual({ kind: 'end', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(new Set(records.slice(1, -1).map((record) => record.kind))).toEqual(
      new Set(['tree', 'entry', 'effect']),
    );
  });
});

describe('--state refuses what it cannot answer for, exit 2', () => {
  it('a state file that does not exist, or a directory', () => {
    expectRefused(
      cli(['leaderboard', '--period', '2025', '--events', events, '--state', join(folder, 'none.state')]),
      'cannot read state file',
    );
    expectRefused(cli(['run', '--events', events, '--state', folder]), 'it is a directory');
  });

  it('a file that is not a saved run', () => {
    expectRefused(cli(['run', '--events', events, '--state', events]), 'is not a saved run');
  });

  it('a saved run made under another programme, or another version of the same one', () => {
    const other = file('other.json', JSON.stringify({ ...sisoProgram, id: 'other' }));
    expectRefused(
      cli(['run', '--events', events, '--program', other, '--state', saved]),
      'was saved under programme siso@',
    );
    const richer = structuredClone(sisoProgram) as { holdPeriodDays: number };
    richer.holdPeriodDays += 1;
    expectRefused(
      cli([
        'run',
        '--events',
        events,
        '--program',
        file('richer.json', JSON.stringify(richer)),
        '--state',
        saved,
      ]),
      'with other terms',
    );
  });

  it('events that are fewer than, or differ from, those the run was saved from', () => {
    expectRefused(cli(['run', '--events', prefix, '--state', saved]), 'fewer than the');
    const changed = [...lines];
    changed[3] = changed[3]?.replace('"at":', '"note":"x","at":') ?? '';
    const other = file('changed.ndjson', `${changed.join('\n')}\n`);
    expectRefused(
      cli(['run', '--events', other, '--state', savedPrefix]),
      `does not begin with the ${PREFIX} events`,
    );
  });

  it('a new event earlier than the saved run reached', () => {
    const early = JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), id: 'late-join', partnerId: 'p-late' });
    const path = file('early.ndjson', `${[...lines.slice(0, PREFIX), early].join('\n')}\n`);
    expectRefused(
      cli(['run', '--events', path, '--state', savedPrefix]),
      `event late-join (index ${PREFIX})`,
    );
  });

  it('another --at than the saved run was made with', () => {
    expectRefused(
      cli(['run', '--events', events, '--state', saved, '--at', '2025-03-01T00:00:00Z']),
      'was saved as of its last event',
    );
  });

  it('a saved run changed after it was saved: its checksum no longer matches', () => {
    // One amount of one entry made larger: the file is still well-formed JSON lines.
    const text = readFileSync(saved, 'utf8').replace(/"amount":"(\d+)\./, '"amount":"9$1.');
    expectRefused(
      cli(['run', '--events', events, '--state', file('changed.state', text)]),
      'do not match the checksum written at its end',
    );
  });

  it('a corrupt state with a checksum that matches: the engine’s message, one line', () => {
    const text = resealed(readFileSync(saved, 'utf8').replace('"holders":[', '"holders":[0,'));
    expectRefused(
      cli(['run', '--events', events, '--state', file('corrupt.state', text)]),
      'INVALID_STATE: corrupt state: it counts holders for 5 tiers; programme "siso" has 4',
    );
  });

  it('a saved run cut short', () => {
    const text = readFileSync(saved, 'utf8');
    const cut = text.slice(0, text.lastIndexOf('{"kind":"end"'));
    expectRefused(cli(['run', '--events', events, '--state', file('cut.state', cut)]), 'it has no end line');
  });

  it('--save-state into a directory, or a folder that does not exist, before any replay', () => {
    expectRefused(cli(['run', '--events', events, '--save-state', folder]), 'it is a directory');
    const missing = join(folder, 'no-such-folder', 'run.state');
    expectRefused(cli(['run', '--events', events, '--save-state', missing]), 'no such file');
  });

  it('leaves an earlier saved run as it was, and no partial file, when the new run fails', () => {
    const place = join(folder, 'kept');
    mkdirSync(place);
    const kept = join(place, 'run.state');
    expect(cli(['run', '--events', prefix, '--save-state', kept]).status).toBe(0);
    const before = readFileSync(kept, 'utf8');
    expectRefused(cli(['run', '--events', prefix, '--state', saved, '--save-state', kept]), 'fewer than the');
    expect(readFileSync(kept, 'utf8')).toBe(before);
    expect(readdirSync(place)).toEqual(['run.state']);
  });
});

describe('--help', () => {
  it.each([
    ['run', ['--state <file>', '--save-state <file>', '--strict']],
    ['explain', ['--state <file>', '--strict']],
    ['leaderboard', ['--state <file>', '--strict']],
    ['kpis', ['--state <file>', '--strict', 'the replay is not done again']],
    ['simulate', ['There is no --state here']],
    ['sweep', ['There is no --state here']],
  ])('%s lists %j, exit 0', (command, texts) => {
    const result = cli([command, '--help']);
    expect(result.status).toBe(0);
    for (const text of texts) expect(result.stdout).toContain(text);
  });
});

/** A saved run's text with its end line's checksum worked out again (as a careful forger would). */
function resealed(text: string): string {
  const body = text.slice(0, text.lastIndexOf('{"kind":"end"'));
  const sha256 = createHash('sha256').update(body).digest('hex');
  return `${body}{"kind":"end","sha256":"${sha256}"}\n`;
}

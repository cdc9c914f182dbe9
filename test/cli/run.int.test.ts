// `partner-engine run` as a user runs it, in a child process: events on standard input, a reader
// that stops early, no progress bar when stderr is not a terminal, and its usage.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/index.js';
import { buildCli, runCli } from './built-cli.js';

let bundle = { folder: '', main: '' };
let dataDirectory = '';
let eventsPath = '';
let eventsText = '';

beforeAll(async () => {
  bundle = await buildCli('run-cli-');
  dataDirectory = mkdtempSync(join(tmpdir(), 'partner-engine-run-'));
  eventsPath = join(dataDirectory, 'events.ndjson');
  eventsText = `${generateEvents({ partners: 40, months: 4, seed: 5 })
    .map((event) => JSON.stringify(event))
    .join('\n')}\n`;
  writeFileSync(eventsPath, eventsText);
}, 60_000);

afterAll(() => {
  rmSync(bundle.folder, { recursive: true, force: true });
  rmSync(dataDirectory, { recursive: true, force: true });
});

function cli(args: readonly string[], input?: string) {
  return runCli(bundle.main, args, input === undefined ? {} : { input });
}

describe('partner-engine run --events -', () => {
  it.each(['json', 'ndjson', 'table'])('reads the events from standard input (--format %s)', (format) => {
    const fromFile = cli(['run', '--events', eventsPath, '--format', format]);
    const fromStdin = cli(['run', '--events', '-', '--format', format], eventsText);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stdout.length).toBeGreaterThan(1000);
  });

  it('reads a JSON array from standard input', () => {
    const events = eventsText
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const fromArray = cli(['run', '--events', '-', '--format', 'json'], JSON.stringify(events));
    expect(fromArray.status).toBe(0);
    expect(fromArray.stdout).toBe(cli(['run', '--events', eventsPath, '--format', 'json']).stdout);
  });
});

describe('partner-engine run output', () => {
  it('writes --out instead of stdout', () => {
    const out = join(dataDirectory, 'report.json');
    const result = cli(['run', '--events', eventsPath, '--format', 'json', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(['run', '--events', eventsPath, '--format', 'json']).stdout);
  });

  it('writes no progress bar when stderr is not a terminal', () => {
    const result = cli(['run', '--events', eventsPath, '--format', 'ndjson']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('replaying');
  });

  it('exits 0 quietly when the reader stops early', async () => {
    const child = spawn(process.execPath, [bundle.main, 'run', '--events', eventsPath, '--format', 'json']);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('partner-engine run usage', () => {
  it('--help describes the formats and the NDJSON lines, exit 0', () => {
    const result = cli(['run', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: partner-engine run');
    for (const text of [
      'ndjson',
      '"kind":"entry"',
      '"kind":"end"',
      '--limit',
      '--all',
      '--out',
      '- for standard input',
    ])
      expect(result.stdout).toContain(text);
  });

  it.each([
    [['--limit', '0'], '--limit'],
    [['--limit', 'ten'], '--limit'],
    [['--limit', '5', '--all'], '--all'],
    [['--format', 'json', '--limit', '5'], '--limit and --all apply to --format table'],
    [['--format', 'xml'], '--format'],
  ])('%j exits 2 with one line', (args, mentions) => {
    const result = cli(['run', '--events', eventsPath, ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(mentions);
  });
});

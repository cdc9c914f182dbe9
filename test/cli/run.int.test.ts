// `partner-engine run` as a user runs it, in a child process: events on standard input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/index.js';
import { buildCli } from './built-cli.js';

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
  return spawnSync(process.execPath, [bundle.main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', PARTNER_ENGINE_DEBUG: '' },
    ...(input === undefined ? {} : { input }),
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('partner-engine run --events -', () => {
  it.each(['json', 'table'])('reads the events from standard input (--format %s)', (format) => {
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

  it('--help says - is for standard input', () => {
    const result = cli(['run', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('- for standard input');
  });
});

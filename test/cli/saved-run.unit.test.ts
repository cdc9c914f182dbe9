// What --state saves: a replay from a saved run reads the events it covers for their digest
// only, never parses them for the engine; events added after it are the only ones replayed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IndexedEvents } from '../../src/cli/event-index.js';
import { DISCARD, replayFile, withUnparsable } from '../../src/cli/replay.js';
import { generateEvents } from '../../src/index.js';

let folder = '';
let events = '';
let prefix = '';
let lines: string[] = [];
const PREFIX = 300;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'partner-engine-saved-unit-'));
  lines = generateEvents({ partners: 20, months: 5, seed: 4 }).map((event) => JSON.stringify(event));
  events = join(folder, 'events.ndjson');
  prefix = join(folder, 'prefix.ndjson');
  writeFileSync(events, `${lines.join('\n')}\n`);
  writeFileSync(prefix, `${lines.slice(0, PREFIX).join('\n')}\n`);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const quiet = { onEntry: DISCARD, onEffect: DISCARD };

describe('replayFile with --state', () => {
  it('parses none of the events again when the file is the one the run was saved from', () => {
    const state = join(folder, 'all.state');
    replayFile({ events, saveState: state }, quiet);
    const parsed = vi.spyOn(IndexedEvents.prototype, 'event');
    const replayed = replayFile({ events, state }, quiet);
    expect(parsed).not.toHaveBeenCalled();
    expect(replayed.eventCount).toBe(lines.length);
  });

  it('parses only the events after the saved ones: once for their times, once for the replay', () => {
    const state = join(folder, 'prefix.state');
    replayFile({ events: prefix, saveState: state }, quiet);
    const parsed = vi.spyOn(IndexedEvents.prototype, 'event');
    replayFile({ events, state }, quiet);
    // Each of the lines.length - 300 new events is parsed twice, none of the first 300.
    expect(parsed).toHaveBeenCalledTimes(2 * (lines.length - PREFIX));
    const indexes = parsed.mock.calls.map(([index]) => index);
    expect(Math.min(...indexes)).toBe(PREFIX);
  });

  it('gives the state, as-of time and ledger a full replay gives', () => {
    const state = join(folder, 'prefix-again.state');
    replayFile({ events: prefix, saveState: state });
    const continued = replayFile({ events, state });
    const full = replayFile({ events });
    expect(continued.result.asOf).toBe(full.result.asOf);
    expect(JSON.stringify(continued.result.state)).toBe(JSON.stringify(full.result.state));
    // As JSON: the engine's entries are objects of a class with fields left undefined, which
    // JSON (the report, the saved run) leaves out.
    expect(JSON.stringify(continued.result.ledger)).toBe(JSON.stringify(full.result.ledger));
    expect(JSON.stringify(continued.result.effects)).toBe(JSON.stringify(full.result.effects));
    expect(continued.result.ledger.length).toBeGreaterThan(0);
  });

  it('lists the rejections of the saved events and of the new ones, lines that are not JSON among them', () => {
    // Line 6 (index 5) and the fourth new line (index 303) are not JSON; index 301 names a
    // partner who never joined. A full replay rejects those three, in input order.
    const broken = [...lines.slice(0, PREFIX + 6)];
    broken[5] = 'not json';
    broken[PREFIX + 1] = JSON.stringify({ ...JSON.parse(broken[PREFIX + 1] ?? '{}'), partnerId: 'nobody' });
    broken[PREFIX + 3] = '{"cut":';
    const whole = join(folder, 'broken.ndjson');
    const start = join(folder, 'broken-start.ndjson');
    writeFileSync(whole, `${broken.join('\n')}\n`);
    writeFileSync(start, `${broken.slice(0, PREFIX).join('\n')}\n`);
    const state = join(folder, 'broken.state');
    replayFile({ events: start, saveState: state }, quiet);
    const continued = replayFile({ events: whole, state }, quiet);
    const full = replayFile({ events: whole }, quiet);
    const fullRejected = withUnparsable(full.result.rejected, full.unparsable);
    expect(continued.result.rejected.map((rejection) => [rejection.index, rejection.code])).toEqual([
      [5, 'INVALID_EVENT'],
      [PREFIX + 1, 'UNKNOWN_PARTNER'],
      [PREFIX + 3, 'INVALID_EVENT'],
    ]);
    expect(continued.result.rejected).toEqual(fullRejected);
  });
});

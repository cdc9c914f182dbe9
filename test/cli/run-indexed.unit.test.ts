// `run` over an NDJSON file reads its events back from an index, one at a time, instead of holding
// them: what it prints must be the bytes the same events give when held. Pinned against the whole
// report stringified at once (engine.replay over readEventsFile's events), and against the same
// events given as a JSON array (read whole, replayed by engine.replay), in every format; and the
// indexed replay itself against engine.replay, result for result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunFormat, runCommand } from '../../src/cli/commands/run.js';
import { IndexedEvents, openEventsFile } from '../../src/cli/event-index.js';
import { createEngine, generateEvents, sisoProgram } from '../../src/index.js';
import { inMemoryJson } from '../support/run-report.js';

let folder = '';
let generated: Array<Record<string, unknown>> = [];
const AS_OF = '2025-03-15T00:00:00Z';

/** A fixed shuffle (Fisher–Yates over a linear congruential generator), so the test is the same each run. */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const lines = (events: readonly unknown[]) => events.map((event) => JSON.stringify(event));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** A deal by nobody, after every generated event: rejected, so it must not move the as-of time. */
const stranger = {
  id: 'stranger',
  type: 'deal.closed',
  at: '2025-06-30T00:00:00Z',
  partnerId: 'nobody',
  dealId: 'x-stranger',
  amount: '1.00',
  currency: 'USD',
};

/** The streams: in time order, shuffled with a duplicate, and untidy (BOM, CRLF, blanks, a torn line). */
const streams: Record<string, () => string> = {
  'in time order': () => `${lines(generated).join('\n')}\n`,
  'shuffled, with a duplicate': () => `${lines([...shuffled(generated, 7), generated[9]]).join('\n')}\n`,
  'untidy: a byte order mark, CRLF, blank lines, a torn line': () => {
    const untidy = lines([...shuffled(generated, 3), stranger]);
    untidy.splice(3, 0, '{"id": "torn", ');
    untidy.splice(10, 0, '', '   ');
    return `\uFEFF${untidy.join('\r\n')}`;
  },
};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'run-indexed-'));
  generated = generateEvents({ partners: 30, months: 4, seed: 21 }) as unknown as Array<
    Record<string, unknown>
  >;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(events: string, format: RunFormat, at: string | undefined): string {
  const out = join(folder, `out-${format}.txt`);
  runCommand({ events, format, out, ...(at === undefined ? {} : { at }) });
  return readFileSync(out, 'utf8');
}

describe.each(Object.keys(streams))('run over an NDJSON file %s', (name) => {
  const path = () => file(`${name.replace(/\W+/g, '-')}.ndjson`, (streams[name] as () => string)());

  it('is indexed, not read whole', () => {
    const opened = openEventsFile(path());
    expect(opened).toBeInstanceOf(IndexedEvents);
    if (opened instanceof IndexedEvents) opened.close();
  });

  it.each([undefined, AS_OF])('prints the bytes of the whole report stringified at once (--at %s)', (at) => {
    const events = path();
    const printed = run(events, 'json', at);
    expect(printed).toBe(inMemoryJson(events, at));
    // Not an empty run: every partner who joined by the as-of time is listed, with entries and effects.
    const report = JSON.parse(printed);
    const until = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
    const joined = generated.filter(
      (event) => event.type === 'partner.joined' && Date.parse(String(event.at)) <= until,
    );
    expect(report.partners).toHaveLength(joined.length);
    expect(joined.length).toBeGreaterThan(10);
    expect(report.ledger.length).toBeGreaterThan(10);
    expect(report.effects.length).toBeGreaterThan(10);
  });
});

describe('run over NDJSON and over the same events as a JSON array', () => {
  it.each(['json', 'ndjson', 'table'] as const)('prints the same bytes with --format %s', (format) => {
    const events = [...shuffled(generated, 11), generated[4]];
    const ndjson = file('same.ndjson', `${lines(events).join('\n')}\n`);
    const array = file('same.json', JSON.stringify(events, null, 2));
    expect(openEventsFile(array)).not.toBeInstanceOf(IndexedEvents);
    for (const at of [undefined, AS_OF]) expect(run(ndjson, format, at)).toBe(run(array, format, at));
  });
});

describe('engine.replay over an index of a file', () => {
  it('gives what it gives for the same events held in an array, progress calls included', () => {
    const events = [...shuffled(generated, 5), generated[0]];
    const path = file('replay.ndjson', `${lines(events).join('\n')}\n`);
    const engine = createEngine(sisoProgram);
    const indexed = openEventsFile(path);
    if (!(indexed instanceof IndexedEvents)) throw new Error('not indexed');
    for (const asOf of [undefined, AS_OF]) {
      const calls: { indexed: number[][]; held: number[][] } = { indexed: [], held: [] };
      const options = (list: number[][]) => ({
        ...(asOf === undefined ? {} : { asOf }),
        progressEvery: 100,
        onProgress: (done: number, total: number) => list.push([done, total]),
      });
      const fromIndex = engine.replay(indexed, options(calls.indexed));
      const held = engine.replay(events, options(calls.held));
      expect(fromIndex).toEqual(held);
      // 472 events every 100: at 0, 100, 200, 300, 400, then once at the end.
      expect(calls.indexed).toEqual([0, 100, 200, 300, 400, 472].map((done) => [done, 472]));
      expect(calls.indexed).toEqual(calls.held);
    }
    expect(engine.replay(indexed).skipped).toEqual([
      { eventId: 'e0000001', index: 471, reason: 'duplicate' },
    ]);
    indexed.close();
  });

  it('refuses an as-of time outside the supported range before reading an event', () => {
    const path = file('range.ndjson', `${lines(generated).join('\n')}\n`);
    const indexed = openEventsFile(path);
    if (!(indexed instanceof IndexedEvents)) throw new Error('not indexed');
    expect(() => createEngine(sisoProgram).replay(indexed, { asOf: '2199-01-01T00:00:00Z' })).toThrow(
      /asOf 2199-01-01T00:00:00Z is outside the supported range/,
    );
    indexed.close();
  });
});

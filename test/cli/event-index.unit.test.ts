// An NDJSON event file indexed rather than held: its lines cut at the "\n" byte whatever the read
// size, each event read back by position as the text reader reads it, the engine's replay order
// from the times alone, and the files the index does not read (a JSON array, one pretty-printed
// event) read whole as before.
import { mkdtempSync, openSync as open, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexedEvents, openEventsFile } from '../../src/cli/event-index.js';
import { forEachLine, PositionalReader } from '../../src/cli/file-lines.js';
import { CliError, readEventsFile } from '../../src/cli/io.js';

const folder = mkdtempSync(join(tmpdir(), 'event-index-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const joined = (partnerId: string, at = '2025-01-01T00:00:00Z') => ({
  id: `j-${partnerId}`,
  type: 'partner.joined',
  at,
  partnerId,
  sponsorId: null,
});

function indexed(path: string): IndexedEvents {
  const opened = openEventsFile(path);
  if (!(opened instanceof IndexedEvents)) throw new Error(`${path} was read whole, not indexed`);
  return opened;
}

/** Every event of an index, by input index. */
function eventsOf(events: IndexedEvents): unknown[] {
  return Array.from({ length: events.count }, (_, index) => events.event(index));
}

function linesOf(path: string): Array<[string, number]> {
  const descriptor = open(path, 'r');
  const lines: Array<[string, number]> = [];
  forEachLine(descriptor, (bytes, start) => lines.push([bytes.toString('utf8'), start]) > 0);
  return lines;
}

describe('forEachLine', () => {
  it('gives each line without its "\\n" and the position of its first byte', () => {
    // 'ab' at 0, its "\n" at 2; '' at 3; 'cd' at 4, with no "\n" after it.
    expect(linesOf(file('short.txt', 'ab\n\ncd'))).toEqual([
      ['ab', 0],
      ['', 3],
      ['cd', 4],
    ]);
  });

  it('joins a line longer than one read (1 MiB), and counts positions in bytes', () => {
    // 'é' is 2 bytes: the first line is 2 × 600,000 = 1,200,000 bytes, so the next starts at 1,200,001.
    const long = 'é'.repeat(600_000);
    expect(linesOf(file('long.txt', `${long}\nz\n`))).toEqual([
      [long, 0],
      ['z', 1_200_001],
    ]);
  });
});

describe('PositionalReader', () => {
  it('reads bytes by position, backwards as well as forwards', () => {
    const descriptor = open(file('letters.txt', 'ab\n\ncd'), 'r');
    const reader = new PositionalReader(descriptor);
    expect(String(reader.bytes(4, 2))).toBe('cd');
    expect(String(reader.bytes(0, 2))).toBe('ab');
    expect(String(reader.bytes(1, 1))).toBe('b');
    expect(() => reader.bytes(5, 2)).toThrow(RangeError);
  });
});

describe('openEventsFile', () => {
  it('indexes NDJSON and reads back each event as readEventsFile reads it', () => {
    // A byte order mark, CRLF endings, a blank line, a line that is not JSON and multi-byte text.
    const text = `\uFEFF${JSON.stringify(joined('a'))}\r\n\r\n{"id": "torn", \n${JSON.stringify({ ...joined('b'), note: 'Zoë 日本' })}\n`;
    const path = file('mixed.ndjson', text);
    const events = indexed(path);
    const read = readEventsFile(path);
    expect(events.count).toBe(3);
    expect(eventsOf(events)).toEqual([joined('a'), null, { ...joined('b'), note: 'Zoë 日本' }]);
    expect(eventsOf(events)).toEqual(read.events);
    // The torn line is line 3 of the file (the blank line counts) and event 1 (it does not).
    expect(events.unparsable).toEqual(read.unparsable);
    expect(events.unparsable).toEqual([
      { index: 1, message: expect.stringMatching(/^line 3 is not valid JSON: /) },
    ]);
    events.close();
  });

  it('reads a file of many chunks, multi-byte characters across the chunk edges', () => {
    const many = Array.from({ length: 12_000 }, (_, index) => ({
      ...joined(`p${index}`),
      note: '日本語'.repeat(30),
    }));
    const events = indexed(
      file('large.ndjson', `${many.map((event) => JSON.stringify(event)).join('\n')}\n`),
    );
    expect(events.count).toBe(12_000);
    expect(eventsOf(events)).toEqual(many);
    events.close();
  });

  it('reads back a line longer than its read window, and bytes that are not UTF-8, as the text reader does', () => {
    // Event 1 is 1.5 million 2-byte characters (3 MB), earlier than the others so it is read out of order.
    const long = { ...joined('b', '2024-12-01T00:00:00Z'), note: 'é'.repeat(1_500_000) };
    const [before, after] = JSON.stringify({ ...joined('c'), note: '|' }).split('|') as [string, string];
    // The start of a 3-byte character, cut, inside the note: the text reader makes it one U+FFFD.
    const broken = Buffer.concat([
      Buffer.from(`${before}a`),
      Buffer.from([0xe2, 0x82]),
      Buffer.from(`b${after}\n`),
    ]);
    const text = Buffer.concat([
      Buffer.from(`${JSON.stringify(joined('a'))}\n${JSON.stringify(long)}\n`),
      broken,
    ]);
    const path = file('long-and-broken.ndjson', text);
    const events = indexed(path);
    expect([...events.replayOrder()]).toEqual([1, 0, 2]);
    expect(eventsOf(events)).toEqual([joined('a'), long, { ...joined('c'), note: 'a\uFFFDb' }]);
    expect(eventsOf(events)).toEqual(readEventsFile(path).events);
    events.close();
  });

  it('replays a file in time order in its own order', () => {
    const text = ['01', '02', '02'].map((day, index) =>
      JSON.stringify(joined(`p${index}`, `2025-01-${day}T00:00:00Z`)),
    );
    const events = indexed(file('ordered.ndjson', text.join('\n')));
    expect([...events.replayOrder()]).toEqual([0, 1, 2]);
    events.close();
  });

  it('replays a file out of order by time, input order among equal times, a line without a time first', () => {
    // Input: 0 on the 3rd, 1 on the 2nd, 2 without a time, 3 on the 2nd, 4 on the 1st.
    // By time: 2 (none), 4 (1st), 1 and 3 (2nd, in input order), 0 (3rd).
    const lines = [
      JSON.stringify(joined('a', '2025-01-03T00:00:00Z')),
      JSON.stringify(joined('b', '2025-01-02T00:00:00Z')),
      JSON.stringify({ id: 'timeless', type: 'partner.joined', partnerId: 'x' }),
      JSON.stringify(joined('c', '2025-01-02T00:00:00Z')),
      JSON.stringify(joined('d', '2025-01-01T00:00:00Z')),
    ];
    const events = indexed(file('unordered.ndjson', `${lines.join('\n')}\n`));
    expect([...events.replayOrder()]).toEqual([2, 4, 1, 3, 0]);
    events.close();
  });

  it('reads a JSON array, or a text whose first line is an array, whole as readEventsFile does', () => {
    const array = file('array.json', JSON.stringify([joined('a'), joined('b')], null, 2));
    expect(openEventsFile(array)).toEqual({ events: [joined('a'), joined('b')], unparsable: [] });
    const firstLineArray = file('first-array.ndjson', `[1, 2]\n${JSON.stringify(joined('a'))}\n`);
    expect(openEventsFile(firstLineArray)).toEqual(readEventsFile(firstLineArray));
    expect(openEventsFile(firstLineArray)).toEqual({ events: [[1, 2], joined('a')], unparsable: [] });
  });

  it('reads one event pretty-printed over several lines as that event', () => {
    const pretty = file('pretty.json', JSON.stringify(joined('a'), null, 2));
    expect(openEventsFile(pretty)).toEqual({ events: [joined('a')], unparsable: [] });
  });

  it('reads a short file whose first line is not JSON whole, as readEventsFile does', () => {
    // It might have been one event over several lines; it is not, so its lines are events.
    const path = file(
      'torn-first.ndjson',
      `{"id":
${JSON.stringify(joined('a'))}
`,
    );
    const opened = openEventsFile(path);
    expect(opened).not.toBeInstanceOf(IndexedEvents);
    expect(opened).toEqual(readEventsFile(path));
    expect(opened).toEqual({
      events: [null, joined('a')],
      unparsable: [{ index: 0, message: expect.stringMatching(/^line 1 is not valid JSON: /) }],
    });
  });

  it('says so (exit 1) when the file shrinks between the index and the replay', () => {
    const path = file('shrinking.ndjson', `${JSON.stringify(joined('a'))}\n${JSON.stringify(joined('b'))}\n`);
    const events = indexed(path);
    truncateSync(path, 10);
    expect(() => events.event(1)).toThrow(CliError);
    expect(() => events.event(1)).toThrow(/events file ".*shrinking\.ndjson" changed while it was read/);
    try {
      events.event(1);
    } catch (error) {
      expect((error as CliError).exitCode).toBe(1);
    }
    events.close();
  });

  it('refuses a missing file or a folder with the reason (exit 2)', () => {
    expect(() => openEventsFile(join(folder, 'absent.ndjson'))).toThrow(
      /cannot read events file ".*": no such file/,
    );
    expect(() => openEventsFile(folder)).toThrow(/cannot read events file ".*": it is a directory/);
  });
});

// Telling a JSON array from NDJSON, and reading NDJSON in chunks: a first line that happens to be
// an array is one invalid event, not a reason to refuse the file; lines and characters split
// across chunks arrive whole.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventLines } from '../../src/cli/event-lines.js';
import { CliError, readEventsFile } from '../../src/cli/io.js';
import { createEngine, partnerIds, sisoProgram } from '../../src/index.js';

const folder = mkdtempSync(join(tmpdir(), 'events-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const joined = (partnerId: string) => ({
  id: `j-${partnerId}`,
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId,
  sponsorId: null,
});
const lines = (...values: readonly unknown[]) =>
  `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;

describe('a text starting with [', () => {
  it('is a JSON array when the whole text is one, on one line or many', () => {
    const events = [joined('a'), joined('b')];
    expect(readEventsFile(file('one-line.json', JSON.stringify(events))).events).toEqual(events);
    expect(readEventsFile(file('pretty.json', JSON.stringify(events, null, 2))).events).toEqual(events);
  });

  it('is NDJSON when its first line is an array by itself: that line is one event', () => {
    const read = readEventsFile(
      file('array-first.ndjson', lines(['not', 'an event'], joined('a'), joined('b'))),
    );
    expect(read).toEqual({ events: [['not', 'an event'], joined('a'), joined('b')], unparsable: [] });
  });

  it('replays the rest when the first line is an array: INVALID_EVENT at index 0', () => {
    const path = file('array-first-run.ndjson', lines([joined('x')], joined('a'), joined('b')));
    const result = createEngine(sisoProgram).replay(readEventsFile(path).events);
    expect(result.rejected).toEqual([expect.objectContaining({ index: 0, code: 'INVALID_EVENT' })]);
    expect(partnerIds(result.state)).toEqual(['a', 'b']);
  });

  it('keeps a broken later line at its index when the first line is an array', () => {
    const read = readEventsFile(
      file('array-then-torn.ndjson', `[1]\n{"id":\n${JSON.stringify(joined('a'))}\n`),
    );
    expect(read.events).toEqual([[1], null, joined('a')]);
    expect(read.unparsable).toEqual([expect.objectContaining({ index: 1 })]);
  });

  it('is a broken JSON array (exit 2) when neither the whole text nor its first line parses', () => {
    const broken = JSON.stringify([joined('a'), joined('b')], null, 2).replace('"b"', '"b",,');
    const path = file('broken.json', broken);
    expect(() => readEventsFile(path)).toThrow(CliError);
    expect(() => readEventsFile(path)).toThrow(/events file ".*broken\.json" is not valid JSON/);
  });
});

describe('NDJSON read in chunks', () => {
  it('joins lines and characters split between pieces of text', () => {
    const reader = new EventLines();
    for (const piece of ['{"id":"e1","name":"Zoë"}\r\n\n{"id"', ':"e2",', '"name":"日本"}', '\n{"id":"e3"}'])
      reader.push(piece);
    expect(reader.end()).toEqual({
      events: [{ id: 'e1', name: 'Zoë' }, { id: 'e2', name: '日本' }, { id: 'e3' }],
      unparsable: [],
    });
  });

  it('numbers a broken line by its line in the file, blank lines included', () => {
    const reader = new EventLines();
    reader.push('{"id":"e1"}\n\n{"id":\n');
    expect(reader.end().unparsable).toEqual([{ index: 1, message: expect.stringContaining('line 3 ') }]);
  });

  it('reads a file larger than one chunk, multi-byte characters across the chunk edges', () => {
    // Each line has three-byte characters, so some fall across the 1 MiB reads.
    const events = Array.from({ length: 12_000 }, (_, index) => ({
      ...joined(`p${index}`),
      note: '日本語'.repeat(30),
    }));
    const read = readEventsFile(file('large.ndjson', `\uFEFF${lines(...events)}`));
    expect(read.unparsable).toEqual([]);
    expect(read.events).toEqual(events);
  });

  it('still reads one event pretty-printed over several lines as that event', () => {
    expect(readEventsFile(file('one.json', JSON.stringify(joined('a'), null, 2))).events).toEqual([
      joined('a'),
    ]);
  });
});

// Reading event files: NDJSON, a JSON array, and one event pretty-printed over several lines;
// reading a programme file that starts with a byte order mark.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEventsFile, readProgramFile } from '../../src/cli/io.js';
import { sisoProgram } from '../../src/index.js';

const folder = mkdtempSync(join(tmpdir(), 'events-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const joined = {
  id: 'j1',
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId: 'p1',
  sponsorId: null,
};

describe('readEventsFile', () => {
  it('reads one event pretty-printed over several lines as that one event', () => {
    expect(readEventsFile(file('pretty.json', JSON.stringify(joined, null, 2)))).toEqual({
      events: [joined],
      unparsable: [],
    });
  });

  it('keeps a broken NDJSON line at its index when the file is not one JSON object', () => {
    const read = readEventsFile(file('broken.ndjson', `${JSON.stringify(joined)}\n{"id":\n`));
    expect(read.events).toEqual([joined, null]);
    expect(read.unparsable).toEqual([expect.objectContaining({ index: 1 })]);
  });
});

describe('readProgramFile', () => {
  it('reads a programme saved with a byte order mark as the same programme', () => {
    const path = file('siso-bom.json', `\ufeff${JSON.stringify(sisoProgram)}`);
    expect(readProgramFile(path).id).toBe(sisoProgram.id);
  });
});

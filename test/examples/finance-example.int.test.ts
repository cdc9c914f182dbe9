// The worked finance example (examples/finance/) stays what its README says it is: the events are
// exactly the stream its `generate` command writes, and they replay under the programme in force
// with no rejection, so the reports and the figures quoted from them come from that command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, sisoProgram } from '../../src/index.js';
import { generateEvents } from '../../src/simulation/generator.js';

const folder = new URL('../../examples/finance/', import.meta.url);
const readme = readFileSync(new URL('README.md', folder), 'utf8');
const lines = readFileSync(new URL('events.ndjson', folder), 'utf8').split('\n');

/** The generator's options from the README's `generate --partners N --months M --seed S`. */
function statedOptions(): { partners: number; months: number; seed: number } {
  const stated = /generate --partners (\d+) --months (\d+) --seed (\d+)/.exec(readme);
  if (!stated) throw new Error('examples/finance/README.md states no generate command');
  return { partners: Number(stated[1]), months: Number(stated[2]), seed: Number(stated[3]) };
}

describe('examples/finance/events.ndjson', () => {
  it('is the stream the README’s generate command writes, one event a line', () => {
    expect(statedOptions()).toEqual({ partners: 60, months: 12, seed: 11 });
    expect(lines.at(-1)).toBe('');
    const expected = generateEvents(statedOptions()).map((event) => JSON.stringify(event));
    expect(lines.slice(0, -1)).toEqual(expected);
  });

  it('replays under the programme in force with no rejection', () => {
    const events = lines.slice(0, -1).map((line) => JSON.parse(line));
    const result = createEngine(sisoProgram).replay(events);
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
  });
});

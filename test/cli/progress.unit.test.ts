// The progress bar of a long replay: drawn on a terminal, never into a pipe or a file.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ProgressOptions, replayInput } from '../../src/cli/replay.js';
import { createEngine, generateEvents, sisoProgram } from '../../src/index.js';

const events = generateEvents({ partners: 5, months: 2, seed: 3 });
const input = { program: sisoProgram, engine: createEngine(sisoProgram), events, unparsable: [] };

/** A stream that keeps what is written, a terminal or not. */
function stream(isTTY: boolean): { text: () => string; stream: NonNullable<ProgressOptions['stream']> } {
  const chunks: string[] = [];
  const writable = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { text: () => chunks.join(''), stream: Object.assign(writable, { isTTY, columns: 100 }) };
}

describe('the replay progress bar', () => {
  it('is drawn on a terminal once the stream is long enough', () => {
    const terminal = stream(true);
    replayInput(input, undefined, {}, { stream: terminal.stream, threshold: 0 });
    expect(terminal.text()).toContain(`replaying [`);
    expect(terminal.text()).toContain(`${events.length}/${events.length} events`);
  });

  it('is not drawn when the output is not a terminal', () => {
    const pipe = stream(false);
    replayInput(input, undefined, {}, { stream: pipe.stream, threshold: 0 });
    expect(pipe.text()).toBe('');
  });

  it('is not drawn for a short stream', () => {
    const terminal = stream(true);
    replayInput(input, undefined, {}, { stream: terminal.stream, threshold: events.length });
    expect(terminal.text()).toBe('');
  });
});

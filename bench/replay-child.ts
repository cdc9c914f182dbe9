// One full replay from an NDJSON file in a process of its own, so that the peak memory it
// reports is the replay's alone. Two ways: `memory` reads every line, JSON.parse each and calls
// engine.replay (the whole stream, ledger and effects held); `stream` feeds the file's lines, in
// the time order it has, to a batch whose ledger entries and effects go to counting sinks, as a
// host persisting them would. Prints one JSON line with the timings, counts and peak RSS.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createEngine, partnerIds, sisoProgram } from '../src/index.js';

/** What the child reports on its single line of stdout. */
export interface ReplayMeasurement {
  readonly events: number;
  /** Reading the file and JSON.parse of every line. */
  readonly readAndParseMs: number;
  readonly replayMs: number;
  readonly totalMs: number;
  readonly rejected: number;
  readonly ledgerEntries: number;
  readonly effects: number;
  readonly partners: number;
  /** process.resourceUsage().maxRSS: peak resident set, in KiB. */
  readonly maxRssKiB: number;
}

/**
 * Every line of an NDJSON text parsed, blank lines skipped (indexOf, not split: no copy of the
 * lines is kept).
 *
 * @example
 * parseLines('{"a":1}\n\n{"a":2}\n')
 * //=> [{ a: 1 }, { a: 2 }]
 */
export function parseLines(text: string): unknown[] {
  const values: unknown[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end > start) values.push(JSON.parse(text.slice(start, end)));
    start = end + 1;
  }
  return values;
}

/** Calls `each` with every non-blank line of a file, reading it in 4 MiB chunks. */
function forEachLine(file: string, each: (line: string) => void): void {
  const descriptor = openSync(file, 'r');
  const chunk = Buffer.alloc(4 << 20);
  let rest = '';
  try {
    for (let read = readSync(descriptor, chunk); read > 0; read = readSync(descriptor, chunk)) {
      const text = rest + chunk.toString('utf8', 0, read);
      let start = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        if (newline > start) each(text.slice(start, newline));
        start = newline + 1;
      }
      rest = text.slice(start);
    }
    if (rest.trim() !== '') each(rest);
  } finally {
    closeSync(descriptor);
  }
}

function streamed(file: string): ReplayMeasurement {
  const engine = createEngine(sisoProgram);
  let ledgerEntries = 0;
  let effects = 0;
  const started = performance.now();
  const batch = engine.batch(undefined, { onEntry: () => ledgerEntries++, onEffect: () => effects++ });
  let events = 0;
  let last = '';
  forEachLine(file, (line) => {
    const event = JSON.parse(line) as { at: string };
    batch.apply(event, events++);
    last = event.at;
  });
  if (last !== '') batch.advance(last);
  const result = batch.result();
  const finished = performance.now();
  return {
    events,
    readAndParseMs: 0,
    replayMs: finished - started,
    totalMs: finished - started,
    rejected: result.rejected.length,
    ledgerEntries,
    effects,
    partners: partnerIds(result.state).length,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
}

function main(file: string): ReplayMeasurement {
  const engine = createEngine(sisoProgram);
  const started = performance.now();
  const events = parseLines(readFileSync(file, 'utf8'));
  const parsed = performance.now();
  const result = engine.replay(events);
  const replayed = performance.now();
  return {
    events: events.length,
    readAndParseMs: parsed - started,
    replayMs: replayed - parsed,
    totalMs: replayed - started,
    rejected: result.rejected.length,
    ledgerEntries: result.ledger.length,
    effects: result.effects.length,
    partners: partnerIds(result.state).length,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
}

const [, script, file, mode] = process.argv;
if (script !== undefined && file !== undefined && import.meta.url === pathToFileURL(script).href) {
  process.stdout.write(`${JSON.stringify(mode === 'stream' ? streamed(file) : main(file))}\n`);
}

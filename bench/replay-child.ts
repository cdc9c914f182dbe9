// One streamed replay of an NDJSON file in a process of its own, so the peak memory it reports is
// the replay's alone: the file's lines, JSON.parse, a batch whose ledger entries and effects go to
// counting sinks (as a host persisting them would), then advance to the last event and take the
// result, whose final state it keeps. Prints one JSON line: times at each tenth, memory, sizes.
import { pathToFileURL } from 'node:url';
import type { EngineState } from '../src/index.js';
import { builtLibrary } from './library.js';
import { forEachChunk } from './lines.js';
import { AllocationCounter, cpuMicros } from './sampling.js';
import { type StateSize, stateSize } from './state-size.js';

const { createEngine, partnerIds, sisoProgram } = await builtLibrary();

/** Where the replay was after some of its events: how many, and the clocks since it started. */
export interface Mark {
  readonly events: number;
  readonly cpuMicros: number;
  readonly wallMs: number;
}

/** What the child reports on its single line of stdout. */
export interface ReplayMeasurement {
  readonly events: number;
  /** Reading, parsing and folding every event, then advance and result: CPU time (µs) and wall. */
  readonly cpuMicros: number;
  readonly wallMs: number;
  /** After 0, 1/10 … 10/10 of the events (before the final advance). */
  readonly tenths: readonly Mark[];
  readonly rejected: number;
  readonly ledgerEntries: number;
  readonly effects: number;
  readonly partners: number;
  /** process.resourceUsage().maxRSS with the final state still held: peak resident set, KiB. */
  readonly maxRssKiB: number;
  readonly allocatedBytes: number;
  readonly collections: number;
  readonly state: StateSize;
}

interface Replayed {
  readonly state: EngineState;
  readonly events: number;
  readonly rejected: number;
  readonly tenths: Mark[];
  readonly ledgerEntries: number;
  readonly effects: number;
}

function replay(file: string, expected: number, started: Mark): Replayed {
  const engine = createEngine(sisoProgram);
  const sinks = { entries: 0, effects: 0 };
  const batch = engine.batch(undefined, { onEntry: () => sinks.entries++, onEffect: () => sinks.effects++ });
  const tenths: Mark[] = [{ events: 0, cpuMicros: 0, wallMs: 0 }];
  let next = Math.ceil(expected / 10);
  let events = 0;
  let last = '';
  forEachChunk(file, (lines) => {
    for (const line of lines) {
      const event = JSON.parse(line) as { at: string };
      batch.apply(event, events++);
      last = event.at;
      if (events === next) {
        tenths.push(markSince(started, events));
        next = Math.ceil((expected * tenths.length) / 10);
      }
    }
  });
  if (last !== '') batch.advance(last);
  const result = batch.result();
  const { entries, effects } = sinks;
  return {
    state: result.state,
    events,
    rejected: result.rejected.length,
    tenths,
    ledgerEntries: entries,
    effects,
  };
}

function markSince(started: Mark, events: number): Mark {
  return { events, cpuMicros: cpuMicros() - started.cpuMicros, wallMs: performance.now() - started.wallMs };
}

function measure(file: string, expected: number): ReplayMeasurement {
  const allocation = new AllocationCounter();
  allocation.start();
  const started: Mark = { events: 0, cpuMicros: cpuMicros(), wallMs: performance.now() };
  const replayed = replay(file, expected, started);
  const finished = markSince(started, replayed.events);
  const allocated = allocation.stop();
  // Read before the state is measured, which builds strings of its own.
  const maxRssKiB = process.resourceUsage().maxRSS;
  return {
    events: replayed.events,
    cpuMicros: finished.cpuMicros,
    wallMs: finished.wallMs,
    tenths: replayed.tenths,
    rejected: replayed.rejected,
    ledgerEntries: replayed.ledgerEntries,
    effects: replayed.effects,
    partners: partnerIds(replayed.state).length,
    maxRssKiB,
    allocatedBytes: allocated.bytes,
    collections: allocated.collections,
    state: stateSize(replayed.state),
  };
}

const [, script, file, expected] = process.argv;
if (script !== undefined && file !== undefined && import.meta.url === pathToFileURL(script).href) {
  process.stdout.write(`${JSON.stringify(measure(file, Number(expected)))}\n`);
}

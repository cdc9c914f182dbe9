// In a process of its own: replays a stream (the engine's CPU time per event, parsing timed
// apart), then times engine.apply of single fresh events into the final state against the same
// events folded in one batch over that state. Prints one JSON line.
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine, type EngineState, partnerIds, sisoProgram } from '../src/index.js';
import { forEachChunk } from './lines.js';
import { cpuMicros, quantile } from './sampling.js';

/** Fresh events of each kind per round; a round times them in a batch, then each through apply. */
const EVENTS_PER_ROUND = Number(process.env.BENCH_APPLY_EVENTS ?? 300);
const ROUNDS = 5;
/** Untimed calls first, so the apply path is compiled before it is timed. */
const WARM_UP_CALLS = 100;
// Each kind is timed apart: a deal costs several times what a feature does, and the median of a
// mix of the two would fall in the gap between them, wherever the mix happened to put it.
const KINDS = ['feature.used', 'deal.closed'] as const;
type Kind = (typeof KINDS)[number];

export interface ApplyMeasurement {
  readonly partners: number;
  readonly events: number;
  /** CPU time of JSON.parse of every line, and of the batch folding them (with advance, result). */
  readonly parseCpuMicros: number;
  readonly engineCpuMicros: number;
  readonly maxRssKiB: number;
  readonly kinds: readonly Latency[];
}

/** How long one kind of fresh event takes, alone through engine.apply and inside a batch. */
export interface Latency {
  readonly kind: Kind;
  /**
   * CPU time of each single engine.apply, µs: CPU rather than wall time, so a call the shared
   * machine preempted does not count the other process's time.
   */
  readonly calls: number;
  readonly medianMicros: number;
  readonly p90Micros: number;
  readonly wallMedianMicros: number;
  /** CPU time per event of the same events in one batch over the same state: median of rounds. */
  readonly batchMicrosPerEvent: number;
}

interface Replayed {
  readonly state: EngineState;
  readonly events: number;
  readonly parseCpuMicros: number;
  readonly engineCpuMicros: number;
}

// A chunk's lines are parsed, then folded, so each side is timed once a chunk and not per event.
function replay(engine: Engine, file: string): Replayed {
  const batch = engine.batch(undefined, { onEntry: () => {}, onEffect: () => {} });
  let parse = 0;
  let fold = 0;
  let events = 0;
  let last = '';
  forEachChunk(file, (lines) => {
    const parsing = cpuMicros();
    const parsed = lines.map((line) => JSON.parse(line) as { at: string });
    const folding = cpuMicros();
    for (const event of parsed) batch.apply(event, events++);
    fold += cpuMicros() - folding;
    parse += folding - parsing;
    last = parsed.at(-1)?.at ?? last;
  });
  const ending = cpuMicros();
  if (last !== '') batch.advance(last);
  const { state, rejected } = batch.result();
  if (rejected.length > 0)
    throw new Error(`${rejected.length} events rejected, the first: ${rejected[0]?.message}`);
  return { state, events, parseCpuMicros: parse, engineCpuMicros: fold + cpuMicros() - ending };
}

/** Events of one kind valid in `state`: existing partners, new ids, at the state's clock. */
function freshEvents(engine: Engine, state: EngineState, kind: Kind, round: number): object[] {
  const ids = partnerIds(state);
  const features = engine.program.features.map((feature) => feature.id);
  const at = state.clock ?? '2025-01-01T00:00:00.000Z';
  const currency = engine.program.currency.code;
  return Array.from({ length: EVENTS_PER_ROUND }, (_, index) => {
    const id = `bench-${kind}-${round}-${index}`;
    // A stride prime to the count spreads the partners over the whole id range and its buckets.
    const partnerId = ids[(index * 7919 + round) % ids.length];
    return kind === 'feature.used'
      ? { id, type: kind, at, partnerId, feature: features[index % features.length] }
      : { id, type: kind, at, partnerId, dealId: `d-${id}`, amount: '1250.00', currency };
  });
}

interface Sample {
  readonly cpu: number;
  readonly wall: number;
}

/** One engine.apply into `state`: its CPU time and wall time, µs. */
function applyOnce(engine: Engine, state: EngineState, event: object): Sample {
  const wall = process.hrtime.bigint();
  const cpu = cpuMicros();
  const result = engine.apply(state, event);
  const sample = { cpu: cpuMicros() - cpu, wall: Number(process.hrtime.bigint() - wall) / 1000 };
  if (!result.ok) throw new Error(`apply rejected a fresh event: ${result.error.message}`);
  return sample;
}

/** CPU time per event of `events` folded in one batch over `state`, µs. */
function batchMicrosPerEvent(engine: Engine, state: EngineState, events: readonly object[]): number {
  const started = cpuMicros();
  const batch = engine.batch(state, { onEntry: () => {}, onEffect: () => {} });
  for (const event of events) batch.apply(event);
  const { rejected } = batch.result();
  const micros = cpuMicros() - started;
  if (rejected.length > 0) throw new Error(`the batch rejected a fresh event: ${rejected[0]?.message}`);
  return micros / events.length;
}

function latency(engine: Engine, state: EngineState, kind: Kind): Latency {
  for (const event of freshEvents(engine, state, kind, ROUNDS).slice(0, WARM_UP_CALLS))
    applyOnce(engine, state, event);
  const samples: Sample[] = [];
  const perEvent: number[] = [];
  // Rounds alternate the two ways, so a spell of load on the machine falls on both.
  for (let round = 0; round < ROUNDS; round++) {
    const events = freshEvents(engine, state, kind, round);
    perEvent.push(batchMicrosPerEvent(engine, state, events));
    for (const event of events) samples.push(applyOnce(engine, state, event));
  }
  const cpu = samples.map((sample) => sample.cpu);
  return {
    kind,
    calls: samples.length,
    medianMicros: quantile(cpu, 0.5),
    p90Micros: quantile(cpu, 0.9),
    wallMedianMicros: quantile(
      samples.map((sample) => sample.wall),
      0.5,
    ),
    batchMicrosPerEvent: quantile(perEvent, 0.5),
  };
}

function measure(file: string): ApplyMeasurement {
  const engine = createEngine(sisoProgram);
  const replayed = replay(engine, file);
  const maxRssKiB = process.resourceUsage().maxRSS;
  const { state } = replayed;
  return {
    partners: partnerIds(state).length,
    events: replayed.events,
    parseCpuMicros: replayed.parseCpuMicros,
    engineCpuMicros: replayed.engineCpuMicros,
    maxRssKiB,
    kinds: KINDS.map((kind) => latency(engine, state, kind)),
  };
}

const [, script, file] = process.argv;
if (script !== undefined && file !== undefined && import.meta.url === pathToFileURL(script).href) {
  process.stdout.write(`${JSON.stringify(measure(file))}\n`);
}

// In a process of its own: replays a stream (the engine's CPU time per event, parsing timed
// apart), times fresh events at the end of that same long batch, then times engine.apply of
// single fresh events into the final state. Prints one JSON line.
import { pathToFileURL } from 'node:url';
import type { Batch, Engine, EngineState } from '../src/index.js';
import { builtLibrary } from './library.js';
import { forEachChunk } from './lines.js';
import { cpuMicros, quantile } from './sampling.js';

const { createEngine, sisoProgram } = await builtLibrary();

/** Fresh events of each kind per round; each round is timed in the batch, then through apply. */
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
  /** CPU time of JSON.parse of every line, and of the batch folding them (and the final advance). */
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
  /**
   * CPU time per event of the same kind at the end of the batch that replayed the stream (median
   * of rounds): the cost inside a long batch, whose buckets that batch has already copied.
   */
  readonly batchMicrosPerEvent: number;
}

/** Where fresh events can go: the partners that joined and the time of the last event. */
interface Place {
  readonly partnerIds: readonly string[];
  readonly at: string;
}

interface Replayed extends Place {
  readonly batch: Batch;
  readonly events: number;
  readonly parseCpuMicros: number;
  readonly engineCpuMicros: number;
}

// A chunk's lines are parsed, then folded, so each side is timed once a chunk and not per event.
function replay(engine: Engine, file: string): Replayed {
  const batch = engine.batch(undefined, { onEntry: () => {}, onEffect: () => {} });
  const partnerIds: string[] = [];
  let parse = 0;
  let fold = 0;
  let events = 0;
  let at = '';
  forEachChunk(file, (lines) => {
    const parsing = cpuMicros();
    const parsed = lines.map((line) => JSON.parse(line) as { at: string; type: string; partnerId?: string });
    for (const event of parsed) if (event.type === 'partner.joined') partnerIds.push(event.partnerId ?? '');
    const folding = cpuMicros();
    for (const event of parsed) batch.apply(event, events++);
    fold += cpuMicros() - folding;
    parse += folding - parsing;
    at = parsed.at(-1)?.at ?? at;
  });
  const ending = cpuMicros();
  if (at !== '') batch.advance(at);
  return {
    batch,
    partnerIds,
    at,
    events,
    parseCpuMicros: parse,
    engineCpuMicros: fold + cpuMicros() - ending,
  };
}

/** Events of one kind valid after the replay: existing partners, new ids, at its last instant. */
function freshEvents(engine: Engine, place: Place, kind: Kind, name: string, round = 0): object[] {
  const { partnerIds, at } = place;
  const features = engine.program.features.map((feature) => feature.id);
  const currency = engine.program.currency.code;
  return Array.from({ length: EVENTS_PER_ROUND }, (_, index) => {
    const id = `bench-${name}-${kind}-${index}`;
    // A stride prime to the count spreads the partners over the whole id range and its buckets.
    const partnerId = partnerIds[(index * 7919 + round) % partnerIds.length];
    return kind === 'feature.used'
      ? { id, type: kind, at, partnerId, feature: features[index % features.length] }
      : { id, type: kind, at, partnerId, dealId: `d-${id}`, amount: '1250.00', currency };
  });
}

/** CPU time per event of `events` folded into the batch, µs. */
function inBatch(batch: Batch, events: readonly object[]): number {
  const started = cpuMicros();
  for (const event of events) {
    const outcome = batch.apply(event);
    if (outcome.kind !== 'applied') throw new Error(`the batch did not apply a fresh event: ${outcome.kind}`);
  }
  return (cpuMicros() - started) / events.length;
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

function applyLatency(engine: Engine, state: EngineState, place: Place, kind: Kind, batch: number): Latency {
  for (const event of freshEvents(engine, place, kind, 'warm-up').slice(0, WARM_UP_CALLS))
    applyOnce(engine, state, event);
  const samples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const event of freshEvents(engine, place, kind, `apply${round}`, round))
      samples.push(applyOnce(engine, state, event));
  const cpu = samples.map((sample) => sample.cpu);
  const wall = samples.map((sample) => sample.wall);
  const [medianMicros, p90Micros, wallMedianMicros] = [
    quantile(cpu, 0.5),
    quantile(cpu, 0.9),
    quantile(wall, 0.5),
  ];
  return {
    kind,
    calls: samples.length,
    medianMicros,
    p90Micros,
    wallMedianMicros,
    batchMicrosPerEvent: batch,
  };
}

function measure(file: string): ApplyMeasurement {
  const engine = createEngine(sisoProgram);
  const replayed = replay(engine, file);
  const batchMicros = KINDS.map((kind) => {
    const rounds = Array.from({ length: ROUNDS }, (_, round) =>
      inBatch(replayed.batch, freshEvents(engine, replayed, kind, `batch${round}`, round)),
    );
    return quantile(rounds, 0.5);
  });
  const { state, rejected } = replayed.batch.result();
  if (rejected.length > 0)
    throw new Error(`${rejected.length} events rejected, the first: ${rejected[0]?.message}`);
  const maxRssKiB = process.resourceUsage().maxRSS;
  return {
    partners: replayed.partnerIds.length,
    events: replayed.events,
    parseCpuMicros: replayed.parseCpuMicros,
    engineCpuMicros: replayed.engineCpuMicros,
    maxRssKiB,
    kinds: KINDS.map((kind, index) =>
      applyLatency(engine, state, replayed, kind, batchMicros[index] ?? Number.NaN),
    ),
  };
}

const [, script, file] = process.argv;
if (script !== undefined && file !== undefined && import.meta.url === pathToFileURL(script).href) {
  process.stdout.write(`${JSON.stringify(measure(file))}\n`);
}

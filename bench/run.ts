// npm run bench: the project's performance targets, measured side by side in one run on one
// generated stream (at least 1,000,000 events over 10,000 partners by default): bare JSON.parse,
// a streamed replay, replay cost and apply latency as partners grow, rules, and the CLI. Prints
// the figures and the targets and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApplyMeasurement } from './apply-child.js';
import { runCli } from './cli-run.js';
import { buildIfStale } from './library.js';
import { forEachChunk } from './lines.js';
import type { ReplayMeasurement } from './replay-child.js';
import { printTables, writeResults } from './report.js';
import { benchRules } from './rules.js';
import { cpuMicros } from './sampling.js';
import type { SimulateMeasurement } from './simulate-child.js';
import { mainStream, type Stream, type StreamOptions, streamFile } from './streams.js';
import type { BareParse, Measurements } from './targets.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
const streams: StreamOptions = { out, root, seed: Number(process.env.BENCH_SEED ?? 2025) };
// BENCH_EVENTS, BENCH_PARTNERS, BENCH_SCALE_PARTNERS and BENCH_SCALE_MONTHS shrink it for a quick
// run; BENCH_PROFILE=1 writes CPU profiles of the children; BENCH_CLI_TIMEOUT_S bounds the CLI run.
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 10_000);
const SCALE_PARTNERS = (process.env.BENCH_SCALE_PARTNERS ?? '10000,100000').split(',').map(Number);
const SCALE_MONTHS = Number(process.env.BENCH_SCALE_MONTHS ?? 3);
/** The smallest state engine.apply is timed on; its latency at the largest is compared to this. */
const APPLY_SMALLEST = 1_000;
// The default sizes keep the names of the files already made (bench/out may link to them); other
// sizes get names of their own, so a quick run never replaces the full-size streams.
const MAIN_STREAM =
  PARTNERS === 10_000 && TARGET_EVENTS === 1_000_000 ? 'stream' : `stream-${PARTNERS}p-${TARGET_EVENTS}e`;
const scaleStream = (partners: number) =>
  SCALE_MONTHS === 3 ? `scale-${partners}` : `scale-${partners}-${SCALE_MONTHS}m`;
const CLI_TIMEOUT_MS = Number(process.env.BENCH_CLI_TIMEOUT_S ?? 600) * 1000;

/** Reads the file and JSON.parse every line with the replay's own reader, the best of three. */
function bareParse(stream: Stream): BareParse {
  let best: BareParse = { cpuMicros: Number.POSITIVE_INFINITY, wallMs: Number.POSITIVE_INFINITY };
  for (let run = 0; run < 3; run += 1) {
    const cpu = cpuMicros();
    const wall = performance.now();
    let lines = 0;
    forEachChunk(stream.file, (chunk) => {
      for (const line of chunk) if (JSON.parse(line) !== null) lines += 1;
    });
    const measured = { cpuMicros: cpuMicros() - cpu, wallMs: performance.now() - wall };
    if (lines !== stream.events) throw new Error(`parsed ${lines} lines, expected ${stream.events}`);
    if (measured.cpuMicros < best.cpuMicros) best = measured;
  }
  return best;
}

/** Runs a bench script in a child process of its own and reads the JSON line it prints last. */
function inChild<T>(script: string, label: string, args: readonly string[]): T {
  const profile = process.env.BENCH_PROFILE === '1';
  const profileFlags = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${join(out, 'profiles')}`, `--cpu-prof-name=${label}.cpuprofile`]
    : [];
  const child = spawnSync(
    process.execPath,
    [...profileFlags, '--import', 'tsx', join(here, script), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`${label} child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as T;
}

/** Replay cost and apply latency on states of each size, the same months so the same events each. */
function families(): ApplyMeasurement[] {
  const sizes = [...new Set([APPLY_SMALLEST, ...SCALE_PARTNERS])].sort((a, b) => a - b);
  return sizes.map((partners) => {
    const stream = streamFile(streams, scaleStream(partners), partners, SCALE_MONTHS);
    console.log(
      `  ${partners.toLocaleString('en')} partners (${stream.events.toLocaleString('en')} events)…`,
    );
    return inChild<ApplyMeasurement>('apply-child.ts', `scale-${partners}`, [stream.file]);
  });
}

async function measure(): Promise<Measurements> {
  mkdirSync(out, { recursive: true });
  // Every child measures the library as a host runs it, the build of src (bench/library.ts).
  buildIfStale();
  const stream = mainStream(streams, MAIN_STREAM, PARTNERS, TARGET_EVENTS);
  console.log(
    `stream: ${stream.events.toLocaleString('en')} events, ${stream.partners.toLocaleString('en')} partners, ` +
      `${stream.months} months (${stream.reused ? 'reused' : `generated in ${(stream.generationMs / 1000).toFixed(1)} s`})`,
  );
  const parse = bareParse(stream);
  console.log('parsed; replaying…');
  const replay = inChild<ReplayMeasurement>('replay-child.ts', 'replay', [
    stream.file,
    String(stream.events),
  ]);
  if (replay.events !== stream.events)
    throw new Error(`replayed ${replay.events} of ${stream.events} events`);
  console.log('replayed; simulating three candidates on worker threads…');
  const simulation = inChild<SimulateMeasurement>('simulate-child.ts', 'simulate', [stream.file]);
  console.log('replayed; comparing rules…');
  const rules = await benchRules();
  console.log('rules compared; replay cost and apply latency by partners…');
  const sizes = families();
  console.log('running the CLI over the stream…');
  const cli = await runCli({
    root,
    events: stream.file,
    output: join(out, 'cli-run.out'),
    timeoutMs: CLI_TIMEOUT_MS,
  });
  return {
    stream,
    parse,
    replay,
    simulation,
    rules,
    families: sizes,
    scalePartners: SCALE_PARTNERS,
    applySmallest: APPLY_SMALLEST,
    cli,
  };
}

const started = performance.now();
const measured = await measure();
const benchMs = performance.now() - started;
printTables(measured, benchMs);
writeResults(join(here, 'results.json'), measured, benchMs);
console.log(`written ${join('bench', 'results.json')} (bench took ${(benchMs / 60_000).toFixed(1)} min)`);

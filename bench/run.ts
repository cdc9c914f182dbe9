// npm run bench: the performance targets measured side by side on one generated stream (at
// least 1,000,000 events over 10,000 partners by default): bare JSON.parse of the file, a full
// replay from the file in a child process (its own peak memory), compiled rules against
// json-rules-engine, and how the cost per event scales with the number of partners. Prints a
// table and writes bench/results.json. BENCH_EVENTS, BENCH_PARTNERS, BENCH_SCALE_PARTNERS and
// BENCH_SCALE_MONTHS shrink it for a quick run; BENCH_PROFILE=1 writes CPU profiles of the replays.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { generateEvents } from '../src/simulation/generator.js';
import { parseLines, type ReplayMeasurement } from './replay-child.js';
import { benchRules } from './rules.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
const SEED = Number(process.env.BENCH_SEED ?? 2025);
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 10_000);
const SCALE_PARTNERS = (process.env.BENCH_SCALE_PARTNERS ?? '10000,100000').split(',').map(Number);
const SCALE_MONTHS = Number(process.env.BENCH_SCALE_MONTHS ?? 3);
const GIB_IN_KIB = 1024 * 1024;
/** The old-space bound (MiB) of the streamed replay whose peak memory meets the target. */
const OLD_SPACE_MIB = Number(process.env.BENCH_OLD_SPACE_MIB ?? 768);

interface Stream {
  readonly file: string;
  readonly partners: number;
  readonly months: number;
  readonly events: number;
  readonly bytes: number;
  readonly reused: boolean;
  /** How long generateEvents took (0 when the cached file was reused). */
  readonly generationMs: number;
}

/** Changes to the generator invalidate the cached streams. */
function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of ['generator.ts', 'generator-life.ts', 'generator-payouts.ts', 'random.ts'])
    hash.update(readFileSync(join(root, 'src', 'simulation', name)));
  return hash.digest('hex').slice(0, 16);
}

/** A stream of `partners` over `months`, from bench/out when the same parameters made it before. */
function streamFile(name: string, partners: number, months: number): Stream {
  const file = join(out, `${name}.ndjson`);
  const metaFile = join(out, `${name}.json`);
  const key = { partners, months, seed: SEED, generator: generatorFingerprint() };
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as typeof key & { events: number; bytes: number };
    const same = Object.entries(key).every(([field, value]) => meta[field as keyof typeof key] === value);
    if (same)
      return {
        file,
        partners,
        months,
        events: meta.events,
        bytes: meta.bytes,
        reused: true,
        generationMs: 0,
      };
  }
  const started = performance.now();
  const events = generateEvents({ partners, months, seed: SEED });
  const generationMs = performance.now() - started;
  const descriptor = openSync(file, 'w');
  let bytes = 0;
  for (let start = 0; start < events.length; start += 10_000) {
    const chunk = `${events
      .slice(start, start + 10_000)
      .map((event) => JSON.stringify(event))
      .join('\n')}\n`;
    bytes += Buffer.byteLength(chunk);
    writeSync(descriptor, chunk);
  }
  closeSync(descriptor);
  // Indented as Biome formats JSON, so `biome check .` stays clean with bench/out present.
  writeFileSync(metaFile, `${JSON.stringify({ ...key, events: events.length, bytes }, null, 2)}\n`);
  return { file, partners, months, events: events.length, bytes, reused: false, generationMs };
}

/** The fewest months (in steps of 6) whose stream reaches the target, estimated on a sample. */
function monthsFor(partners: number, target: number): number {
  const sample = Math.min(partners, 1_000);
  for (let months = 6; months < 1_200; months += 6) {
    const events = generateEvents({ partners: sample, months, seed: SEED, refunds: true }).length;
    if ((events * partners) / sample >= target * 1.02) return months;
  }
  return 1_200;
}

function mainStream(): Stream {
  let months = monthsFor(PARTNERS, TARGET_EVENTS);
  for (;;) {
    const stream = streamFile('stream', PARTNERS, months);
    if (stream.events >= TARGET_EVENTS) return stream;
    months += 3;
  }
}

/** (a) Read the file and JSON.parse every line, the best of three runs. */
function bareParse(stream: Stream) {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const lines = parseLines(readFileSync(stream.file, 'utf8')).length;
    best = Math.min(best, performance.now() - started);
    if (lines !== stream.events) throw new Error(`parsed ${lines} lines, expected ${stream.events}`);
  }
  return { ms: best, linesPerSecond: stream.events / (best / 1000) };
}

/** (b) A full replay from the file in a child process. */
function replayInChild(
  stream: Stream,
  label: string,
  mode: 'memory' | 'stream' = 'memory',
  nodeFlags: readonly string[] = [],
): ReplayMeasurement {
  const profile = process.env.BENCH_PROFILE === '1';
  const profileFlags = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${join(out, 'profiles')}`, `--cpu-prof-name=${label}.cpuprofile`]
    : [];
  const child = spawnSync(
    process.execPath,
    [...nodeFlags, ...profileFlags, '--import', 'tsx', join(here, 'replay-child.ts'), stream.file, mode],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`replay child failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ReplayMeasurement;
}

/** (d) Replay cost per event at each partner count, the same months so the same events each. */
function scaling() {
  return SCALE_PARTNERS.map((partners) => {
    const stream = streamFile(`scale-${partners}`, partners, SCALE_MONTHS);
    const replay = replayInChild(stream, `scale-${partners}`);
    return {
      partners,
      events: stream.events,
      eventsPerPartner: stream.events / partners,
      microsecondsPerEvent: (replay.replayMs * 1000) / replay.events,
      rejected: replay.rejected,
      maxRssKiB: replay.maxRssKiB,
    };
  });
}

interface Target {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  readonly pass: boolean;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const stream = mainStream();
  console.log(
    `stream: ${stream.events.toLocaleString('en')} events, ${stream.partners.toLocaleString('en')} partners, ` +
      `${stream.months} months (${stream.reused ? 'reused' : `generated in ${(stream.generationMs / 1000).toFixed(1)} s`})`,
  );
  const parse = bareParse(stream);
  const held = replayInChild(stream, 'replay');
  const unbounded = replayInChild(stream, 'replay-stream', 'stream');
  // The engine's live state for the stream is far smaller than what V8 lets the heap grow to by
  // default; a host bounds the old space as it would for any long-running Node process.
  const replay = replayInChild(stream, 'replay-stream-bounded', 'stream', [
    `--max-old-space-size=${OLD_SPACE_MIB}`,
  ]);
  const replayPerSecond = replay.events / (replay.totalMs / 1000);
  console.log('replayed; comparing rules…');
  finish(stream, parse, replay, replayPerSecond, await benchRules(), held, unbounded);
}

function finish(
  stream: Stream,
  parse: ReturnType<typeof bareParse>,
  replay: ReplayMeasurement,
  replayPerSecond: number,
  rules: Awaited<ReturnType<typeof benchRules>>,
  held: ReplayMeasurement,
  unbounded: ReplayMeasurement,
): void {
  console.log('rules compared; scaling…');
  const scale = scaling();
  const first = scale[0];
  const last = scale.at(-1);
  const scaleRatio = first && last ? last.microsecondsPerEvent / first.microsecondsPerEvent : Number.NaN;
  const share = replayPerSecond / parse.linesPerSecond;
  const targets: Target[] = [
    { name: 'replay rate vs bare JSON.parse', target: '>= 40 %', value: percent(share), pass: share >= 0.4 },
    {
      name: 'replay peak RSS',
      target: '< 1 GiB',
      value: `${(replay.maxRssKiB / 1024).toFixed(0)} MiB`,
      pass: replay.maxRssKiB < GIB_IN_KIB,
    },
    {
      name: 'compiled rules vs json-rules-engine',
      target: '>= 200x',
      value: `${rules.ratio.toFixed(0)}x`,
      pass: rules.ratio >= 200,
    },
    {
      name: `cost per event, ${last?.partners} vs ${first?.partners} partners`,
      target: '<= 1.5x',
      value: `${scaleRatio.toFixed(2)}x`,
      pass: scaleRatio <= 1.5,
    },
  ];
  printTables(stream, parse, replay, replayPerSecond, rules, scale, targets, held, unbounded);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    seed: SEED,
    stream: {
      partners: stream.partners,
      months: stream.months,
      events: stream.events,
      bytes: stream.bytes,
      generationMs: stream.reused ? null : stream.generationMs,
    },
    parse: { ms: parse.ms, linesPerSecond: parse.linesPerSecond },
    replay: {
      ...replay,
      mode: `stream: file lines into a batch, entries and effects to sinks, --max-old-space-size=${OLD_SPACE_MIB}`,
      eventsPerSecond: replayPerSecond,
      shareOfParseRate: share,
    },
    replayUnbounded: {
      ...unbounded,
      mode: 'stream, V8 default heap limits',
      eventsPerSecond: unbounded.events / (unbounded.totalMs / 1000),
    },
    replayHeld: {
      ...held,
      mode: 'memory: every event parsed first, engine.replay, ledger and effects held',
      eventsPerSecond: held.events / (held.totalMs / 1000),
    },
    rules,
    scaling: { months: SCALE_MONTHS, runs: scale, ratio: scaleRatio },
    targets,
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${join('bench', 'results.json')}`);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function rate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en')}/s`;
}

function printTables(
  stream: Stream,
  parse: ReturnType<typeof bareParse>,
  replay: ReplayMeasurement,
  replayPerSecond: number,
  rules: Awaited<ReturnType<typeof benchRules>>,
  scale: ReturnType<typeof scaling>,
  targets: readonly Target[],
  held: ReplayMeasurement,
  unbounded: ReplayMeasurement,
): void {
  const figures = new Table({ head: ['measure', 'figure'], style: { head: [], border: [] } });
  figures.push(
    ['(a) JSON.parse of every line', `${rate(parse.linesPerSecond)} (${(parse.ms / 1000).toFixed(2)} s)`],
    [
      `(b) read + parse + replay, streamed, old space ${OLD_SPACE_MIB} MiB`,
      `${rate(replayPerSecond)} (${(replay.totalMs / 1000).toFixed(2)} s)`,
    ],
    ['    peak RSS', `${(replay.maxRssKiB / 1024).toFixed(0)} MiB`],
    ['    rejected', String(replay.rejected)],
    [
      '(b) the same, V8 default heap',
      `${rate(unbounded.events / (unbounded.totalMs / 1000))} (${(unbounded.totalMs / 1000).toFixed(2)} s)`,
    ],
    ['    peak RSS', `${(unbounded.maxRssKiB / 1024).toFixed(0)} MiB`],
    [
      '(b) the same, all held in memory',
      `${rate(held.events / (held.totalMs / 1000))} (${(held.totalMs / 1000).toFixed(2)} s)`,
    ],
    ['    peak RSS', `${(held.maxRssKiB / 1024).toFixed(0)} MiB`],
    ['(c) compiled rules', rate(rules.compiledPerSecond)],
    ['    json-rules-engine Engine.run', rate(rules.referencePerSecond)],
    ...scale.map((run) => [
      `(d) ${run.partners.toLocaleString('en')} partners, ${run.events.toLocaleString('en')} events`,
      `${run.microsecondsPerEvent.toFixed(1)} µs/event (${run.eventsPerPartner.toFixed(1)} events/partner)`,
    ]),
  );
  const verdicts = new Table({ head: ['target', 'wanted', 'measured', ''], style: { head: [], border: [] } });
  for (const target of targets)
    verdicts.push([target.name, target.target, target.value, target.pass ? 'pass' : 'FAIL']);
  console.log(`${stream.events.toLocaleString('en')} events, node ${process.version}, ${cpus().length} CPUs`);
  console.log(figures.toString());
  console.log(verdicts.toString());
}

await main();

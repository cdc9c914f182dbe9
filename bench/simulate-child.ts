// `simulate` with three candidates over a stream, as the CLI runs it: the file read as the CLI
// reads it, the events normalised and shared once, the baseline and candidates replayed side by
// side on worker threads (at most one per core). Prints one JSON line. Run alone with
// `--with-replay` to time one streamed replay of the same file first (bench/replay-child.ts, in a
// process of its own) and print the ratio the target judges:
//   npx tsx bench/simulate-child.ts bench/out/stream.ndjson --with-replay
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readEventsFile } from '../src/cli/io.js';
import type { Program } from '../src/index.js';
import { builtLibrary } from './library.js';
import type { ReplayMeasurement } from './replay-child.js';
import { cpuMicros } from './sampling.js';

const { loadProgram, simulateInWorkers, sisoProgram } = await builtLibrary();

export interface SimulateMeasurement {
  readonly events: number;
  readonly candidates: number;
  readonly workers: number;
  /** Reading the file, preparing the events, the four runs and the report: wall time. */
  readonly wallMs: number;
  /** Of which reading and preparing the file (before the workers start). */
  readonly readMs: number;
  readonly cpuMicros: number;
  readonly baselineTotal: string;
  readonly deltas: readonly string[];
}

/** The candidates: Active at 24 %, Starter at 18 %, every referral bonus at 8 %. */
function candidates(): Program[] {
  const changed = (change: (tier: Record<string, unknown>) => void) => {
    const document = structuredClone(sisoProgram) as unknown as { tiers: Array<Record<string, unknown>> };
    for (const tier of document.tiers) change(tier);
    return loadProgram(document);
  };
  return [
    changed((tier) => {
      if (tier.id === 'active') tier.baseRate = '0.24';
    }),
    changed((tier) => {
      if (tier.id === 'starter') tier.baseRate = '0.18';
    }),
    changed((tier) => {
      if (tier.referralBonusRate !== undefined) tier.referralBonusRate = '0.08';
    }),
  ];
}

export async function measureSimulate(file: string): Promise<SimulateMeasurement> {
  const cpu = cpuMicros();
  const started = performance.now();
  const { events } = readEventsFile(file);
  const readMs = performance.now() - started;
  const programs = candidates();
  const report = await simulateInWorkers({ events, baseline: sisoProgram, candidates: programs });
  return {
    events: events.length,
    candidates: programs.length,
    workers: Math.min(availableParallelism(), programs.length + 1),
    wallMs: performance.now() - started,
    readMs,
    cpuMicros: cpuMicros() - cpu,
    baselineTotal: report.baseline.total,
    deltas: report.candidates.map((candidate) => candidate.delta),
  };
}

function replayAlone(file: string): ReplayMeasurement {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'replay-child.ts'), file, '0'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`replay child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as ReplayMeasurement;
}

const [, script, file, flag] = process.argv;
if (script !== undefined && file !== undefined && import.meta.url === pathToFileURL(script).href) {
  const replay = flag === '--with-replay' ? replayAlone(file) : undefined;
  const simulation = await measureSimulate(file);
  if (replay) {
    const ratio = simulation.wallMs / replay.wallMs;
    // On a machine others share, wall times say little: CPU time says what the runs cost.
    const cpuRatio = simulation.cpuMicros / replay.cpuMicros;
    console.log(
      `replay ${(replay.wallMs / 1000).toFixed(1)} s (CPU ${(replay.cpuMicros / 1e6).toFixed(1)} s); ` +
        `simulate (3 candidates, ${simulation.workers} workers) ${(simulation.wallMs / 1000).toFixed(1)} s ` +
        `(CPU ${(simulation.cpuMicros / 1e6).toFixed(1)} s, ${cpuRatio.toFixed(2)}x the replay's), of which reading ` +
        `${(simulation.readMs / 1000).toFixed(1)} s: ${ratio.toFixed(2)}x by wall (target <= 2.5x: ${ratio <= 2.5 ? 'pass' : 'FAIL'})`,
    );
  }
  const replayed = replay ? { replayWallMs: replay.wallMs, replayCpuMicros: replay.cpuMicros } : {};
  process.stdout.write(`${JSON.stringify({ ...simulation, ...replayed })}\n`);
}

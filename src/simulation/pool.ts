// A pool of simulation workers, no more than the machine's cores: each is started with the shared
// events and given programmes one at a time until none is left. The worker's file is found next
// to this module: built (dist/simulation-worker.js, from dist/ or dist/cli/), or as TypeScript
// under src/ (vitest, tsx), where the worker registers tsx before loading it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Program } from '../program/load.js';
import type { SharedEventsData } from './ordered-events.js';
import type { ProgramRun, RunProgramOptions } from './run-program.js';
import type { WorkerData, WorkerReply, WorkerTask } from './worker-protocol.js';

/**
 * How the worker-thread versions (`simulateInWorkers`, `sweepInWorkers`) run: how many workers, and
 * progress.
 */
export interface PoolOptions {
  /** Worker threads at most; default and upper bound: os.availableParallelism(). */
  readonly workers?: number;
  /** Called as events are replayed: events done over all runs, and the total (events × runs). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs each programme over the shared events on a worker thread; the runs in programme order.
 *
 * @example
 * const [baseline, candidate] = await runInPool(prepared.shared(), [siso, active24], { timeZone: 'UTC' });
 */
export async function runInPool(
  events: SharedEventsData,
  programs: readonly Program[],
  options: RunProgramOptions,
  pool: PoolOptions = {},
): Promise<ProgramRun[]> {
  const cores = availableParallelism();
  const size = Math.max(1, Math.min(cores, programs.length, pool.workers ?? cores));
  const eventCount = events.indices.byteLength / Int32Array.BYTES_PER_ELEMENT;
  const runs: Array<ProgramRun | undefined> = programs.map(() => undefined);
  const progress = programs.map(() => 0);
  let next = 0;
  const report = () =>
    pool.onProgress?.(
      progress.reduce((sum, done) => sum + done, 0),
      eventCount * programs.length,
    );
  const work = async (): Promise<void> => {
    const worker = startWorker({ events });
    try {
      while (next < programs.length) {
        const task = next++;
        runs[task] = await runTask(
          worker,
          { task, program: documentOf(programs[task] as Program), options },
          (done) => {
            progress[task] = done;
            report();
          },
        );
        progress[task] = eventCount;
        report();
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: size }, work));
  return runs.map((run, index) => {
    if (run === undefined) throw new Error(`internal: programme ${index} was never run`);
    return run;
  });
}

/** The programme as plain JSON, which a message carries (custom operators do not cross). */
function documentOf(program: Program): WorkerTask['program'] {
  return JSON.parse(JSON.stringify(program)) as WorkerTask['program'];
}

function runTask(worker: Worker, task: WorkerTask, onProgress: (done: number) => void): Promise<ProgramRun> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.task !== task.task) return;
      if (reply.kind === 'progress') return onProgress(reply.done);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reply.kind === 'done') resolve(reply.run);
      else reject(new Error(`simulating programme ${task.task}: ${reply.message}`));
    };
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) => reject(new Error(`a simulation worker stopped (exit ${code})`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}

function startWorker(data: WorkerData): Worker {
  const here = moduleUrl();
  if (here.endsWith('.ts')) {
    // Under vitest or tsx the worker is TypeScript: it registers tsx's loader, then imports it.
    const loader = createRequire(here)
      .resolve('tsx/package.json')
      .replace(/package\.json$/, 'dist/esm/api/index.mjs');
    const target = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(pathToFileURL(loader).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true, workerData: data });
  }
  return new Worker(builtWorker(here), { workerData: data });
}

/** dist/simulation-worker.js, seen from dist/index.js or from the CLI's dist/cli/main.js. */
function builtWorker(here: string): URL {
  const places = [new URL('./simulation-worker.js', here), new URL('../simulation-worker.js', here)];
  const found = places.find((place) => existsSync(fileURLToPath(place)));
  if (!found)
    throw new Error(
      `cannot find the simulation worker (simulation-worker.js) next to ${fileURLToPath(here)}`,
    );
  return found;
}

function moduleUrl(): string {
  // The CommonJS build has no import.meta.url; its file name says the same.
  return import.meta.url ?? pathToFileURL(__filename).href;
}

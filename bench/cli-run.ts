// `partner-engine run --format json` over a stream, as a user runs it: the built CLI (built first
// when dist is missing or older than src) in a child with V8's default heap, its output to a
// file, a time limit, and its peak resident memory. A crash or a timeout is reported, not thrown.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale } from './library.js';

export interface CliRun {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly wallMs: number;
  /** Peak resident set, KiB: the CLI's own resourceUsage at exit, else the last VmHWM polled. */
  readonly maxRssKiB: number;
  readonly rssFrom: 'resourceUsage' | '/proc VmHWM' | 'none';
  readonly outputBytes: number;
  /** The last lines of its stderr (why it failed, when it did). */
  readonly stderrTail: string;
  /** How long `npm run build` took, or null when dist was up to date. */
  readonly buildMs: number | null;
}

export interface CliRunOptions {
  readonly root: string;
  readonly events: string;
  readonly output: string;
  readonly timeoutMs: number;
}

/**
 * Loads the CLI in this process after setting argv as `node dist/cli/main.js …` would, and on
 * exit writes its own resource usage to fd 3: a child's rusage is not something Node returns to
 * its parent. A fatal error (out of memory) skips the exit event; the parent's polling covers that.
 */
const WRAPPER = `
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [cli, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + '\\n'));
await import(pathToFileURL(cli).href);
`;
const POLL_MS = 100;

/** The peak resident set of a running process, KiB, or 0 once it has gone. */
function vmHwmKiB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs the CLI over `events`, its stdout to `output` (removed afterwards: it may be gigabytes). */
export async function runCli(options: CliRunOptions): Promise<CliRun> {
  const buildMs = buildIfStale();
  const cli = join(options.root, 'dist', 'cli', 'main.js');
  const args = [cli, 'run', '--events', options.events, '--format', 'json'];
  const output = openSync(options.output, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRAPPER, ...args], {
    cwd: options.root,
    stdio: ['ignore', output, 'pipe', 'pipe'],
  });
  closeSync(output);
  let stderr = '';
  let report = '';
  child.stderr?.on('data', (data: Buffer) => {
    stderr = (stderr + data.toString('utf8')).slice(-4096);
  });
  child.stdio[3]?.on('data', (data: Buffer) => {
    report += data.toString('utf8');
  });
  let polled = 0;
  const poll = setInterval(() => {
    polled = Math.max(polled, vmHwmKiB(child.pid ?? 0));
  }, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('close', (code, signalName) => resolve([code, signalName])),
  );
  clearInterval(poll);
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const outputBytes = statSync(options.output).size;
  rmSync(options.output);
  const reported = report === '' ? null : (JSON.parse(report) as { maxRssKiB: number });
  return {
    exitCode,
    signal,
    timedOut,
    wallMs,
    maxRssKiB: reported?.maxRssKiB ?? polled,
    rssFrom: reported ? 'resourceUsage' : polled > 0 ? '/proc VmHWM' : 'none',
    outputBytes,
    stderrTail: stderr.trim().split('\n').slice(-3).join('\n'),
    buildMs,
  };
}

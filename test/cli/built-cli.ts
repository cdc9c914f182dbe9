// The CLI bundle built with the project's own tsup settings for its entry, into a private folder
// inside the repository (so it finds commander & co. in node_modules, and a build running
// elsewhere, which cleans dist/, cannot pull it away mid-test), and a way to run it as a user does.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import tsupConfig from '../../tsup.config.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the bundle into a new folder under .tmp/ and gives the path of its main.js. */
export async function buildCli(prefix: string): Promise<{ folder: string; main: string }> {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const folder = mkdtempSync(join(root, '.tmp', prefix));
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cli = configs.find((config) => JSON.stringify(config.entry).includes('cli/main'));
  if (!cli) throw new Error('tsup.config.ts has no cli/main entry');
  await build({ ...cli, outDir: folder, config: false, silent: true, sourcemap: false });
  return { folder, main: join(folder, 'cli', 'main.js') };
}

export interface RunCliOptions {
  /** The TZ the process runs in (default UTC): output must not depend on it. */
  readonly timeZone?: string;
  /** What standard input holds. */
  readonly input?: string;
}

/** Runs the bundle's main.js as a user runs the binary: no debug output, up to 64 MiB of output. */
export function runCli(
  main: string,
  args: readonly string[],
  options: RunCliOptions = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: options.timeZone ?? 'UTC', PARTNER_ENGINE_DEBUG: '' },
    ...(options.input === undefined ? {} : { input: options.input }),
    maxBuffer: 64 * 1024 * 1024,
  });
}

// The library as a host runs it: the built package (dist/index.js), not the sources through the
// TypeScript loader the bench scripts themselves run under (which wraps every function it
// transpiles and costs the fold about a fifth of its speed). The bench builds first when dist is
// missing or older than a file of src, so the figures are always those of the code in src.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package's public API, as src/index.ts declares it. */
export type Library = typeof import('../src/index.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtimeMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/** Runs `npm run build` when dist is missing or older than a file of src; how long it took, or null. */
export function buildIfStale(): number | null {
  const built = [join(root, 'dist', 'index.js'), join(root, 'dist', 'cli', 'main.js')];
  const newest = newestMtimeMs(join(root, 'src'));
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= newest)) return null;
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}): ${build.stderr}`);
  return performance.now() - started;
}

/** The built library (the parent bench process has built it: see buildIfStale). */
export async function builtLibrary(): Promise<Library> {
  const file = join(root, 'dist', 'index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (npm run bench does)`);
  return (await import(pathToFileURL(file).href)) as Library;
}

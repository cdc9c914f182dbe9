// Packs the library as a fresh clone would (the files git tracks, no dist/: `prepack` must build
// it), checks the tarball holds the build, the licence and the programme files, and installs it in
// an empty folder, then checks that `import` and `require` of the package and of `./testing` work,
// that the types resolve and that the `partner-engine` binary runs (npm run pack-check).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'partner-engine-pack-'));
const run = (command, args, cwd = folder, input = undefined) =>
  execFileSync(command, args, {
    cwd,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
    encoding: 'utf8',
    input,
  });

/** What a fresh clone holds: the files git tracks, as they are in the working tree; no dist/. */
function cleanCopy() {
  const copy = join(folder, 'clone');
  const tracked = run('git', ['ls-files', '-z'], root).split('\0').filter(Boolean);
  for (const file of tracked) {
    // A file deleted in the working tree and not yet committed is not in the copy either.
    if (file === 'node_modules' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(root, file), join(copy, file));
  }
  if (existsSync(join(copy, 'dist'))) throw new Error('dist/ is tracked by git: a clone would not build it');
  // The dependencies `npm ci` installed here, rather than a second install from the registry.
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** The tarball `npm pack` makes of the clean copy (its prepack script builds dist/ first). */
function pack() {
  const destination = join(folder, 'tarball');
  mkdirSync(destination);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
    cwd: cleanCopy(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const files = new Set(
    run('tar', ['-tzf', join(destination, tarball)])
      .trim()
      .split('\n'),
  );
  const expected = [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/testing/index.js',
    'dist/testing/index.cjs',
    'dist/cli/main.js',
    'dist/simulation-worker.js',
    'LICENSE',
    'README.md',
    'package.json',
    'program.schema.json',
    'examples/programs/siso.json',
  ];
  const missing = expected.filter((file) => !files.has(`package/${file}`));
  if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(', ')}`);
  const strays = [...files].filter((file) => /^package\/(src|test|\.tmp|node_modules)\//.test(file));
  if (strays.length > 0) throw new Error(`the tarball holds ${strays.slice(0, 3).join(', ')}`);
  console.log(`tarball ok (${files.size} files, dist/ built by prepack from a clean copy)`);
  return join(destination, tarball);
}

try {
  const tarball = pack();
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
  );
  // fast-check is the ./testing entry point's peer dependency: a host's CI has it.
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', tarball, 'fast-check@^4']);
  const esm = `import { createEngine, sisoProgram } from '@siso/partner-engine';
import { arbitraries } from '@siso/partner-engine/testing';
const engine = createEngine(sisoProgram);
const result = engine.apply(engine.initialState(), { id: 'e1', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p1', sponsorId: null });
if (!result.ok || typeof arbitraries !== 'object') throw new Error('ESM import failed');
console.log('esm ok');`;
  const cjs = `const { createEngine, sisoProgram } = require('@siso/partner-engine');
const { invariants } = require('@siso/partner-engine/testing');
if (typeof createEngine !== 'function' || sisoProgram.tiers.length !== 4 || typeof invariants !== 'object') throw new Error('CJS require failed');
console.log('cjs ok');`;
  const types = `import { createEngine, sisoProgram, type LedgerEntry } from '@siso/partner-engine';
const engine = createEngine(sisoProgram);
const entries: readonly LedgerEntry[] = engine.replay([]).ledger;
const amount: string | undefined = entries[0]?.amount;
export { amount };`;
  writeFileSync(join(folder, 'esm.mjs'), esm);
  writeFileSync(join(folder, 'cjs.cjs'), cjs);
  writeFileSync(join(folder, 'types.ts'), types);
  process.stdout.write(run('node', ['esm.mjs']));
  process.stdout.write(run('node', ['cjs.cjs']));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  run('node', [
    tsc,
    '--noEmit',
    '--strict',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--skipLibCheck',
    'types.ts',
  ]);
  console.log('types ok');
  const bin = join(folder, 'node_modules', '.bin', 'partner-engine');
  if (!run(bin, ['--help']).includes('Usage: partner-engine'))
    throw new Error('partner-engine --help failed');
  const events = run(bin, ['generate', '--partners', '3', '--months', '1', '--seed', '1']);
  const report = JSON.parse(
    run(bin, ['run', '--events', '-', '--format', 'json', '--strict'], folder, events),
  );
  if (report.partners.length !== 3) throw new Error('partner-engine run did not report the 3 partners');
  console.log('bin ok');
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// Packs the library and installs the tarball in an empty folder, then checks that `import` and
// `require` of the package and of `./testing` work and that the types resolve (npm run pack-check).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'partner-engine-pack-'));
const run = (command, args, cwd = folder) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', folder], root)
    .trim()
    .split('\n')
    .pop();
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
  );
  // fast-check is the ./testing entry point's peer dependency: a host's CI has it.
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', join(folder, tarball), 'fast-check@^4']);
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
} finally {
  rmSync(folder, { recursive: true, force: true });
}

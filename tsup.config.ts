import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
    // The simulation pool finds its worker file from import.meta.url, in the CommonJS build too.
    shims: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The simulation's worker thread, beside index.js and found from it or from cli/main.js.
    entry: { 'simulation-worker': 'src/simulation/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);

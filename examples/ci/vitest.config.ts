// Runs the CI example inside this repository: the package's names point at the sources, and
// the programme defaults to the SISO one. A host needs none of this; its own vitest config runs
// programme.prop.test.ts with the published package.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@siso\/partner-engine\/testing$/, replacement: fromRoot('src/testing/index.ts') },
      { find: /^@siso\/partner-engine$/, replacement: fromRoot('src/index.ts') },
    ],
  },
  test: {
    root: fromRoot(''),
    include: ['examples/ci/**/*.prop.test.ts'],
    env: { PARTNER_PROGRAMME: process.env.PARTNER_PROGRAMME ?? fromRoot('examples/programs/siso.json') },
    testTimeout: 120_000,
  },
});

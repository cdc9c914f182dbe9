import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the package by name, as a host does: tsconfig.json's paths say where it is.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@tessera/shared': src('shared'),
      '@tessera/credentials': src('credentials'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/src/**/*.test.tsx'],
    // The run against PostgreSQL (TEST_DATABASE_URL set) repeats what touches a database: the server's tests. The engine,
    // the shared contracts and the web components never open one, so their results could not differ there.
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      ...(process.env.TEST_DATABASE_URL ? ['packages/credentials/**', 'packages/shared/**', 'packages/web/**'] : []),
    ],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});

// Lint rules for the whole repository (flat config).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// Server folders that are infrastructure, not slices (the database, HTTP plumbing, the job queue, the CLI and the
// composition of all slices in jobs/handlers.ts): any file may use them directly.
const SERVER_INFRA = new Set(['shared', 'db', 'testing', 'http', 'types', 'cli', 'seed', 'jobs']);
/** The server's domain slices (every other folder of packages/server/src). */
const SERVER_SLICES = readdirSync(new URL('./packages/server/src/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !SERVER_INFRA.has(d.name))
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'artifacts/**', 'packages/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Each server slice exposes a small public surface (its index.ts); other slices import only that.
    // Tests and test support may reach a slice's internals.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/*.test.ts', 'packages/server/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${SERVER_SLICES.join('|')})/(?!index\\.js$)`,
              message: 'Import another slice only through its index.ts (its public surface).',
            },
          ],
        },
      ],
    },
  },
);

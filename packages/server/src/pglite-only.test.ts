import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The PostgreSQL run leaves out the server test files listed as PGLITE_ONLY in vitest.config.ts. That is only
 * honest while none of them can reach TEST_DATABASE_URL: each must exist and must not use the test harness
 * (which opens the PostgreSQL database) nor read the variable itself.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function pgliteOnly(): string[] {
  const config = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8');
  const block = /export const PGLITE_ONLY = \[([\s\S]*?)\];/.exec(config)?.[1] ?? '';
  return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

describe('files left out of the PostgreSQL run', () => {
  const files = pgliteOnly();

  it('are listed', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s exists and never reaches TEST_DATABASE_URL', (file) => {
    const path = join(ROOT, file);
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/testing\/harness|TEST_DATABASE_URL|createTestContext|createTestDatabase/);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, restoreTemplateDir, writePgliteTemplate, writePgliteTemplateDir } from './client.js';
import { queryRows } from './rows.js';

describe('the PGlite template directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'tessera-template-dir-'));
  const template = join(root, 'template');

  beforeAll(async () => {
    const tarball = join(root, 'template.tar.gz');
    await writePgliteTemplate(tarball);
    await writePgliteTemplateDir(tarball, template);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is written by PGlite from the tarball, with nothing left beside it', () => {
    expect(existsSync(join(template, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['template', 'template.tar.gz']);
  });

  it('becomes a new database: copied into a missing directory, which then opens migrated', async () => {
    const dir = join(root, 'fresh', 'pglite');
    expect(restoreTemplateDir(dir, template)).toBe(true);
    expect(readdirSync(join(root, 'fresh'))).toEqual(['pglite']);
    const db = await openPglite(dir);
    try {
      const [row] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from awards`);
      expect(row?.n).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('fills an empty directory, and never touches one that holds anything', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(restoreTemplateDir(empty, template)).toBe(true);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);

    const used = join(root, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'mine');
    expect(restoreTemplateDir(used, template)).toBe(false);
    expect(readdirSync(used)).toEqual(['notes.txt']);
  });

  it('removes the copies that killed starts left behind, never one of a process still running', () => {
    const dir = join(root, 'crashed', 'pglite');
    mkdirSync(dirname(dir), { recursive: true });
    // A process id no process has (pid_max on Linux is at most 2^22), and this test's parent, which is running.
    const dead = join(root, 'crashed', 'pglite.4194305.restoring');
    const live = join(root, 'crashed', `pglite.${process.ppid}.restoring`);
    for (const d of [dead, live]) {
      mkdirSync(d);
      writeFileSync(join(d, 'PG_VERSION'), '17');
    }
    expect(restoreTemplateDir(dir, template)).toBe(true);
    expect(readdirSync(join(root, 'crashed')).sort()).toEqual(['pglite', `pglite.${process.ppid}.restoring`]);
  });

  it('is not used when there is none (the tarball or initdb makes the database then)', () => {
    const dir = join(root, 'none');
    expect(restoreTemplateDir(dir, join(root, 'missing-template'))).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkSummary } from '@tessera/shared';
import { openDatabase } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { cliArgs } from '../testing/node-entry.js';

const ARGS = cliArgs();
const dir = mkdtempSync(join(tmpdir(), 'tessera-award-cli-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TESSERA_DATA_DIR: join(dir, 'data'),
  TESSERA_BASE_URL: 'http://localhost:3000',
  TESSERA_LOG_LEVEL: 'silent',
};
delete env['DATABASE_URL'];
const tessera = (...args: string[]) => spawnSync(process.execPath, [...ARGS, ...args], { env, encoding: 'utf8', timeout: 180_000 });
let achievementId = '';
const today = new Date().toISOString().slice(0, 10);
const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;

function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  expect(tessera('seed-demo').status).toBe(0);
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select a.id from achievements a join orgs o on o.id = a.org_id where o.slug = 'riverside' and a.status = 'published' order by a.created_at limit 1`,
    );
    achievementId = row?.id ?? '';
  } finally {
    await database.close();
  }
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tessera award', () => {
  it('exit 2 when it cannot run: bad arguments, an unknown organisation, an unreadable file', () => {
    const noFile = tessera('award', '--org', 'riverside', '--achievement', 'x');
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('Usage: tessera award');
    const unknownOrg = tessera(
      'award',
      '--org',
      'nowhere',
      '--achievement',
      achievementId,
      csv('one.csv', 'email,name\na@cli.example,A\n'),
    );
    expect([unknownOrg.status, unknownOrg.stderr.trim()]).toEqual([2, 'tessera award: No organisation "nowhere"']);
    expect(tessera('award', '--org', 'riverside', '--achievement', achievementId, join(dir, 'missing.csv')).status).toBe(2);
  }, 240_000);

  it('exit 0 and a JSON summary when every row is issued; exit 1 when a row fails (the others are still issued)', () => {
    const ok = tessera(
      'award',
      '--org',
      'riverside',
      '--achievement',
      achievementId,
      '--json',
      csv('ok.csv', `email,name,issued_on\nann@cli.example,Ann,${today}\nbo@cli.example,Bo,\n`),
    );
    expect(ok.status).toBe(0);
    const summary = BulkSummary.parse(JSON.parse(ok.stdout));
    expect([summary.issued, summary.skipped, summary.failed]).toEqual([2, 0, 0]);
    const mixed = tessera(
      'award',
      '--org',
      'riverside',
      '--achievement',
      achievementId,
      '--json',
      csv('mixed.csv', `email,name,issued_on\nann@cli.example,Ann,\ncy@cli.example,Cy,${nextYear}\ndee@cli.example,Dee,\n`),
    );
    expect(mixed.status).toBe(1);
    const s = BulkSummary.parse(JSON.parse(mixed.stdout));
    expect([s.issued, s.skipped, s.failed]).toEqual([1, 1, 1]);
  }, 240_000);

  it('--dry-run awards nothing and exits 1 when rows have problems', () => {
    const dry = tessera(
      'award',
      '--org',
      'riverside',
      '--achievement',
      achievementId,
      '--dry-run',
      csv('dry.csv', 'email,name\nnot-an-email,X\n'),
    );
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain('row 2, email: "not-an-email" is not a valid email address');
  }, 240_000);
});

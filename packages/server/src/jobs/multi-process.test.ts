import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { createTestDatabase, TEST_DATABASE_URL } from '../testing/harness.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';
import { enqueueJob } from './queue.js';
import { findJob } from './store.js';
import { scriptArgs } from '../testing/node-entry.js';

const SCRIPT = fileURLToPath(new URL('../testing/job-worker-process.ts', import.meta.url));

function spawnWorker(url: string, leaseMs: number, log: string): Promise<ChildProcess> {
  // The script runs in this very process (no wrapper), so SIGKILL really kills the worker.
  const child = spawn(process.execPath, [...scriptArgs(SCRIPT), url, String(leaseMs), log], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

// Separate worker processes need a database server both can reach: PGlite is embedded in one process,
// so this file runs in the PostgreSQL pass (TEST_DATABASE_URL, as .ci/run does) and is skipped on PGlite.
describe.skipIf(!TEST_DATABASE_URL)('jobs across worker processes (PostgreSQL)', () => {
  let database: Database;
  let url: string;
  const children: ChildProcess[] = [];
  const deps = () => ({ db: database.db, clock: systemClock, ids: randomIds });

  beforeAll(async () => {
    database = await createTestDatabase();
    const rows = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    const u = new URL(TEST_DATABASE_URL ?? '');
    u.pathname = `/${rows[0]?.name}`;
    url = u.toString();
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await database.close();
  });

  it('two worker processes never run the same job twice', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'tessera-jobs-')), 'runs.log');
    children.push(...(await Promise.all([spawnWorker(url, 30_000, log), spawnWorker(url, 30_000, log)])));
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) ids.push((await enqueueJob(deps(), { type: 'append', payload: { i } })).id);
    await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').trim().split('\n').length >= ids.length);
    await new Promise((r) => setTimeout(r, 300));
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const ran = lines.map((l) => l.split(' ')[0]);
    expect(ran.length).toBe(ids.length);
    expect(new Set(ran)).toEqual(new Set(ids));
    const pids = new Set(lines.map((l) => l.split(' ')[1]));
    expect(pids.size).toBe(2);
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });

  it('a job whose worker is killed is picked up again after its lease ends', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'tessera-jobs-')), 'hang.log');
    const { id } = await enqueueJob(deps(), { type: 'hang', payload: {} });
    const first = await spawnWorker(url, 1500, log);
    children.push(first);
    await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').includes(`start ${id}`));
    first.kill('SIGKILL');
    expect((await findJob(database.db, id))?.state).toBe('running');
    const second = await spawnWorker(url, 1500, log);
    children.push(second);
    await waitFor(async () => (await findJob(database.db, id))?.state === 'succeeded', 30_000);
    const job = await findJob(database.db, id);
    expect(job?.attempts).toBe(2);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.filter((l) => l.startsWith('done'))).toEqual([`done ${id} ${second.pid}`]);
  });
});

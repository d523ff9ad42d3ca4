import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import { parseEnv } from '../env.js';
import { bootstrap } from '../main.js';
import { findOrgBySlug } from '../orgs/store.js';
import { seedDemo } from '../seed/demo.js';
import { createTestDatabase, TEST_DATABASE_URL } from '../testing/harness.js';
import { changeBulkRunState } from './change-bulk-run-state.js';
import { createBulkRun } from './create-bulk-run.js';
import { scriptArgs } from '../testing/node-entry.js';

const SCRIPT = fileURLToPath(new URL('./crash-worker-process.ts', import.meta.url));
// Enough rows that a run outlasts the kill window below even on a fast machine (seconds at a few hundred a second).
const ROWS = 800;
// PostgreSQL: the issue's 20 kills. PGlite: 5, because every restart reopens the embedded database and loads the
// server in a new process (seconds each on a 2-core machine), so 20 would add minutes to every test run.
const KILLS = TEST_DATABASE_URL ? 20 : 5;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Start a worker process; resolves once it polls (or rejects if it exits first with an error). */
function startChild(env: NodeJS.ProcessEnv, runId: string): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [...scriptArgs(SCRIPT), runId], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve({ child, exited });
    });
    void exited.then((code) => reject(new Error(`worker exited before it was ready (${code})`)));
  });
}

describe(`bulk run: kill -9 ${KILLS} times at random points, then restart (${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('issues every row exactly once and never uses a status index twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bulk-crash-'));
    dirs.push(dataDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TESSERA_DATA_DIR: dataDir,
      TESSERA_BASE_URL: 'http://localhost:3000',
      TESSERA_LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    };
    delete env['DATABASE_URL'];
    delete env['TESSERA_MASTER_KEY'];
    let dropDatabase: (() => Promise<void>) | null = null;
    if (TEST_DATABASE_URL) {
      const testDb = await createTestDatabase();
      const [row] = await queryRows<{ name: string }>(testDb.db, sql`select current_database() as name`);
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${row?.name}`;
      env['DATABASE_URL'] = u.toString();
      dropDatabase = testDb.close;
    }
    const boot = () => bootstrap(parseEnv(env));
    // Set up: the demo organisation, and a started run of ROWS rows (its job is queued).
    let { deps, database } = await boot();
    await seedDemo(deps);
    const org = await findOrgBySlug(deps.db, 'riverside');
    if (!org) throw new Error('demo organisation missing');
    const [ach] = await queryRows<{ id: string }>(
      deps.db,
      sql`select id from achievements where org_id = ${org.id} and status = 'published' order by created_at limit 1`,
    );
    const lines = ['email,name'];
    for (let i = 1; i <= ROWS; i++) lines.push(`crash-${i}@learners.example,Crash Learner ${i}`);
    const draft = await createBulkRun(deps, {
      org,
      actor: { accountId: null, ip: null },
      achievementId: ach?.id ?? '',
      fileName: 'crash.csv',
      sendClaimMail: false,
      body: [new TextEncoder().encode(`${lines.join('\n')}\n`)],
    });
    await changeBulkRunState(deps, { org, actor: { accountId: null, ip: null }, runId: draft.id, action: 'start' });
    // Each kill during a lease uses one of the job's attempts (10 in production, tested in jobs/); this test kills more
    // often than that on purpose, so it lifts the limit for its own run.
    await deps.db.execute(sql`update jobs set max_attempts = 100 where payload->>'runId' = ${draft.id}`);
    await database.close();

    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      const { child, exited } = await startChild(env, draft.id);
      const finished = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 100 + Math.random() * 1400)),
      ]);
      if (finished) break;
      child.kill('SIGKILL');
      await exited;
      kills += 1;
    }
    const last = await startChild(env, draft.id);
    expect(await last.exited).toBe(0);
    expect(kills).toBeGreaterThan(0);

    ({ deps, database } = await boot());
    try {
      const outcomes = await queryRows<{ outcome: string; n: number }>(
        deps.db,
        sql`select outcome, count(*)::int as n from bulk_award_rows where run_id = ${draft.id} group by outcome`,
      );
      expect(outcomes).toEqual([{ outcome: 'issued', n: ROWS }]);
      const [awards] = await queryRows<{ n: number; refs: number; keys: number }>(
        deps.db,
        sql`select count(*)::int as n, count(distinct source_ref)::int as refs, count(distinct idempotency_key)::int as keys from awards where source_ref like ${`${draft.id}:%`}`,
      );
      expect(awards).toEqual({ n: ROWS, refs: ROWS, keys: ROWS });
      const [creds] = await queryRows<{ n: number; awards: number; indexes: number }>(
        deps.db,
        sql`select count(*)::int as n, count(distinct c.award_id)::int as awards, count(distinct (c.revocation_list_id, c.revocation_index))::int as indexes
              from credentials c join awards a on a.id = c.award_id where a.source_ref like ${`${draft.id}:%`}`,
      );
      expect(creds).toEqual({ n: ROWS, awards: ROWS, indexes: ROWS });
      // No status index of the organisation is used twice, whoever holds it.
      const [all] = await queryRows<{ n: number; indexes: number }>(
        deps.db,
        sql`select count(*)::int as n, count(distinct (revocation_list_id, revocation_index))::int as indexes from credentials where org_id = ${org.id}`,
      );
      expect(all?.indexes).toBe(all?.n);
      // Each row's report points at its own award's credential.
      const [mismatch] = await queryRows<{ n: number }>(
        deps.db,
        sql`select count(*)::int as n from bulk_award_rows r left join credentials c on c.id = r.credential_id left join awards a on a.id = c.award_id
             where r.run_id = ${draft.id} and (a.source_ref is distinct from ${draft.id} || ':' || r.row)`,
      );
      expect(mismatch?.n).toBe(0);
    } finally {
      await database.close();
      await dropDatabase?.();
    }
  }, 600_000);
});

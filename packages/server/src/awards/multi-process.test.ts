import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import { Keyring } from '../keys/keyring.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, TEST_DATABASE_URL } from '../testing/harness.js';
import { scriptArgs } from '../testing/node-entry.js';

const SCRIPT = fileURLToPath(new URL('./award-process.ts', import.meta.url));

function run(url: string, master: Buffer, args: unknown): Promise<string> {
  const child = spawn(process.execPath, [...scriptArgs(SCRIPT), url, master.toString('hex'), JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`award process exited ${code}: ${err}`)))),
  );
}

// Two processes need a database server both can reach; PGlite is embedded in one process (see jobs/multi-process.test.ts).
describe.skipIf(!TEST_DATABASE_URL)('awards across two processes (PostgreSQL)', () => {
  let ctx: TestContext;
  const master = randomBytes(32);
  afterAll(async () => ctx?.close());

  it('two processes issuing the same 40 keys at once make 40 awards, 40 credentials, 40 claim mails and no shared status index', async () => {
    ctx = await createTestContext();
    ctx.deps.keyring = new Keyring(master);
    const owner = new ApiClient({ app: (await import('../http/app.js')).createApp(ctx.deps) });
    await owner.signUp('owner@multi.example');
    const orgId = (await owner.request('POST', 'orgs', { slug: 'multi', name: 'Multi' })).json['id'] as string;
    const achievementId = (await owner.request('POST', 'orgs/multi/achievements', sampleAchievement())).json['id'] as string;
    await owner.request('POST', `orgs/multi/achievements/${achievementId}/publish`);
    const [db] = await queryRows<{ name: string }>(ctx.deps.db, sql`select current_database() as name`);
    const u = new URL(TEST_DATABASE_URL ?? '');
    u.pathname = `/${db?.name}`;
    const args = { orgId, achievementId, count: 40 };
    const outs = await Promise.all([run(u.toString(), master, args), run(u.toString(), master, args)]);
    expect(outs).toEqual(['done\n', 'done\n']);
    const counts = await queryRows<{ awards: number; creds: number; idx: number; mails: number }>(
      ctx.deps.db,
      sql`select (select count(*)::int from awards where org_id = ${orgId}) as awards,
                 (select count(*)::int from credentials where org_id = ${orgId}) as creds,
                 (select count(distinct (revocation_list_id, revocation_index))::int from credentials where org_id = ${orgId}) as idx,
                 (select count(*)::int from mail_messages where "to" like '%@multi.example' and subject like '%awarded you%') as mails`,
    );
    expect(counts[0]).toEqual({ awards: 40, creds: 40, idx: 40, mails: 40 });
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    const dup = await client.query('select award_id from credentials group by award_id having count(*) > 1');
    await client.end();
    expect(dup.rows).toEqual([]);
  }, 180_000);
});

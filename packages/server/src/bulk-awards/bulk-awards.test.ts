import { and, eq, inArray, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkRowPage, BulkRun } from '@tessera/shared';
import { verifyCredential } from '@tessera/credentials';
import { getBit } from '../credentials/bitstring.js';
import { auditEvents, awards, credentials, statusLists } from '../db/schema.js';
import { queryRows } from '../db/rows.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { findOrgBySlug } from '../orgs/store.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { changeBulkRunState } from './change-bulk-run-state.js';
import { runBulkAwards } from './run-bulk-awards.js';
import { reserveStatusIndexes } from '../awards/index.js';
import { inTransaction } from '../db/tx.js';
import { localDocuments } from '../verify/local-documents.js';
import { credentialJwt } from '../credentials/index.js';
import { credentialColumns } from '../credentials/index.js';

let ctx: TestContext;
let owner: ApiClient;
let designer: ApiClient;
let stranger: ApiClient;
let achievementId = '';
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function upload(client: ApiClient, csv: string | Uint8Array, query = '') {
  const res = await ctx.app.request(`/api/v1/orgs/bulk/bulk-awards?achievementId=${achievementId}&fileName=cohort.csv${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    body: csv,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Run queued jobs until none is left. */
async function drain(): Promise<void> {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0, concurrency: 1 });
  while ((await worker.tick()) > 0);
  await worker.stop();
}

async function run(id: string) {
  return BulkRun.parse((await owner.request('GET', `orgs/bulk/bulk-awards/${id}`)).json);
}

beforeAll(async () => {
  ctx = await createTestContext({ env: { TESSERA_WORKERS: '0' } });
  owner = new ApiClient(ctx);
  await owner.signUp('owner@bulk.example', 'Olive Owner');
  await owner.request('POST', 'orgs', { slug: 'bulk', name: 'Bulk District', doubleScorePercent: 0 });
  const a = await owner.request('POST', 'orgs/bulk/achievements', sampleAchievement());
  achievementId = a.json['id'] as string;
  expect((await owner.request('POST', `orgs/bulk/achievements/${achievementId}/publish`)).status).toBeLessThan(300);
  designer = await inviteAndJoin(ctx, owner, { slug: 'bulk', email: 'designer@bulk.example', role: 'designer' });
  stranger = new ApiClient(ctx);
  await stranger.signUp('owner@elsewhere.example');
  await stranger.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
});
afterAll(async () => ctx.close());

const BAD_CSV = [
  '\uFEFFemail;name;issued_on;narrative;evidence_url;level:c1;level:Reflection',
  'ada@bulk-learners.example;Ada Lovelace;2025-09-01;"Led the workshop;\r\nthen mentored two peers";https://example.org/ada;Proficient;l3',
  'grace@bulk-learners.example;Grace Hopper;;;;;',
  'not-an-email;Bad Email;;;;;',
  'ADA@bulk-learners.example;Ada Again;;;;;',
  `tim@bulk-learners.example;Tim;${tomorrow};;;;`,
  'kat@bulk-learners.example;Kat;31/12/2025;;ftp://example.org/x;Expert;l1',
  'lin@bulk-learners.example;Lin;;;;;',
].join('\r\n');

describe('bulk award from CSV', () => {
  let runId = '';

  it('a dry run checks every row and stores the problems per row and cell; nothing is awarded', async () => {
    const r = await upload(owner, BAD_CSV);
    expect(r.status).toBe(201);
    const created = BulkRun.parse(r.json);
    runId = created.id;
    expect(created).toMatchObject({ state: 'draft', total: 7, problemRows: 4, levelColumns: ['level:c1', 'level:Reflection'], done: 0 });
    const page = BulkRowPage.parse((await owner.request('GET', `orgs/bulk/bulk-awards/${runId}/rows?problems=true`)).json);
    const byRow = Object.fromEntries(page.items.map((i) => [i.row, i.problems.map((p) => p.column)]));
    expect(byRow).toEqual({
      4: ['email'],
      5: ['email'],
      6: ['issued_on'],
      7: ['issued_on', 'evidence_url', 'level:c1', 'level:Reflection'],
    });
    expect(page.items.find((i) => i.row === 5)?.problems[0]?.message).toBe('Same email as row 2: a person receives this achievement once');
    const all = BulkRowPage.parse((await owner.request('GET', `orgs/bulk/bulk-awards/${runId}/rows`)).json);
    expect(all.items[0]?.cells.narrative).toBe('Led the workshop;\r\nthen mentored two peers');
    expect(await ctx.deps.db.select().from(awards)).toHaveLength(0);
  });

  it('a dry run stores every cell as written: accents, CJK, emoji, quotes and backslashes', async () => {
    const csv =
      'email,name,narrative\nzoe@bulk-intl.example,Zoë O\'Brien,"She said ""done"" \\ then left"\nli@bulk-intl.example,李雷 😀,Ünïcödé\n';
    const r = BulkRun.parse((await upload(owner, csv)).json);
    const page = BulkRowPage.parse((await owner.request('GET', `orgs/bulk/bulk-awards/${r.id}/rows`)).json);
    expect(page.items.map((i) => [i.cells.name, i.cells.narrative])).toEqual([
      ["Zoë O'Brien", 'She said "done" \\ then left'],
      ['李雷 😀', 'Ünïcödé'],
    ]);
  });

  it('the problems download lists one line per cell problem', async () => {
    const r = await owner.request('GET', `orgs/bulk/bulk-awards/${runId}/problems.csv`);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const lines = parse(r.text, { columns: true }) as Array<Record<string, string>>;
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ row: '4', column: 'email', value: 'not-an-email' });
  });

  it('editing a cell in the grid checks the row again, and only draft rows can be edited', async () => {
    const fix = await owner.request('PATCH', `orgs/bulk/bulk-awards/${runId}/rows/4`, { email: 'bad.email@bulk-learners.example' });
    expect(fix.status).toBe(200);
    expect(fix.json['row']).toMatchObject({ row: 4, problems: [] });
    const still = await owner.request('PATCH', `orgs/bulk/bulk-awards/${runId}/rows/7`, {
      issuedOn: '2025-12-31',
      evidenceUrl: 'https://example.org/kat',
    });
    expect((still.json['row'] as { problems: Array<{ column: string }> }).problems.map((p) => p.column)).toEqual([
      'level:c1',
      'level:Reflection',
    ]);
    const fixed = await owner.request('PATCH', `orgs/bulk/bulk-awards/${runId}/rows/7`, {
      levels: { 'level:c1': 'Developing', 'level:Reflection': 'Proficient' },
    });
    expect(fixed.json['row']).toMatchObject({ problems: [] });
    // Fixing the first row's email frees the address: the later row is no longer a duplicate.
    const moved = await owner.request('PATCH', `orgs/bulk/bulk-awards/${runId}/rows/2`, { email: 'ada.l@bulk-learners.example' });
    expect((moved.json['affected'] as Array<{ row: number; problems: unknown[] }>).find((r) => r.row === 5)?.problems).toEqual([]);
    expect((await run(runId)).problemRows).toBe(1);
  });

  it('the run issues every good row, fails the bad one with its reason, and the report says so per row', async () => {
    const started = await owner.request('POST', `orgs/bulk/bulk-awards/${runId}/start`);
    expect(started.json).toMatchObject({ state: 'queued' });
    expect((await owner.request('PATCH', `orgs/bulk/bulk-awards/${runId}/rows/6`, { issuedOn: today })).status).toBe(409);
    await drain();
    const done = await run(runId);
    expect(done).toMatchObject({ state: 'completed', done: 7, issued: 6, skipped: 0, failed: 1, secondsLeft: 0 });
    const report = parse((await owner.request('GET', `orgs/bulk/bulk-awards/${runId}/report.csv`)).text, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(report.map((r) => [r['row'], r['outcome']])).toEqual([
      ['2', 'issued'],
      ['3', 'issued'],
      ['4', 'issued'],
      ['5', 'issued'],
      ['6', 'failed'],
      ['7', 'issued'],
      ['8', 'issued'],
    ]);
    expect(report[4]?.['reason']).toContain('issued_on: ');
    const creds = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.achievementId, achievementId));
    expect(creds).toHaveLength(6);
    expect(new Set(creds.map((c) => c.id))).toEqual(
      new Set(report.filter((r) => r['outcome'] === 'issued').map((r) => r['credential_id'])),
    );
    const ada = creds.find((c) => c.id === report[0]?.['credential_id']);
    expect(JSON.stringify(ada?.document)).toContain('Led the workshop');
    const kat = await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'kat@bulk-learners.example'));
    expect(kat[0]).toMatchObject({
      source: 'bulk',
      results: [
        { criterionId: 'c1', levelId: 'l2' },
        { criterionId: 'c3', levelId: 'l3' },
      ],
    });
  });

  it('uploading the same cohort again skips every row as a duplicate and changes nothing', async () => {
    const before = (await ctx.deps.db.select(credentialColumns).from(credentials)).length;
    const again = BulkRun.parse(
      (await upload(owner, 'email,name\nada.l@bulk-learners.example,Ada Lovelace\ngrace@bulk-learners.example,Grace Hopper\n')).json,
    );
    await owner.request('POST', `orgs/bulk/bulk-awards/${again.id}/start`);
    await drain();
    expect(await run(again.id)).toMatchObject({ state: 'completed', issued: 0, skipped: 2, failed: 0 });
    const report = parse((await owner.request('GET', `orgs/bulk/bulk-awards/${again.id}/report.csv`)).text, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(report.map((r) => r['outcome'])).toEqual(['skipped (duplicate)', 'skipped (duplicate)']);
    expect((await ctx.deps.db.select(credentialColumns).from(credentials)).length).toBe(before);
  });

  /** Upload `n` good rows and start the run; the run and the id of the job that issues it. */
  async function startedRun(n: number, prefix: string, name: string) {
    const rows = Array.from({ length: n }, (_, i) => `${prefix}${i}@bulk-learners.example,${name} ${i}`);
    const r = BulkRun.parse((await upload(owner, `email,name\n${rows.join('\n')}\n`)).json);
    expect((await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/start`)).status).toBe(200);
    const jobId =
      (await queryRows<{ job_id: string }>(ctx.deps.db, sql`select job_id from bulk_award_runs where id = ${r.id}`))[0]?.job_id ?? '';
    return { r, jobId };
  }

  it('the job lets timers run between batches (its lease heartbeat, and in the server every request)', async () => {
    const { r, jobId } = await startedRun(6, 't', 'Timer');
    let fired = false;
    const seen: boolean[] = [];
    await runBulkAwards(ctx.deps, {
      runId: r.id,
      batchSize: 2,
      job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true },
      onBatch: () => {
        seen.push(fired);
        if (seen.length === 1) setTimeout(() => (fired = true), 0);
      },
    });
    expect(await run(r.id)).toMatchObject({ state: 'completed', done: 6, issued: 6 });
    expect(seen, 'a timer set after the first batch ran before the second batch ended').toEqual([false, true, true]);
  });

  // PostgreSQL's autovacuum keeps the planner's statistics there; the job refreshes them only on PGlite, which has none.
  it.skipIf(!!process.env['TEST_DATABASE_URL'])(
    'on PGlite the job refreshes the planner statistics of the tables it fills once enough rows are done',
    async () => {
      const statsOf = async () =>
        (
          await queryRows<{ n: number }>(
            ctx.deps.db,
            sql`select count(*)::int as n from pg_stats where tablename = 'awards' and attname = 'idempotency_key'`,
          )
        )[0]?.n ?? -1;
      expect(await statsOf(), 'no statistics before (PGlite runs no autovacuum)').toBe(0);
      const { r, jobId } = await startedRun(6, 's', 'Statistics');
      const seen: number[] = [];
      await runBulkAwards(ctx.deps, {
        runId: r.id,
        batchSize: 2,
        statisticsAfterRows: 3,
        job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true },
        onBatch: async () => {
          seen.push(await statsOf());
        },
      });
      expect(await run(r.id)).toMatchObject({ state: 'completed', issued: 6 });
      expect(seen, 'refreshed after the batch that reached 3 rows done (4), not before').toEqual([0, 1, 1]);
      const [awardsTable] = await queryRows<{ tuples: number }>(
        ctx.deps.db,
        sql`select reltuples::int as tuples from pg_class where relname = 'awards'`,
      );
      expect(awardsTable?.tuples).toBeGreaterThanOrEqual(4);
    },
  );

  // ANALYZE copies every sampled row whole (a credential's signed document too) into PGlite's wasm heap, which never
  // shrinks: the job samples 3,000 rows a table (target 10), not PostgreSQL's default 30,000, and only for itself.
  it.skipIf(!!process.env['TEST_DATABASE_URL'])(
    'on PGlite the statistics refresh samples few rows and leaves the session’s statistics target as it was',
    async () => {
      const { r, jobId } = await startedRun(14, 'h', 'Histogram');
      await runBulkAwards(ctx.deps, {
        runId: r.id,
        batchSize: 7,
        statisticsAfterRows: 14,
        job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true },
      });
      expect(await run(r.id)).toMatchObject({ state: 'completed', issued: 14 });
      const [stats] = await queryRows<{ bounds: number; keys: number }>(
        ctx.deps.db,
        sql`select array_length(histogram_bounds::text::text[], 1) as bounds,
                   (select count(distinct idempotency_key)::int from awards) as keys
              from pg_stats where tablename = 'awards' and attname = 'idempotency_key'`,
      );
      expect(stats?.keys, 'more distinct keys than a target of 10 keeps bounds for').toBeGreaterThan(11);
      expect(stats?.bounds, 'a histogram of at most 11 bounds: the refresh ran at statistics target 10').toBeLessThanOrEqual(11);
      const [target] = await queryRows<{ default_statistics_target: string }>(ctx.deps.db, sql`show default_statistics_target`);
      expect(target?.default_statistics_target, 'set for the refresh only').toBe('100');
    },
  );

  it('pause stops at the end of a batch, resume carries on, and no row is issued twice', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `p${i}@bulk-learners.example,Paused ${i}`);
    const r = BulkRun.parse((await upload(owner, `email,name\n${rows.join('\n')}\n`)).json);
    const started = await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/start`);
    expect(started.status).toBe(200);
    const org = await findOrgBySlug(ctx.deps.db, 'bulk');
    if (!org) throw new Error('org');
    const jobId =
      (await queryRows<{ job_id: string }>(ctx.deps.db, sql`select job_id from bulk_award_runs where id = ${r.id}`))[0]?.job_id ?? '';
    let batches = 0;
    await runBulkAwards(ctx.deps, {
      runId: r.id,
      batchSize: 3,
      job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true },
      // The owner pauses while the first batch is done; the runner waits for this hook, so the pause is stored
      // before it looks at the run's state again (no race with the next batch).
      onBatch: async () => {
        batches += 1;
        if (batches === 1) await changeBulkRunState(ctx.deps, { org, actor: { accountId: null, ip: null }, runId: r.id, action: 'pause' });
      },
    });
    const paused = await run(r.id);
    expect(paused).toMatchObject({ state: 'paused', done: 3, issued: 3 });
    expect(paused.ratePerSecond).not.toBeNull();
    expect((await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/pause`)).status).toBe(409);
    expect((await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/resume`)).json).toMatchObject({ state: 'queued' });
    // The old job is no longer the run's job: it stops without issuing.
    await runBulkAwards(ctx.deps, { runId: r.id, job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true } });
    expect(await run(r.id)).toMatchObject({ done: 3 });
    await drain();
    expect(await run(r.id)).toMatchObject({ state: 'completed', done: 7, issued: 7 });
    const keys = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from awards where source_ref like ${`${r.id}:%`}`,
    );
    expect(keys[0]?.n).toBe(7);
  });

  it('signing on worker threads (the path of large runs) gives one credential per row that verifies; its VC-JWT is signed on request', async () => {
    const { r, jobId } = await startedRun(5, 'w', 'Threaded');
    await runBulkAwards(ctx.deps, {
      runId: r.id,
      batchSize: 2,
      signPoolMinRows: 0,
      job: { id: jobId, signal: new AbortController().signal, stillOwned: async () => true },
    });
    expect(await run(r.id)).toMatchObject({ state: 'completed', done: 5, issued: 5 });
    const creds = await queryRows<{ id: string; stored: Record<string, unknown>; ref: string | null; n: number }>(
      ctx.deps.db,
      sql`select credentials.id, credentials.document as stored, credentials.achievement_ref as ref, count(*) over ()::int as n
            from credentials join awards a on a.id = credentials.award_id where a.source_ref like ${`${r.id}:%`}`,
    );
    expect(creds[0]?.n).toBe(5);
    expect(new Set(creds.map((c) => c.ref)).size, 'the five share one stored achievement').toBe(1);
    const rows = await ctx.deps.db
      .select(credentialColumns)
      .from(credentials)
      .where(
        inArray(
          credentials.id,
          creds.map((c) => c.id),
        ),
      );
    for (const c of creds) {
      expect(c.ref).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(c.stored['credentialSubject'], 'the row stores the document without its achievement').not.toHaveProperty('achievement');
      const row = rows.find((x) => x.id === c.id);
      if (!row) throw new Error(`credential ${c.id} not read back`);
      const documents = await localDocuments(ctx.deps, row.document);
      const di = await verifyCredential(row.document, { now: new Date(), documents });
      expect(di.verdict, 'the Data Integrity proof signed on a worker thread').toBe('valid');
      expect(row.jwt, 'no VC-JWT is signed at issue').toBeNull();
      const jwt = await verifyCredential(await credentialJwt(ctx.deps, row), { now: new Date(), documents });
      expect(jwt.verdict, 'the VC-JWT signed when asked for').toBe('valid');
    }
  });

  it('a status index taken inside a transaction on PGlite does not wait for the connection that transaction holds', async () => {
    const org = await findOrgBySlug(ctx.deps.db, 'bulk');
    if (!org) throw new Error('org');
    const source = reserveStatusIndexes(ctx.deps, { orgId: org.id });
    const taken = await inTransaction(ctx.deps, async (tx) =>
      Promise.race([source.take('revocation', tx.db), new Promise<null>((r) => setTimeout(() => r(null), 5000))]),
    );
    expect(taken, 'take() inside the transaction answered within 5 s').not.toBeNull();
    // The next take reserves a range outside any transaction; it never repeats the index taken inside.
    const next = await source.take('revocation');
    expect(next).not.toEqual(taken);
  });

  it('cancel ends a run: its remaining rows are never issued and the report says so', async () => {
    const r = BulkRun.parse((await upload(owner, 'email,name\nc1@bulk-learners.example,C One\nc2@bulk-learners.example,C Two\n')).json);
    await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/start`);
    expect((await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/cancel`)).json).toMatchObject({ state: 'cancelled' });
    await drain();
    expect(await run(r.id)).toMatchObject({ state: 'cancelled', done: 0 });
    expect((await owner.request('POST', `orgs/bulk/bulk-awards/${r.id}/resume`)).status).toBe(409);
    const report = parse((await owner.request('GET', `orgs/bulk/bulk-awards/${r.id}/report.csv`)).text, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(report.map((x) => x['outcome'])).toEqual(['not issued (cancelled)', 'not issued (cancelled)']);
    expect(await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'c1@bulk-learners.example'))).toHaveLength(0);
  });

  it('the template has the columns and one level column per criterion', async () => {
    const r = await owner.request('GET', `orgs/bulk/bulk-awards/template.csv?achievementId=${achievementId}`);
    expect(r.status).toBe(200);
    expect(r.text.trim()).toBe('email,name,issued_on,narrative,evidence_url,level:c1,level:c2,level:c3');
  });
});

describe('refused files (nothing stored)', () => {
  it('a 200 MB upload is refused from its declared length, before it is read', async () => {
    const res = await ctx.app.request(`/api/v1/orgs/bulk/bulk-awards?achievementId=${achievementId}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'content-length': String(200 * 1024 * 1024),
        cookie: owner.cookie ?? '',
        'x-csrf-token': owner.csrf ?? '',
      },
      body: 'email,name\n',
    });
    expect(res.status).toBe(413);
  });

  it('non-UTF-8 bytes are refused with the line and byte', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('email,name\nzoe@x.example,Zo'), 0xeb, 0x0a]);
    const r = await upload(owner, bytes);
    expect(r.status).toBe(400);
    expect(r.text).toContain('line 2, byte 28');
  });

  it('a header without an email column, or with no rows, is refused', async () => {
    expect((await upload(owner, 'mail,name\na@x.example,A\n')).text).toContain('Unknown column \\"mail\\"');
    expect((await upload(owner, 'email,name\n')).status).toBe(400);
  });

  it('refused uploads leave no run behind', async () => {
    const runs = await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from bulk_award_runs where total = 0`);
    expect(runs[0]?.n).toBe(0);
  });
});

describe('who may bulk-award', () => {
  it('a designer may not, until the owner allows the role; another tenant gets 404; nobody signed in 401', async () => {
    expect((await upload(designer, 'email,name\nd@x.example,D\n')).status).toBe(403);
    expect((await designer.request('GET', 'orgs/bulk/bulk-awards')).status).toBe(403);
    expect((await stranger.request('GET', 'orgs/bulk/bulk-awards')).status).toBe(404);
    expect((await upload(stranger, 'email,name\nd@x.example,D\n')).status).toBe(404);
    expect((await new ApiClient(ctx).request('GET', 'orgs/bulk/bulk-awards')).status).toBe(401);
    expect((await owner.request('PUT', 'orgs/bulk/award-settings', { awardRoles: ['designer'] })).status).toBe(200);
    expect((await upload(designer, 'email,name\nd@x.example,D\n')).status).toBe(201);
    const runs = z_runs((await owner.request('GET', 'orgs/bulk/bulk-awards')).json);
    expect((await stranger.request('GET', `orgs/bulk/bulk-awards/${runs[0]?.id}/report.csv`)).status).toBe(404);
    expect((await stranger.request('POST', `orgs/elsewhere/bulk-awards/${runs[0]?.id}/start`)).status).toBe(404);
  });

  it('bulk revocation is for owners only', async () => {
    expect(
      (await designer.request('POST', 'orgs/bulk/bulk-revocations/preview', { target: { kind: 'filter', achievementId } })).status,
    ).toBe(403);
    expect(
      (await stranger.request('POST', 'orgs/bulk/bulk-revocations/preview', { target: { kind: 'filter', achievementId } })).status,
    ).toBe(404);
  });
});

function z_runs(json: unknown) {
  return BulkRun.array().parse(json);
}

describe('bulk revocation', () => {
  it('previews, refuses a stale count, then revokes each credential with its own audit event and status bit', async () => {
    const runs = z_runs((await owner.request('GET', 'orgs/bulk/bulk-awards')).json);
    const first = runs.find((r) => r.issued === 6);
    if (!first) throw new Error('first run');
    const target = { kind: 'filter', runId: first.id };
    const preview = await owner.request('POST', 'orgs/bulk/bulk-revocations/preview', { target });
    expect(preview.json).toMatchObject({ count: 6, alreadyRevoked: 0 });
    expect(
      (await owner.request('POST', 'orgs/bulk/bulk-revocations', { target, reason: 'Workshop record was wrong', expectedCount: 5 })).status,
    ).toBe(409);
    const done = await owner.request('POST', 'orgs/bulk/bulk-revocations', {
      target,
      reason: 'Workshop record was wrong',
      expectedCount: 6,
    });
    expect(done.json).toEqual({ revoked: 6, alreadyRevoked: 0, unknown: [] });
    const revoked = await ctx.deps.db
      .select()
      .from(credentials)
      .where(and(eq(credentials.orgId, (await findOrgBySlug(ctx.deps.db, 'bulk'))?.id ?? ''), sql`revoked_at is not null`));
    expect(revoked).toHaveLength(6);
    expect(revoked.every((c) => c.revokedReason === 'Workshop record was wrong')).toBe(true);
    const events = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'credential.revoked'));
    expect(new Set(events.map((e) => e.target))).toEqual(new Set(revoked.map((c) => c.id)));
    for (const c of revoked) {
      const [list] = await ctx.deps.db.select().from(statusLists).where(eq(statusLists.id, c.revocationListId));
      expect(getBit(list?.bits ?? '', c.revocationIndex)).toBe(true);
    }
    // By ids (a CSV of credential ids): the revoked ones are counted as such, unknown ids are named.
    const ids = { kind: 'ids', ids: [revoked[0]?.id ?? '', 'http://tessera.test/credentials/00000000-0000-0000-0000-000000000000'] };
    expect((await owner.request('POST', 'orgs/bulk/bulk-revocations/preview', { target: ids })).json).toMatchObject({
      count: 0,
      alreadyRevoked: 1,
      unknown: ['http://tessera.test/credentials/00000000-0000-0000-0000-000000000000'],
    });
  });
});

import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { LIMITS } from '@tessera/shared';
import type { BulkRun, BulkSummary } from '@tessera/shared';
import { BULK_AWARD_JOB, changeBulkRunState } from '../bulk-awards/index.js';
import { createBulkRun } from '../bulk-awards/index.js';
import { getBulkRun, getBulkRunState, listBulkRows } from '../bulk-awards/index.js';
import type { Deps } from '../context.js';
import { queryRows } from '../db/rows.js';
import { ConfigError, loadEnv, parseEnv } from '../env.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/index.js';
import type { JobHandler } from '../jobs/index.js';
import { bootstrap } from '../main.js';
import { findOrgBySlug } from '../orgs/index.js';
import { seedDemo } from '../seed/demo.js';
import { AppError } from '../shared/errors.js';

const USAGE = 'Usage: tessera award --org SLUG --achievement ID FILE.csv [--dry-run] [--json]\n';

/** A short "m:ss" duration. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The progress line of a run on a terminal. */
function progressLine(run: BulkRun): string {
  const pct = run.total ? Math.floor((run.done / run.total) * 100) : 100;
  const rate = run.ratePerSecond !== null ? `${Math.round(run.ratePerSecond)} rows/s` : '… rows/s';
  const left = run.secondsLeft !== null ? `${clock(run.secondsLeft)} left` : '';
  return `  ${run.done.toLocaleString('en')} / ${run.total.toLocaleString('en')} rows (${pct}%) · ${rate} · ${left}  issued ${run.issued}, skipped ${run.skipped}, failed ${run.failed}`;
}

/**
 * Issue a draft run to the end with a local worker for bulk jobs, reporting progress; resolves with the final run.
 * Without a progress callback only the run's state is polled: counting a 100,000-row run's rows twice a second
 * would take a growing share of the one database connection the job writes through.
 */
export async function runToEnd(
  deps: Deps,
  opts: { run: BulkRun; orgSlug: string; onProgress?: (run: BulkRun) => void; threads?: number },
): Promise<BulkRun> {
  const org = await findOrgBySlug(deps.db, opts.orgSlug);
  if (!org) throw new AppError('not_found', `No organisation "${opts.orgSlug}"`);
  await changeBulkRunState(deps, { org, actor: { accountId: null, ip: null }, runId: opts.run.id, action: 'start' });
  const handler = JOB_HANDLERS[BULK_AWARD_JOB] as JobHandler;
  const worker = startWorker(deps, { handlers: { [BULK_AWARD_JOB]: handler }, pollMs: 100, concurrency: 1, leaseMs: 120_000 });
  try {
    const ended = (state: BulkRun['state']) => state === 'completed' || state === 'cancelled' || state === 'paused';
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      if (!opts.onProgress) {
        if (ended(await getBulkRunState(deps, { org, runId: opts.run.id }))) return getBulkRun(deps, { org, runId: opts.run.id });
        continue;
      }
      const run = await getBulkRun(deps, { org, runId: opts.run.id });
      opts.onProgress(run);
      if (ended(run.state)) return run;
    }
  } finally {
    await worker.stop();
  }
}

/** `tessera award --org SLUG --achievement ID FILE.csv [--dry-run] [--json]`: exit 0 none failed, 1 some failed, 2 could not run. */
export async function runAward(argv: string[]): Promise<number> {
  let values;
  let file: string | undefined;
  try {
    const parsed = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, achievement: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values;
    file = parsed.positionals[0];
    if (parsed.positionals.length !== 1 || !values.org || !values.achievement || !file)
      throw new Error('give --org, --achievement and one CSV file');
  } catch (e) {
    process.stderr.write(`tessera award: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    process.stderr.write(`tessera award: cannot read ${file}\n`);
    return 2;
  }
  const json = values.json === true;
  const tty = process.stderr.isTTY && !json;
  const t0 = performance.now();
  let database;
  try {
    const booted = await bootstrap(loadEnv());
    database = booted.database;
    const deps = booted.deps;
    const org = await findOrgBySlug(deps.db, values.org);
    if (!org) throw new AppError('not_found', `No organisation "${values.org}"`);
    const draft = await createBulkRun(deps, {
      org,
      actor: { accountId: null, ip: null },
      achievementId: values.achievement,
      fileName: file.split('/').pop() ?? file,
      body: createReadStream(file, { highWaterMark: 256 * 1024 }),
    });
    if (values['dry-run']) {
      const problems = await listBulkRows(deps, { org, runId: draft.id, problemsOnly: true, after: 0, limit: 50 });
      if (json)
        process.stdout.write(
          `${JSON.stringify({ runId: draft.id, rows: draft.total, problemRows: draft.problemRows, problems: problems.items.map((r) => ({ row: r.row, problems: r.problems })) }, null, 2)}\n`,
        );
      else {
        process.stdout.write(`Dry run ${draft.id}: ${draft.total} rows, ${draft.problemRows} with problems.\n`);
        for (const r of problems.items) for (const p of r.problems) process.stdout.write(`  row ${r.row}, ${p.column}: ${p.message}\n`);
        if (draft.problemRows > problems.items.length) process.stdout.write(`  … and more: download the problems from the web app\n`);
      }
      return draft.problemRows > 0 ? 1 : 0;
    }
    const done = await runToEnd(deps, {
      run: draft,
      orgSlug: org.slug,
      ...(tty ? { onProgress: (run: BulkRun) => process.stderr.write(`\r${progressLine(run)}`) } : {}),
    });
    if (tty) process.stderr.write('\n');
    const summary: BulkSummary = {
      issued: done.issued,
      skipped: done.skipped,
      failed: done.failed,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      process.stdout.write(
        `Run ${done.id} ${done.state}: issued ${summary.issued}, skipped ${summary.skipped} (duplicates), failed ${summary.failed}, in ${summary.seconds} s.\n`,
      );
    if (done.state !== 'completed') {
      process.stderr.write(`tessera award: the run stopped (${done.state})${done.lastError ? `: ${done.lastError}` : ''}\n`);
      return 2;
    }
    return done.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else {
      const extra =
        err instanceof AppError && err.errors?.length ? ` (${err.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : '';
      process.stderr.write(`tessera award: ${err instanceof Error ? err.message : String(err)}${extra}\n`);
    }
    return 2;
  } finally {
    await database?.close();
  }
}

/** The kernel's record of this process's peak resident set (VmHWM), in bytes; 0 where /proc is not available. */
function peakRssBytes(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The bench's JSON output. */
export interface AwardsBenchResult {
  rows: number;
  /** Seconds to issue every row (signed credentials written), after the dry run. */
  seconds: number;
  perSecond: number;
  /** Peak resident set size of the process (worker threads included), in MB. */
  rssMb: number;
  /** Awards or credentials beyond one per row, plus status indexes used twice: 0 when issuance was exactly-once. */
  duplicates: number;
  dryRunSeconds: number;
  /** CPU seconds the process used (every thread) while issuing: with `seconds`, how busy the cores were. */
  cpuSeconds: number;
}

/** Count what would break exactly-once: extra awards per key, extra current credentials per award, status indexes used twice. */
export async function countDuplicates(deps: Pick<Deps, 'db'>): Promise<number> {
  const [r] = await queryRows<{ awards: number; credentials: number; indexes: number }>(
    deps.db,
    sql`select
      (select count(*) - count(distinct (org_id, idempotency_key)) from awards)::int as awards,
      (select count(*) - count(distinct award_id) from credentials where replaced_by is null and award_id is not null)::int as credentials,
      (select count(*) - count(distinct (revocation_list_id, revocation_index)) from credentials)::int as indexes`,
  );
  return (r?.awards ?? 0) + (r?.credentials ?? 0) + (r?.indexes ?? 0);
}

/** `tessera bench awards --rows N [--json]`: bulk-issue N rows on a fresh embedded database in a temp directory. */
export async function runBenchAwards(argv: string[]): Promise<number> {
  let rows: number;
  let json: boolean;
  try {
    const { values } = parseArgs({ args: argv, options: { rows: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    rows = Number(values.rows ?? '100000');
    json = values.json === true;
    if (!Number.isInteger(rows) || rows < 1 || rows > LIMITS.bulkCsvRows)
      throw new Error(`--rows must be a whole number from 1 to ${LIMITS.bulkCsvRows}`);
  } catch (e) {
    process.stderr.write(`tessera bench awards: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-awards-'));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  let database;
  try {
    const { DATABASE_URL: _db, TESSERA_MASTER_KEY: _key, ...rest } = process.env;
    const env = parseEnv({
      ...rest,
      TESSERA_DATA_DIR: join(dir, 'data'),
      TESSERA_LOG_LEVEL: 'warn',
      TESSERA_BASE_URL: 'http://localhost:3000',
    });
    const booted = await bootstrap(env);
    database = booted.database;
    const deps = booted.deps;
    await seedDemo(deps);
    const [target] = await queryRows<{ slug: string; achievement_id: string }>(
      deps.db,
      sql`select o.slug, a.id as achievement_id from achievements a join orgs o on o.id = a.org_id where a.status = 'published' order by a.created_at limit 1`,
    );
    if (!target) throw new Error('the demo has no published micro-credential');
    const org = await findOrgBySlug(deps.db, target.slug);
    if (!org) throw new Error('demo organisation missing');
    const csvFile = join(dir, 'cohort.csv');
    const lines = ['email,name'];
    for (let i = 1; i <= rows; i++) lines.push(`bench-${i}@learners.example,Bench Learner ${i}`);
    writeFileSync(csvFile, `${lines.join('\n')}\n`);
    const d0 = performance.now();
    const draft = await createBulkRun(deps, {
      org,
      actor: { accountId: null, ip: null },
      achievementId: target.achievement_id,
      fileName: 'cohort.csv',
      sendClaimMail: false,
      body: createReadStream(csvFile, { highWaterMark: 256 * 1024 }),
    });
    const dryRunSeconds = (performance.now() - d0) / 1000;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const done = await runToEnd(deps, {
      run: draft,
      orgSlug: org.slug,
      ...(!json && process.stderr.isTTY ? { onProgress: (run: BulkRun) => process.stderr.write(`\r${progressLine(run)}`) } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    const duplicates = await countDuplicates(deps);
    const result: AwardsBenchResult = {
      rows: done.issued,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round(done.issued / seconds),
      rssMb: Math.round(Math.max(peak, peakRssBytes()) / 1024 / 1024),
      duplicates,
      dryRunSeconds: Math.round(dryRunSeconds * 10) / 10,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    };
    if (done.issued !== rows)
      throw new Error(
        `only ${done.issued} of ${rows} rows were issued (${done.failed} failed${done.lastError ? `: ${done.lastError}` : ''})`,
      );
    process.stdout.write(
      json
        ? `${JSON.stringify(result)}\n`
        : `Bulk awards: ${result.rows} signed credentials in ${result.seconds} s (${result.perSecond}/s), peak RSS ${result.rssMb} MB, ${result.duplicates} duplicates; dry run ${result.dryRunSeconds} s; ${result.cpuSeconds} s of CPU while issuing\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`tessera bench awards: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  } finally {
    clearInterval(sampler);
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

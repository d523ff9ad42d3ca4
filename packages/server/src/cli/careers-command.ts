import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseEnv } from '../env.js';
import { bootstrap } from '../main.js';
import { benchRecommendations } from '../recommendations/index.js';
import { evaluateRecommendations } from '../recommendations/index.js';

const whole = (v: string | undefined, fallback: number, name: string, max: number): number => {
  const n = Number(v ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return n;
};

/** `tessera eval recommendations [--seed N] [--learners N] [--json]`: offline hit rate and nDCG at 10 against a popularity baseline. */
export async function runEvalRecommendations(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { seed: { type: 'string' }, learners: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    const r = evaluateRecommendations({
      seed: whole(values.seed, 42, 'seed', 2 ** 31),
      learners: whole(values.learners, 2000, 'learners', 200_000),
    });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(r)}\n`
        : `Recommendations, ${r.learners} synthetic learners (last item held out):\n  ours      hit@10 ${r.hitRateAt10}  nDCG@10 ${r.ndcgAt10}\n  popularity hit@10 ${r.baseline.hitRateAt10}  nDCG@10 ${r.baseline.ndcgAt10}\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`tessera eval recommendations: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/**
 * `tessera bench recommendations [--learners N] [--achievements N] [--json]`: p95 of one learner's recommendation
 * request on a fresh embedded database in a temp directory, or, with DATABASE_URL, on a new database created on that
 * server and dropped afterwards.
 */
export async function runBenchRecommendations(argv: string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-recs-'));
  let close: (() => Promise<void>) | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { learners: { type: 'string' }, achievements: { type: 'string' }, requests: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    const learners = whole(values.learners, 100_000, 'learners', 1_000_000);
    const achievements = whole(values.achievements, 10_000, 'achievements', 100_000);
    const requests = whole(values.requests, 200, 'requests', 10_000);
    const { DATABASE_URL: serverUrl, TESSERA_MASTER_KEY: _key, ...rest } = process.env;
    let databaseUrl: string | undefined;
    if (serverUrl) {
      const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: serverUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    const env = parseEnv({
      ...rest,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      TESSERA_DATA_DIR: join(dir, 'data'),
      TESSERA_LOG_LEVEL: 'warn',
      TESSERA_BASE_URL: 'http://localhost:3000',
    });
    const { deps, database } = await bootstrap(env);
    close = () => database.close();
    const progress = !values.json && process.stderr.isTTY ? (line: string) => process.stderr.write(`${line}…\n`) : undefined;
    const r = await benchRecommendations(deps, { learners, achievements, requests, ...(progress ? { onProgress: progress } : {}) });
    const out = { ...r, database: database.kind };
    process.stdout.write(
      values.json
        ? `${JSON.stringify(out)}\n`
        : `Recommendations (${out.database}): ${r.learners} learners, ${r.achievements} micro-credentials; p95 ${r.p95Ms} ms, median ${r.medianMs} ms over ${r.requests} requests (populate ${r.populateSeconds} s, co-earning precompute ${r.refreshSeconds} s, ${r.coEarningPairs} pairs)\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`tessera bench recommendations: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  } finally {
    await close?.();
    await dropDatabase?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

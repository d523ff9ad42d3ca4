import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createAchievement } from '../achievements/create-achievement.js';
import { publishAchievement } from '../achievements/publish-achievement.js';
import { hashPassword } from '../accounts/password.js';
import { insertAccount } from '../accounts/store.js';
import type { Deps } from '../context.js';
import type { Database } from '../db/client.js';
import { openPglite, openPostgres } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { credentials, submissions } from '../db/schema.js';
import { parseEnv } from '../env.js';
import { localFileStorage } from '../files/storage.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { Keyring } from '../keys/keyring.js';
import { outboxOnlyMailer } from '../mail/mailer.js';
import { createOrg } from '../orgs/create-org.js';
import { insertMembership } from '../orgs/store.js';
import { claimSubmission } from '../reviews/claim-submission.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';
import { saveEvidence } from '../submissions/save-evidence.js';
import { startSubmission } from '../submissions/start-submission.js';
import { submitSubmission } from '../submissions/submit-submission.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import { TEST_DATABASE_URL } from '../testing/harness.js';
import { scriptArgs } from '../testing/node-entry.js';

const CHILD = fileURLToPath(new URL('../testing/decide-then-crash.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-crash-'));
const master = randomBytes(32);
let target = '';
let dropDb: (() => Promise<void>) | null = null;

async function open(): Promise<Database> {
  if (TEST_DATABASE_URL) {
    if (!target) {
      const name = `tessera_crash_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${name}`;
      target = u.toString();
      dropDb = async () => {
        const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    return openPostgres(target, 3);
  }
  target = join(dataDir, 'pglite');
  return openPglite(target);
}

function depsOf(database: Database): Deps {
  return {
    db: database.db,
    dbKind: database.kind,
    env: parseEnv({ NODE_ENV: 'test', TESSERA_BASE_URL: 'http://tessera.test', TESSERA_DATA_DIR: dataDir }),
    clock: systemClock,
    ids: randomIds,
    log: pino({ level: 'silent' }),
    keyring: new Keyring(master),
    mailer: outboxOnlyMailer,
    passwords: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    storage: localFileStorage(dataDir),
  };
}

afterAll(async () => {
  await dropDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('exactly-once issuance across a crash', () => {
  it('a process killed between the passing decision and issuance leaves a queued job that a restart turns into one credential', async () => {
    let database = await open();
    await database.migrate();
    let deps = depsOf(database);
    const now = new Date();
    const hash = await hashPassword('irrelevant password', deps.passwords);
    const [ownerId, assessorId, learnerId] = ['acc_owner', 'acc_assessor', 'acc_learner'];
    for (const id of [ownerId, assessorId, learnerId])
      await insertAccount(deps.db, { id, email: `${id}@crash.test`, name: id, passwordHash: hash, createdAt: now, updatedAt: now });
    const org = await createOrg(deps, {
      actor: { accountId: ownerId, ip: null },
      profile: { slug: 'crash', name: 'Crash Test Academy', doubleScorePercent: 0 },
    });
    await insertMembership(deps.db, { orgId: org.id, accountId: assessorId, role: 'assessor', createdAt: now });
    const ach = await createAchievement(deps, { actor: { accountId: ownerId, ip: null }, org, content: sampleAchievement() });
    await publishAchievement(deps, { actor: { accountId: ownerId, ip: null }, org, achievementId: ach.id });
    const learner = { accountId: learnerId, ip: null };
    const { id: submissionId } = await startSubmission(deps, { actor: learner, achievementId: ach.id });
    await saveEvidence(deps, { actor: learner, submissionId, requirementId: 'plan', kind: 'text', text: 'plan' });
    await saveEvidence(deps, { actor: learner, submissionId, requirementId: 'transcript', kind: 'link', url: 'https://example.org/t' });
    await saveEvidence(deps, { actor: learner, submissionId, requirementId: 'reflection', kind: 'text', text: 'reflection' });
    await submitSubmission(deps, { actor: learner, submissionId });
    await claimSubmission(deps, { actor: { accountId: assessorId, ip: null }, org, submissionId });
    await database.close();

    const scores = ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Met' }));
    const child = spawn(
      process.execPath,
      [...scriptArgs(CHILD), target, master.toString('hex'), JSON.stringify({ assessorId, submissionId, scores, dataDir })],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(err).toBe('');
    expect(out).toContain('decided');
    expect(signal).toBe('SIGKILL');

    database = await open();
    deps = depsOf(database);
    const [after] = await deps.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(after?.state).toBe('passed');
    expect(await deps.db.select().from(credentials)).toHaveLength(0);
    const jobs = await queryRows<{ state: string }>(deps.db, sql`select state from jobs where type = 'credential.issue'`);
    expect(jobs).toEqual([{ state: 'queued' }]);

    const worker = startWorker(deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    while ((await worker.tick()) > 0);
    const second = startWorker(deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    expect(await second.tick()).toBe(0);
    await worker.stop();
    await second.stop();
    const issued = await deps.db.select().from(credentials).where(eq(credentials.submissionId, submissionId));
    expect(issued).toHaveLength(1);
    await database.close();
  });
});

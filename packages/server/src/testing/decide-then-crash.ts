/**
 * Child process for the crash test: `tsx decide-then-crash.ts <pglite dir | postgres url> <masterKeyHex> <args JSON>`.
 * It records a passing review (which queues issuance in the same transaction) and then kills itself with
 * SIGKILL before any worker could issue the credential.
 */
import { Buffer } from 'node:buffer';
import pino from 'pino';
import type { Deps } from '../context.js';
import { openPglite, openPostgres } from '../db/client.js';
import { parseEnv } from '../env.js';
import { localFileStorage } from '../files/storage.js';
import { Keyring } from '../keys/keyring.js';
import { outboxOnlyMailer } from '../mail/mailer.js';
import { findOrgBySlug } from '../orgs/store.js';
import { submitReview } from '../reviews/submit-review.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';

const [target, masterHex, argsJson] = process.argv.slice(2);
if (!target || !masterHex || !argsJson) throw new Error('usage: decide-then-crash <db> <masterKeyHex> <args>');
const args = JSON.parse(argsJson) as {
  assessorId: string;
  submissionId: string;
  scores: Array<{ criterionId: string; levelId: string; feedback: string }>;
  dataDir: string;
};
const database = target.startsWith('postgres') ? await openPostgres(target, 2) : await openPglite(target);
const deps: Deps = {
  db: database.db,
  dbKind: database.kind,
  env: parseEnv({ NODE_ENV: 'test', TESSERA_BASE_URL: 'http://tessera.test', TESSERA_DATA_DIR: args.dataDir }),
  clock: systemClock,
  ids: randomIds,
  log: pino({ level: 'silent' }),
  keyring: new Keyring(Buffer.from(masterHex, 'hex')),
  mailer: outboxOnlyMailer,
  passwords: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  storage: localFileStorage(args.dataDir),
};
const org = await findOrgBySlug(deps.db, 'crash');
if (!org) throw new Error('org missing');
await submitReview(deps, {
  actor: { accountId: args.assessorId, ip: null },
  org,
  submissionId: args.submissionId,
  scores: args.scores,
  overallFeedback: 'Pass',
  decision: 'pass',
});
process.stdout.write('decided\n');
process.kill(process.pid, 'SIGKILL');

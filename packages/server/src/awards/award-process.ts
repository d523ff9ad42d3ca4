/**
 * A process for the multi-process award test: `tsx award-process.ts <databaseUrl> <masterKeyHex> <args JSON>`.
 * It issues the same awards (same idempotency keys) as its sibling, concurrently, then prints `done`.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Deps } from '../context.js';
import { openPostgres } from '../db/client.js';
import { parseEnv } from '../env.js';
import { localFileStorage } from '../files/index.js';
import { Keyring } from '../keys/index.js';
import { outboxOnlyMailer } from '../mail/index.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';
import { issueAward } from './issue-award.js';

const [url, masterHex, argsJson] = process.argv.slice(2);
if (!url || !masterHex || !argsJson) throw new Error('usage: award-process <databaseUrl> <masterKeyHex> <args>');
const args = JSON.parse(argsJson) as { orgId: string; achievementId: string; count: number };
const database = await openPostgres(url, 4);
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-award-proc-'));
const deps: Deps = {
  db: database.db,
  dbKind: 'postgres',
  env: parseEnv({ NODE_ENV: 'test', TESSERA_BASE_URL: 'http://tessera.test', TESSERA_DATA_DIR: dataDir }),
  clock: systemClock,
  ids: randomIds,
  log: pino({ level: 'silent' }),
  keyring: new Keyring(Buffer.from(masterHex, 'hex')),
  mailer: outboxOnlyMailer,
  passwords: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  storage: localFileStorage(dataDir),
};
const keys = Array.from({ length: args.count }, (_, i) => i);
// Four at a time per process, in a different order from the sibling's, so the two meet on the same keys.
const order = process.pid % 2 ? keys : [...keys].reverse();
for (let i = 0; i < order.length; i += 4) {
  await Promise.all(
    order.slice(i, i + 4).map((n) =>
      issueAward(deps, {
        orgId: args.orgId,
        achievementId: args.achievementId,
        recipient: { email: `p${n}@multi.example`, name: `P ${n}` },
        source: 'bulk',
        idempotencyKey: `multi:${n}`,
        createdBy: null,
        claimMail: 'send',
      }),
    ),
  );
}
await database.close();
process.stdout.write('done\n');

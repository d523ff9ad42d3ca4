import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { ConfigError, loadEnv } from '../env.js';
import { Keyring, masterKeyId } from '../keys/index.js';
import { rotateMasterKey } from '../keys/index.js';

/** Read a 32-byte master key written as 64 hexadecimal characters. */
function readKeyFile(file: string): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new ConfigError(`${file} does not hold a 32-byte hex master key`);
  return Buffer.from(hex, 'hex');
}

function writeKeyFile(file: string, key: Buffer): void {
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/**
 * `tessera rotate-master-key [--new-key-file FILE]`: re-seal every signing key (and every other value the master
 * key protects) under a new master key, in one transaction. The new key comes from FILE, else from
 * TESSERA_NEW_MASTER_KEY, else it is generated. With the key in `<data>/master.key`, the new key is first written
 * beside it as `master.key.next` (so it exists before the database refers to it); once every value is re-sealed,
 * the old key becomes `master.key.previous-<id>` (kept for restoring older backups) and the new one
 * `master.key`. If anything fails, nothing changes. Stop every Tessera process first; start them again after.
 */
export async function runRotateMasterKey(argv: string[]): Promise<number> {
  let nextFile: string | null = null;
  let createdNext = false;
  let committed = false;
  try {
    const { values } = parseArgs({ args: argv, options: { 'new-key-file': { type: 'string' } }, strict: true, allowPositionals: false });
    const env = loadEnv();
    const keyFile = join(env.TESSERA_DATA_DIR, 'master.key');
    const fromEnv = Boolean(env.TESSERA_MASTER_KEY);
    if (!fromEnv && !existsSync(keyFile))
      throw new ConfigError(`No master key to rotate: TESSERA_MASTER_KEY is not set and ${keyFile} does not exist.`);
    const current = env.TESSERA_MASTER_KEY ? Buffer.from(env.TESSERA_MASTER_KEY, 'hex') : readKeyFile(keyFile);
    nextFile = fromEnv ? null : `${keyFile}.next`;
    // A `master.key.next` left by an interrupted rotation is the key that rotation was moving to: finish it.
    const pending = nextFile && existsSync(nextFile) ? readKeyFile(nextFile) : null;
    const given = values['new-key-file']
      ? readKeyFile(values['new-key-file'])
      : env.TESSERA_NEW_MASTER_KEY
        ? Buffer.from(env.TESSERA_NEW_MASTER_KEY, 'hex')
        : null;
    if (pending && given && !pending.equals(given))
      throw new ConfigError(`${nextFile} holds the key of an interrupted rotation; run again without a new key to finish it first.`);
    if (fromEnv && !given)
      throw new ConfigError(
        'TESSERA_MASTER_KEY is set in the environment, so the new key cannot be written for you: give it with --new-key-file FILE or TESSERA_NEW_MASTER_KEY.',
      );
    const next = pending ?? given ?? randomBytes(32);
    if (next.equals(current)) throw new ConfigError('The new master key is the one already in use.');
    if (nextFile && !pending) {
      writeKeyFile(nextFile, next);
      createdNext = true;
    }

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TESSERA_DATA_DIR });
    let report;
    try {
      await database.migrate();
      report = await rotateMasterKey({ db: database.db }, { keyring: new Keyring(next, [current]) });
    } finally {
      await database.close();
    }
    createdNext = false; // committed: the database now refers to the new key
    committed = true;

    const from = masterKeyId(current);
    const out: string[] = [
      `Master key rotated: ${from} → ${report.to} (${database.kind}).`,
      `  signing keys re-encrypted: ${report.signingKeys.resealed} of ${report.signingKeys.total}`,
      `  organisation secrets re-encrypted: ${report.orgSecrets.resealed} of ${report.orgSecrets.total}`,
      `  sealed before, by master key: ${
        Object.entries(report.sealedBefore)
          .map(([id, n]) => `${id}: ${n}`)
          .join(', ') || 'nothing'
      }`,
    ];
    if (nextFile) {
      const previous = `${keyFile}.previous-${from}`;
      renameSync(keyFile, previous);
      renameSync(nextFile, keyFile);
      out.push(
        `  ${keyFile} now holds the new key; the old one was moved to ${previous}.`,
        '  Keep the old key as long as you may restore a backup taken before now, then delete it.',
      );
    } else {
      out.push(
        '  Set TESSERA_MASTER_KEY to the new key in every process, then restart them. Keep the old key as long as you may restore a backup taken before now.',
      );
    }
    out.push('  Restart every running Tessera process: they still hold the old key.');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (err) {
    if (createdNext && nextFile) rmSync(nextFile, { force: true }); // nothing refers to it: leave no trace
    const message = err instanceof Error ? err.message : String(err);
    const outcome = committed
      ? `Every value was re-encrypted, but the key files were not swapped: ${nextFile ?? 'the new key'} holds the new key. Run the command again to finish.`
      : 'Nothing was changed.';
    process.stderr.write(`tessera rotate-master-key: ${message}\n${outcome}\n`);
    return 2;
  }
}

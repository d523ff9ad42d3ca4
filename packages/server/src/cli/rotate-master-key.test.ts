import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../context.js';
import { openDatabase } from '../db/client.js';
import { signingKeys } from '../db/schema.js';
import { createSigningKey, keyContext } from '../keys/create-signing-key.js';
import { Keyring, loadMasterKey, masterKeyId } from '../keys/keyring.js';
import { rotateMasterKey } from '../keys/rotate-master-key.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';
import { cliArgs } from '../testing/node-entry.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const rotate = (dir: string, extraEnv: Record<string, string> = {}, ...args: string[]) =>
  spawnSync(process.execPath, [...cliArgs(), 'rotate-master-key', ...args], {
    env: { ...process.env, NODE_ENV: 'production', TESSERA_DATA_DIR: dir, TESSERA_LOG_LEVEL: 'silent', ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });

async function withDatabase<T>(dir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.migrate();
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** A data directory whose master.key sealed three signing keys. */
async function installation(): Promise<{ dir: string; oldKey: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-rotate-'));
  dirs.push(dir);
  const oldKey = loadMasterKey({ dataDir: dir }).key;
  await withDatabase(dir, async (db) => {
    // Only what createSigningKey uses (the database, clock, ids and keyring).
    const deps = { db, clock: systemClock, ids: randomIds, keyring: new Keyring(oldKey) } as unknown as Deps;
    // The platform key, rotated twice: three keys (two retired), as a rotation must reach retired keys too.
    for (const algorithm of ['Ed25519', 'P-256', 'Ed25519'] as const) {
      await db.update(signingKeys).set({ retiredAt: new Date() }).where(isNull(signingKeys.retiredAt));
      await createSigningKey(deps, { orgId: null, actor: null, algorithm });
    }
  });
  return { dir, oldKey };
}

const keyRows = (dir: string) => withDatabase(dir, (db) => db.select().from(signingKeys).orderBy(signingKeys.id));
const hexOf = (file: string) => readFileSync(file, 'utf8').trim();

describe('tessera rotate-master-key', () => {
  let dir = '';
  let oldKey: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    ({ dir, oldKey } = await installation());
  }, 120_000);

  it('changes nothing when a key cannot be re-encrypted midway: same rows, same master.key, no new key file left', async () => {
    const before = await keyRows(dir);
    const last = before.at(-1);
    if (!last) throw new Error('no keys');
    const stray = new Keyring(randomBytes(32)).seal(Buffer.alloc(32), keyContext(last.id));
    await withDatabase(dir, (db) => db.update(signingKeys).set({ encryptedPrivateKey: stray }).where(eq(signingKeys.id, last.id)));
    const r = rotate(dir);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('Nothing was changed.');
    expect(hexOf(join(dir, 'master.key'))).toBe(oldKey.toString('hex'));
    expect(readdirSync(dir).filter((f) => f.startsWith('master.key'))).toEqual(['master.key']);
    expect((await keyRows(dir)).slice(0, -1)).toEqual(before.slice(0, -1));
    await withDatabase(dir, (db) =>
      db.update(signingKeys).set({ encryptedPrivateKey: last.encryptedPrivateKey }).where(eq(signingKeys.id, last.id)),
    );
  }, 120_000);

  it('re-encrypts every key under a new master key, swaps the key files, keeps the old key aside, and says so', async () => {
    const before = await keyRows(dir);
    const r = rotate(dir);
    expect(r.status, r.stderr).toBe(0);
    const newKey = Buffer.from(hexOf(join(dir, 'master.key')), 'hex');
    expect(newKey.equals(oldKey)).toBe(false);
    const from = masterKeyId(oldKey);
    const to = masterKeyId(newKey);
    expect(r.stdout).toContain(`Master key rotated: ${from} → ${to}`);
    expect(r.stdout).toContain('signing keys re-encrypted: 3 of 3');
    expect(hexOf(join(dir, `master.key.previous-${from}`))).toBe(oldKey.toString('hex'));
    expect(existsSync(join(dir, 'master.key.next'))).toBe(false);
    // Only the new key is needed now, and every key holds the same private key as before.
    const newOnly = new Keyring(newKey);
    for (const k of await keyRows(dir)) {
      const was = before.find((b) => b.id === k.id);
      if (!was) throw new Error('a key appeared');
      expect(k.masterKeyId).toBe(to);
      expect(newOnly.open(k.encryptedPrivateKey, keyContext(k.id))).toEqual(
        new Keyring(oldKey).open(was.encryptedPrivateKey, keyContext(k.id)),
      );
    }
  }, 120_000);

  it('takes the new key from a file, or from TESSERA_NEW_MASTER_KEY', async () => {
    const current = Buffer.from(hexOf(join(dir, 'master.key')), 'hex');
    const fromFile = randomBytes(32);
    writeFileSync(join(dir, 'given.key'), fromFile.toString('hex'));
    expect(rotate(dir, {}, '--new-key-file', join(dir, 'given.key')).status).toBe(0);
    expect(hexOf(join(dir, 'master.key'))).toBe(fromFile.toString('hex'));
    expect(existsSync(join(dir, `master.key.previous-${masterKeyId(current)}`))).toBe(true);
    const fromEnv = randomBytes(32);
    expect(rotate(dir, { TESSERA_NEW_MASTER_KEY: fromEnv.toString('hex') }).status).toBe(0);
    for (const k of await keyRows(dir))
      expect(new Keyring(fromEnv).open(k.encryptedPrivateKey, keyContext(k.id)).length).toBeGreaterThan(0);
  }, 120_000);

  it('finishes a rotation interrupted after the database was re-encrypted (master.key.next left behind)', async () => {
    const current = Buffer.from(hexOf(join(dir, 'master.key')), 'hex');
    const next = randomBytes(32);
    writeFileSync(join(dir, 'master.key.next'), next.toString('hex'), { mode: 0o600 });
    await withDatabase(dir, (db) => rotateMasterKey({ db }, { keyring: new Keyring(next, [current]) }));
    const r = rotate(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('signing keys re-encrypted: 0 of 3');
    expect(hexOf(join(dir, 'master.key'))).toBe(next.toString('hex'));
    expect(existsSync(join(dir, 'master.key.next'))).toBe(false);
  }, 120_000);

  it('with TESSERA_MASTER_KEY in the environment, requires the new key to be given, and never writes key files', async () => {
    const { dir: envDir, oldKey: envOld } = await installation();
    rmSync(join(envDir, 'master.key'));
    const refused = rotate(envDir, { TESSERA_MASTER_KEY: envOld.toString('hex') });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--new-key-file');
    const next = randomBytes(32);
    const ok = rotate(envDir, { TESSERA_MASTER_KEY: envOld.toString('hex'), TESSERA_NEW_MASTER_KEY: next.toString('hex') });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Set TESSERA_MASTER_KEY to the new key');
    expect(readdirSync(envDir).filter((f) => f.startsWith('master.key'))).toEqual([]);
    for (const k of await keyRows(envDir)) expect(k.masterKeyId).toBe(masterKeyId(next));
  }, 180_000);
});

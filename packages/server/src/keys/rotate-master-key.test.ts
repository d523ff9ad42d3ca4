import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../context.js';
import { orgs, signingKeys } from '../db/schema.js';
import { createOrg } from '../orgs/create-org.js';
import type { OrgRow } from '../orgs/store.js';
import { blindLearnerLabel } from '../reviews/assessor-label.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { keyContext } from './create-signing-key.js';
import { Keyring, masterKeyId } from './keyring.js';
import { signerForKey } from './load-signer.js';
import { ensurePlatformKey } from './platform-key.js';
import { rotateMasterKey } from './rotate-master-key.js';

const OLD = randomBytes(32);
const NEW = randomBytes(32);
let ctx: TestContext;
let deps: Deps;
let org: OrgRow;
let label = '';

const snapshot = async () => ({
  keys: await ctx.deps.db.select().from(signingKeys).orderBy(signingKeys.id),
  secrets: await ctx.deps.db.select({ id: orgs.id, s: orgs.reviewLabelSecret }).from(orgs).orderBy(orgs.id),
});

beforeAll(async () => {
  ctx = await createTestContext();
  deps = { ...ctx.deps, keyring: new Keyring(OLD) };
  const owner = new ApiClient(ctx);
  const account = await owner.signUp('owner@riverside.test');
  const accountId = (account['account'] as { id: string } | undefined)?.id ?? (account['id'] as string);
  org = await createOrg(deps, { actor: { accountId, ip: null }, profile: { slug: 'riverside', name: 'Riverside' } });
  await createOrg(deps, { actor: { accountId, ip: null }, profile: { slug: 'hillside', name: 'Hillside' } });
  await ensurePlatformKey(deps);
  label = await blindLearnerLabel(deps, { id: org.id, reviewLabelSecret: null }, 'acc_learner');
});
afterAll(async () => ctx.close());

describe('master keys have ids', () => {
  it('names the sealing key in what it seals, and opens by that id', () => {
    const sealed = new Keyring(OLD).seal(Buffer.from('secret'), 'ctx');
    expect(Keyring.sealedWith(sealed)).toBe(masterKeyId(OLD));
    expect(new Keyring(NEW, [OLD]).open(sealed, 'ctx').toString()).toBe('secret');
    expect(() => new Keyring(NEW).open(sealed, 'ctx')).toThrow(
      new RegExp(`sealed under master key ${masterKeyId(OLD)}, which is not loaded`),
    );
    expect(() => new Keyring(OLD).open(sealed, 'other context')).toThrow();
  });

  it('still opens values sealed before key ids (v1) with any loaded key', () => {
    const v2 = new Keyring(OLD).seal(Buffer.from('legacy'), 'ctx').split('.');
    const v1 = ['v1', v2[2], v2[3], v2[4]].join('.');
    expect(new Keyring(NEW, [OLD]).open(v1, 'ctx').toString()).toBe('legacy');
    expect(() => new Keyring(NEW).open(v1, 'ctx')).toThrow();
  });

  it('records the master key id on every new signing key', async () => {
    const rows = await ctx.deps.db.select().from(signingKeys);
    expect(rows.length).toBe(5); // two organisations × (Ed25519, P-256) + the platform key
    for (const r of rows) {
      expect(r.masterKeyId).toBe(masterKeyId(OLD));
      expect(Keyring.sealedWith(r.encryptedPrivateKey)).toBe(masterKeyId(OLD));
    }
  });
});

describe('rotateMasterKey', () => {
  it('changes nothing when one value cannot be re-encrypted midway', async () => {
    const before = await snapshot();
    const last = before.keys.at(-1);
    if (!last) throw new Error('no keys');
    // The last key (in the order the rotation walks) was sealed under a key nobody has: the rotation fails there.
    const stray = new Keyring(randomBytes(32)).seal(Buffer.alloc(32), keyContext(last.id));
    await ctx.deps.db.update(signingKeys).set({ encryptedPrivateKey: stray }).where(eq(signingKeys.id, last.id));
    await expect(rotateMasterKey(ctx.deps, { keyring: new Keyring(NEW, [OLD]) })).rejects.toThrow(/not loaded/);
    const after = await snapshot();
    expect(after.keys.slice(0, -1)).toEqual(before.keys.slice(0, -1));
    expect(after.secrets).toEqual(before.secrets);
    await ctx.deps.db.update(signingKeys).set({ encryptedPrivateKey: last.encryptedPrivateKey }).where(eq(signingKeys.id, last.id));
    expect(await snapshot()).toEqual(before);
  });

  it('re-encrypts every key and secret; afterwards only the new key is needed', async () => {
    const before = await snapshot();
    const oldOnly = new Keyring(OLD);
    const did = 'did:web:tessera.test:orgs:riverside';
    const message = new TextEncoder().encode('same bytes, same Ed25519 signature');
    const ed = before.keys.find((k) => k.orgId === org.id && k.algorithm === 'Ed25519');
    if (!ed) throw new Error('no Ed25519 key');
    const signedBefore = await signerForKey(deps, ed, did).sign({ data: message });

    const report = await rotateMasterKey(ctx.deps, { keyring: new Keyring(NEW, [OLD]) });
    expect(report).toEqual({
      to: masterKeyId(NEW),
      signingKeys: { total: 5, resealed: 5 },
      orgSecrets: { total: 1, resealed: 1 },
      sealedBefore: { [masterKeyId(OLD)]: 6 },
    });

    const newOnly: Deps = { ...ctx.deps, keyring: new Keyring(NEW) };
    const after = await snapshot();
    for (const k of after.keys) {
      const was = before.keys.find((b) => b.id === k.id);
      if (!was) throw new Error(`key ${k.id} appeared`);
      expect(k.masterKeyId).toBe(masterKeyId(NEW));
      expect(k.encryptedPrivateKey).not.toBe(was.encryptedPrivateKey);
      expect(newOnly.keyring.open(k.encryptedPrivateKey, keyContext(k.id))).toEqual(
        oldOnly.open(was.encryptedPrivateKey, keyContext(k.id)),
      );
      expect(() => oldOnly.open(k.encryptedPrivateKey, keyContext(k.id))).toThrow(/not loaded/);
    }
    const edAfter = after.keys.find((k) => k.id === ed.id);
    if (!edAfter) throw new Error('Ed25519 key gone');
    expect(await signerForKey(newOnly, edAfter, did).sign({ data: message })).toEqual(signedBefore);
    // The blind-review label secret moved too: the same learner gets the same label under the new key alone.
    expect(await blindLearnerLabel(newOnly, { id: org.id, reviewLabelSecret: null }, 'acc_learner')).toBe(label);
  });

  it('does nothing more when run again (an interrupted rotation is finished by running it again)', async () => {
    const before = await snapshot();
    const report = await rotateMasterKey(ctx.deps, { keyring: new Keyring(NEW, [OLD]) });
    expect(report.signingKeys).toEqual({ total: 5, resealed: 0 });
    expect(report.orgSecrets).toEqual({ total: 1, resealed: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

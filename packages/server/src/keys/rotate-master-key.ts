import type { Deps } from '../context.js';
import type { Db } from '../db/client.js';
import { keyContext } from './create-signing-key.js';
import { Keyring } from './keyring.js';
import { lockSealedOrgSecrets, lockSealedSigningKeys, resealOrgSecret, resealSigningKey } from './store.js';
import { reviewLabelContext } from '../reviews/index.js';

/** What a master-key rotation re-sealed: counts per kind, and how many values each old master key had sealed. */
export interface RotationReport {
  to: string;
  signingKeys: { total: number; resealed: number };
  orgSecrets: { total: number; resealed: number };
  sealedBefore: Record<string, number>;
}

/**
 * Re-seal every value the master key protects (signing keys' private keys, organisations' review-label secrets)
 * under `keyring`'s current key, in one transaction: all of them or, if any cannot be opened, none. `keyring`
 * must hold the old master key(s) as well, to open what they sealed. Values already under the current key are
 * left as they are, so running it again after an interruption finishes the job.
 */
export async function rotateMasterKey(deps: Pick<Deps, 'db'>, opts: { keyring: Keyring }): Promise<RotationReport> {
  const { keyring } = opts;
  const to = keyring.currentId;
  return deps.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const sealedBefore: Record<string, number> = {};
    const count = (sealed: string) => {
      const id = Keyring.sealedWith(sealed) ?? 'v1 (no key id)';
      sealedBefore[id] = (sealedBefore[id] ?? 0) + 1;
      return id;
    };
    const keys = await lockSealedSigningKeys(tx);
    let resealedKeys = 0;
    for (const k of keys) {
      if (count(k.encryptedPrivateKey) === to && k.masterKeyId === to) continue;
      const plain = keyring.open(k.encryptedPrivateKey, keyContext(k.id));
      await resealSigningKey(tx, k.id, keyring.seal(plain, keyContext(k.id)), to);
      plain.fill(0);
      resealedKeys++;
    }
    const secrets = await lockSealedOrgSecrets(tx);
    let resealedSecrets = 0;
    for (const s of secrets) {
      if (count(s.sealed) === to) continue;
      const plain = keyring.open(s.sealed, reviewLabelContext(s.orgId));
      await resealOrgSecret(tx, s.orgId, keyring.seal(plain, reviewLabelContext(s.orgId)));
      plain.fill(0);
      resealedSecrets++;
    }
    return {
      to,
      signingKeys: { total: keys.length, resealed: resealedKeys },
      orgSecrets: { total: secrets.length, resealed: resealedSecrets },
      sealedBefore,
    };
  });
}

import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { generateEd25519, generateP256 } from './material.js';
import type { KeyAlgorithm, SigningKeyRow } from './store.js';
import { insertSigningKey } from './store.js';

/** AAD that binds an encrypted private key to its key id, so ciphertexts cannot be swapped between rows. */
export function keyContext(keyId: string): string {
  return `tessera:signing-key:${keyId}`;
}

/** Fresh key material: the Multikey public key and the private bytes to seal (Ed25519 seed‖public, or the P-256 scalar). */
function generate(algorithm: KeyAlgorithm): { publicKeyMultibase: string; secret: Buffer } {
  if (algorithm === 'P-256') {
    const k = generateP256();
    return { publicKeyMultibase: k.publicKeyMultibase, secret: k.scalar };
  }
  const k = generateEd25519();
  return { publicKeyMultibase: k.publicKeyMultibase, secret: Buffer.concat([k.seed, k.publicRaw]) };
}

/**
 * Generate a key for an organisation (or, with orgId null, the platform): Ed25519 unless `algorithm` says
 * P-256. The private part is sealed with the master key, bound to the key id.
 */
export async function createSigningKey(
  deps: Deps,
  opts: { orgId: string | null; actor: Actor | null; algorithm?: KeyAlgorithm },
): Promise<SigningKeyRow> {
  const id = deps.ids.id('key');
  const algorithm = opts.algorithm ?? 'Ed25519';
  const material = generate(algorithm);
  const row: SigningKeyRow = {
    id,
    orgId: opts.orgId,
    algorithm,
    publicKeyMultibase: material.publicKeyMultibase,
    encryptedPrivateKey: deps.keyring.seal(material.secret, keyContext(id)),
    masterKeyId: deps.keyring.currentId,
    createdAt: deps.clock.now(),
    retiredAt: null,
  };
  await insertSigningKey(deps.db, row);
  material.secret.fill(0);
  await recordAudit(deps, {
    action: 'key.created',
    orgId: opts.orgId,
    actorId: opts.actor?.accountId ?? null,
    target: id,
    detail: { algorithm, publicKeyMultibase: row.publicKeyMultibase },
    ip: opts.actor?.ip ?? null,
  });
  return row;
}

import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgSigner } from '../keys/index.js';
import { findOrgById } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { attachJwtPayload, detachJwtPayload, signVcJwt } from './sign-jwt.js';
import { storeCredentialJwt } from './store.js';
import type { CredentialRow } from './store.js';

/**
 * A credential's VC-JWT form (OB 3.0 §8.2, ES256 with the organisation's P-256 key: 1EdTech's validator accepts only
 * RS256 and ES256 JWTs), for a caller that may see the credential. The credential itself is the document with its
 * Data Integrity proof, signed at issue; the JWT is a second encoding of the same claims, so it is signed the first
 * time someone asks for it and stored (payload detached) for every later request. Issuance does not pay for a form
 * most credentials are never downloaded in (a quarter of a bulk job's CPU, measured with `tessera bench awards`).
 * Signing is audited once per credential; when two requests sign at once, the first stored wins and both return it.
 */
export async function credentialJwt(deps: Deps, row: CredentialRow): Promise<string> {
  if (row.jwt) return attachJwtPayload(row.jwt, row.document);
  const org = await findOrgById(deps.db, row.orgId);
  if (!org) throw new AppError('not_found', 'No such credential');
  const signer = await loadOrgSigner(deps, org, 'P-256');
  const signed = detachJwtPayload(await signVcJwt(row.document, signer));
  const stored = await inTransaction(deps, async (tx) => {
    const kept = await storeCredentialJwt(tx.db, row.id, signed);
    if (kept === signed)
      await recordAudit(tx, { action: 'credential.jwt_signed', orgId: org.id, target: row.id, detail: { verificationMethod: signer.id } });
    return kept;
  });
  if (!stored) throw new AppError('not_found', 'No such credential');
  return attachJwtPayload(stored, row.document);
}

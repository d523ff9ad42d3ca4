import type { Signer } from '../keys/index.js';
import { canonicalWithStoredAchievement } from './stored-achievement.js';

const b64u = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');
/** A date's seconds since the epoch, or undefined (the claim left out) when it is not a date. */
const seconds = (iso: unknown) => {
  const ms = typeof iso === 'string' ? new Date(iso).getTime() : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
};

/**
 * The JWT claims of a credential (OB 3.0 §8.2): the credential without its embedded proof, plus iss, jti, nbf, sub
 * and exp (when the credential has validUntil), serialised with JSON Canonicalization (RFC 8785). Canonical
 * serialisation makes the payload a function of the credential's content alone, so the exact signed bytes can be
 * rebuilt from the stored document (whose key order the database does not keep): see `attachJwtPayload`.
 */
export function vcJwtPayload(credential: Record<string, unknown>): string {
  const { proof: _proof, ...vc } = credential;
  const issuer = vc['issuer'];
  const subject = vc['credentialSubject'] as Record<string, unknown> | undefined;
  const claims: Record<string, unknown> = {
    ...vc,
    iss: typeof issuer === 'string' ? issuer : (issuer as { id?: string } | undefined)?.id,
    jti: vc['id'],
    nbf: seconds(vc['validFrom']),
    ...(subject?.['id'] ? { sub: subject['id'] } : {}),
    ...(vc['validUntil'] ? { exp: seconds(vc['validUntil']) } : {}),
  };
  return canonicalWithStoredAchievement(claims);
}

/**
 * The VC-JWT form of a credential (OB 3.0 §8.2): a compact JWS, EdDSA (Ed25519) or ES256 (P-256) by the signer's
 * algorithm, `kid` = the verification method, the claims of `vcJwtPayload`. Signed through the signer port.
 */
export async function signVcJwt(credential: Record<string, unknown>, signer: Signer): Promise<string> {
  const header = { alg: signer.algorithm === 'P-256' ? 'ES256' : 'EdDSA', typ: 'vc+ld+json+jwt', kid: signer.id };
  const input = `${b64u(JSON.stringify(header))}.${b64u(vcJwtPayload(credential))}`;
  // The signing input is base64url text, so its Latin-1 bytes are its UTF-8 bytes (and a copy, not an encode).
  const signature = await signer.sign({ data: Buffer.from(input, 'latin1') });
  return `${input}.${b64u(signature)}`;
}

/**
 * A VC-JWT as stored beside its credential: the compact JWS with its payload detached (`header..signature`, RFC 7515
 * Appendix F). The payload is the credential itself, which is stored once, as the document; storing it twice
 * doubled every credential row.
 */
export function detachJwtPayload(jwt: string): string {
  const [header, , signature, extra] = jwt.split('.');
  if (!header || !signature || extra !== undefined) throw new Error('not a compact JWS');
  return `${header}..${signature}`;
}

/**
 * The full VC-JWT from its stored form and the stored credential: a detached JWS gets its payload rebuilt from the
 * document (`vcJwtPayload`); a JWT stored whole (credentials issued before detached storage) is returned as it is.
 */
export function attachJwtPayload(stored: string, document: Record<string, unknown>): string {
  const [header, payload, signature] = stored.split('.');
  if (payload || !header || !signature) return stored;
  return `${header}.${b64u(vcJwtPayload(document))}.${signature}`;
}

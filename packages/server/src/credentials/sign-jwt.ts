import type { Signer } from '../keys/index.js';

const b64u = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');
const seconds = (iso: unknown) => (typeof iso === 'string' ? Math.floor(new Date(iso).getTime() / 1000) : undefined);

/**
 * The VC-JWT form of a credential (OB 3.0 §8.2): a compact JWS, EdDSA (Ed25519) or ES256 (P-256) by the signer's
 * algorithm, `kid` = the verification method,
 * claims iss, jti, nbf, sub and exp (when the credential has validUntil). Signed through the signer port.
 */
export async function signVcJwt(credential: Record<string, unknown>, signer: Signer): Promise<string> {
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
  const header = { alg: signer.algorithm === 'P-256' ? 'ES256' : 'EdDSA', typ: 'vc+ld+json+jwt', kid: signer.id };
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
  const signature = await signer.sign({ data: new TextEncoder().encode(input) });
  return `${input}.${b64u(signature)}`;
}

import { createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { idOf } from './json.js';
import { JWS_ALGORITHMS_BY_KEY_TYPE, checkJwsAlgorithm, verifyEs256kJws } from './key-types.js';
import { KeyResolutionError, keyFromJwk } from './keys.js';
import { bindIssuer, issuerPublishesKey, keyForMethod } from './trust.js';
import type { Binding } from './trust.js';
import type { ResolvedKey } from './keys.js';

/** JWS algorithms accepted for VC-JWT, each only with its own key type (key-types.ts). */
export const JWT_ALGORITHMS = [...new Set(Object.values(JWS_ALGORITHMS_BY_KEY_TYPE).flat())];

/** Why a JWT's `alg` may not be used (with this key, when known), or null when it may. `none` and HMAC are never accepted. */
export function algorithmProblem(alg: string, key: KeyObject | null): string | null {
  if (key) return checkJwsAlgorithm(alg, key);
  if (alg.toLowerCase() === 'none') return `The JWT algorithm "${alg}" means the token is not signed at all`;
  if (/^HS\d+$/i.test(alg)) return `The JWT algorithm "${alg}" is an HMAC algorithm, which cannot prove who signed`;
  return JWT_ALGORITHMS.includes(alg) ? null : `The JWT algorithm "${alg}" is not accepted (${JWT_ALGORITHMS.join(', ')})`;
}

/** Whether a string has the shape of a compact JWS (three base64url parts). */
export function looksLikeJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());
}

const Header = z.looseObject({
  alg: z.string(),
  kid: z.string().optional(),
  jwk: z.record(z.string(), z.unknown()).optional(),
  typ: z.string().optional(),
});

/** The result of reading and checking a VC-JWT's signature and who holds its key. */
export interface JwtCheck {
  header: z.infer<typeof Header>;
  payload: Record<string, unknown>;
  /** The credential: the `vc` claim, or the payload itself (VC 2.0 secured with JOSE). */
  credential: Record<string, unknown>;
  signature: { outcome: 'passed' | 'failed' | 'unknown'; message: string; key: ResolvedKey | null };
  /** Whether the credential's issuer controls the key (trust.ts): `iss`, the `kid` through the issuer, a `jwk` header only when the issuer publishes it. */
  binding: Binding;
  /** Claims that disagree with the credential (jti, sub, nbf, exp). */
  claimProblems: string[];
}

/** JWT registered claims (RFC 7519 §4.1, and cnf): claims about the token, not terms of the credential. */
const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf']);

/** The credential a VC-JWT carries: its `vc` claim (VC 1.1), or the payload less the JWT's registered claims (VC 2.0 with JOSE). */
export function credentialOfPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const vc = payload['vc'];
  if (typeof vc === 'object' && vc !== null && !Array.isArray(vc)) return vc as Record<string, unknown>;
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !REGISTERED_CLAIMS.has(k)));
}

/** The payload of a compact JWS as a JSON object, without checking anything (throws when it is not one). */
export function decodeJwsPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('The JWT payload is not a JSON object');
  return value as Record<string, unknown>;
}

function claimProblems(payload: Record<string, unknown>, credential: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (payload['jti'] !== undefined && typeof credential['id'] === 'string' && payload['jti'] !== credential['id'])
    problems.push('jti is not the credential id');
  const subject = idOf(([] as unknown[]).concat(credential['credentialSubject'] ?? [])[0]);
  if (payload['sub'] !== undefined && subject && payload['sub'] !== subject) problems.push('sub is not the credential subject');
  const from = credential['validFrom'] ?? credential['issuanceDate'];
  if (typeof payload['nbf'] === 'number' && typeof from === 'string' && Math.abs(payload['nbf'] - Date.parse(from) / 1000) > 1)
    problems.push('nbf does not match validFrom');
  const until = credential['validUntil'] ?? credential['expirationDate'];
  if (typeof payload['exp'] === 'number' && typeof until === 'string' && Math.abs(payload['exp'] - Date.parse(until) / 1000) > 1)
    problems.push('exp does not match validUntil');
  return problems;
}

/** The key a JWT names and whether its issuer controls it; throws KeyResolutionError when the key is unusable. */
function jwtKey(
  header: z.infer<typeof Header>,
  issuer: string | undefined,
  documents: ReadonlyMap<string, unknown>,
): { key: ResolvedKey; binding: Binding } {
  if (header.jwk) {
    const key = keyFromJwk(header.jwk, 'The jwk header');
    return { key: { id: 'jwk header', controller: '', key }, binding: issuerPublishesKey(issuer, key, documents) };
  }
  // A relative kid ("#key-1") names a key of the issuer; a bare did:key/did:jwk issuer needs no kid at all.
  const kid = header.kid
    ? header.kid.startsWith('#')
      ? `${issuer ?? ''}${header.kid}`
      : header.kid
    : issuer && /^did:(key|jwk):/.test(issuer)
      ? issuer
      : null;
  if (!kid) throw new KeyResolutionError('The JWT names no key (no kid and no jwk header)', 'failed');
  return { key: keyForMethod(kid, issuer, documents), binding: bindIssuer(issuer, kid, documents) };
}

/** Read a VC-JWT, check its algorithm, its signature and whether the issuer controls the key; never throws on a bad token. */
export async function checkJwt(jwt: string, documents: ReadonlyMap<string, unknown> = new Map()): Promise<JwtCheck> {
  const token = jwt.trim();
  const header = Header.parse(decodeProtectedHeader(token));
  const payload = decodeJwsPayload(token);
  const credential = credentialOfPayload(payload);
  const issuer = idOf(credential['issuer']);
  const base = { header, payload, credential, claimProblems: claimProblems(payload, credential) };
  const issMismatch: Binding | null =
    payload['iss'] !== undefined && payload['iss'] !== issuer
      ? { status: 'failed', message: `The token's iss (${String(payload['iss'])}) is not the credential's issuer (${issuer ?? 'none'})` }
      : null;
  const refused = algorithmProblem(header.alg, null);
  if (refused)
    return {
      ...base,
      binding: issMismatch ?? { status: 'unknown', message: 'The key was not looked at: the algorithm is refused' },
      signature: { outcome: 'failed', message: refused, key: null },
    };
  let resolved: { key: ResolvedKey; binding: Binding };
  try {
    resolved = jwtKey(header, issuer, documents);
  } catch (e) {
    const outcome = e instanceof KeyResolutionError ? e.outcome : 'failed';
    return {
      ...base,
      binding: issMismatch ?? {
        status: outcome === 'unknown' ? 'unknown' : 'failed',
        message: `No usable key: ${e instanceof Error ? e.message : String(e)}`,
      },
      signature: { outcome, message: e instanceof Error ? e.message : String(e), key: null },
    };
  }
  const binding = issMismatch ?? resolved.binding;
  const mismatch = algorithmProblem(header.alg, resolved.key.key);
  if (mismatch) return { ...base, binding, signature: { outcome: 'failed', message: mismatch, key: resolved.key } };
  if (header.alg === 'ES256K') {
    // jose runs on WebCrypto, which has no secp256k1: node:crypto checks ES256K.
    const problem = verifyEs256kJws(token, resolved.key.key);
    return {
      ...base,
      binding,
      signature: problem
        ? { outcome: 'failed', message: `The JWT signature does not verify: ${problem}`, key: resolved.key }
        : { outcome: 'passed', message: 'The ES256K signature is valid', key: resolved.key },
    };
  }
  try {
    await compactVerify(token, resolved.key.key, { algorithms: [header.alg] });
    return { ...base, binding, signature: { outcome: 'passed', message: `The ${header.alg} signature is valid`, key: resolved.key } };
  } catch (e) {
    return {
      ...base,
      binding,
      signature: {
        outcome: 'failed',
        message: `The JWT signature does not verify: ${e instanceof Error ? e.message : String(e)}`,
        key: resolved.key,
      },
    };
  }
}

/** Sign a credential as a VC-JWT (claims iss, jti, nbf, sub, exp per OB 3.0, the credential in `vc`). */
export async function signJwt(
  credential: Record<string, unknown>,
  opts: { key: KeyObject; alg: 'EdDSA' | 'ES256'; kid: string },
): Promise<string> {
  const payload: Record<string, unknown> = { vc: credential };
  const issuer = idOf(credential['issuer']);
  if (issuer) payload['iss'] = issuer;
  if (typeof credential['id'] === 'string') payload['jti'] = credential['id'];
  const from = credential['validFrom'] ?? credential['issuanceDate'];
  if (typeof from === 'string') payload['nbf'] = Math.floor(Date.parse(from) / 1000);
  const subject = idOf(([] as unknown[]).concat(credential['credentialSubject'] ?? [])[0]);
  if (subject) payload['sub'] = subject;
  const until = credential['validUntil'] ?? credential['expirationDate'];
  if (typeof until === 'string') payload['exp'] = Math.floor(Date.parse(until) / 1000);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: opts.alg, kid: opts.kid, typ: 'JWT' })
    .sign(opts.key);
}

/** A private KeyObject from a raw Ed25519 seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

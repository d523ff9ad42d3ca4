import { createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { idOf } from './json.js';
import { KeyResolutionError, keyFromJwk, resolveVerificationMethod } from './keys.js';
import type { ResolvedKey } from './keys.js';

/** JWS algorithms accepted for VC-JWT. */
export const JWT_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

/** Whether a string has the shape of a compact JWS (three base64url parts). */
export function looksLikeJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());
}

const Header = z.looseObject({ alg: z.string(), kid: z.string().optional(), jwk: z.record(z.string(), z.unknown()).optional(), typ: z.string().optional() });

/** The result of reading and checking a VC-JWT's signature. */
export interface JwtCheck {
  header: z.infer<typeof Header>;
  payload: Record<string, unknown>;
  /** The credential: the `vc` claim, or the payload itself (VC 2.0 secured with JOSE). */
  credential: Record<string, unknown>;
  signature: { outcome: 'passed' | 'failed' | 'unknown'; message: string; key: ResolvedKey | null };
  /** Claims that disagree with the credential (iss, jti, sub, nbf, exp). */
  claimProblems: string[];
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
  const issuer = idOf(credential['issuer']);
  if (payload['iss'] !== undefined && issuer && payload['iss'] !== issuer) problems.push(`iss (${String(payload['iss'])}) is not the issuer (${issuer})`);
  if (payload['jti'] !== undefined && typeof credential['id'] === 'string' && payload['jti'] !== credential['id']) problems.push('jti is not the credential id');
  const subject = idOf(([] as unknown[]).concat(credential['credentialSubject'] ?? [])[0]);
  if (payload['sub'] !== undefined && subject && payload['sub'] !== subject) problems.push('sub is not the credential subject');
  const from = credential['validFrom'] ?? credential['issuanceDate'];
  if (typeof payload['nbf'] === 'number' && typeof from === 'string' && Math.abs(payload['nbf'] - Date.parse(from) / 1000) > 1) problems.push('nbf does not match validFrom');
  const until = credential['validUntil'] ?? credential['expirationDate'];
  if (typeof payload['exp'] === 'number' && typeof until === 'string' && Math.abs(payload['exp'] - Date.parse(until) / 1000) > 1) problems.push('exp does not match validUntil');
  return problems;
}

/** Read a VC-JWT and check its signature with the key named by `jwk` or `kid`; never throws on a bad token. */
export async function checkJwt(jwt: string, documents: ReadonlyMap<string, unknown> = new Map()): Promise<JwtCheck> {
  const token = jwt.trim();
  const header = Header.parse(decodeProtectedHeader(token));
  const payload = decodeJwsPayload(token);
  const vc = payload['vc'];
  const credential = typeof vc === 'object' && vc !== null && !Array.isArray(vc) ? (vc as Record<string, unknown>) : payload;
  const base = { header, payload, credential, claimProblems: claimProblems(payload, credential) };
  if (!(JWT_ALGORITHMS as readonly string[]).includes(header.alg)) {
    return { ...base, signature: { outcome: 'failed', message: `The JWT algorithm "${header.alg}" is not accepted (EdDSA, ES256 or RS256)`, key: null } };
  }
  let resolved: ResolvedKey;
  try {
    if (header.jwk) resolved = { id: 'jwk header', controller: String(payload['iss'] ?? ''), key: keyFromJwk(header.jwk, 'The jwk header') };
    else if (header.kid) resolved = resolveVerificationMethod(header.kid.startsWith('#') ? `${String(payload['iss'] ?? '')}${header.kid}` : header.kid, documents);
    else return { ...base, signature: { outcome: 'failed', message: 'The JWT names no key (no kid and no jwk header)', key: null } };
  } catch (e) {
    const outcome = e instanceof KeyResolutionError ? e.outcome : 'failed';
    return { ...base, signature: { outcome, message: e instanceof Error ? e.message : String(e), key: null } };
  }
  try {
    await compactVerify(token, resolved.key, { algorithms: [header.alg] });
    return { ...base, signature: { outcome: 'passed', message: `The ${header.alg} signature is valid`, key: resolved } };
  } catch (e) {
    return { ...base, signature: { outcome: 'failed', message: `The JWT signature does not verify: ${e instanceof Error ? e.message : String(e)}`, key: resolved } };
  }
}

/** Sign a credential as a VC-JWT (claims iss, jti, nbf, sub, exp per OB 3.0, the credential in `vc`). */
export async function signJwt(credential: Record<string, unknown>, opts: { key: KeyObject; alg: 'EdDSA' | 'ES256'; kid: string }): Promise<string> {
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
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: opts.alg, kid: opts.kid, typ: 'JWT' }).sign(opts.key);
}

/** A private KeyObject from a raw Ed25519 seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
}

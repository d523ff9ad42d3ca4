/**
 * "Check a recipient's email": compare an address someone types with the recipient identity a credential carries,
 * in the browser (the address is never sent anywhere).
 *
 * Open Badges 3.0 names the recipient in `credentialSubject.identifier[]` with IdentityObjects; an email is
 * `identityType: "emailAddress"`, either plain (`hashed: false`, the address in `identityHash`) or hashed
 * (`hashed: true`, `identityHash` = `sha256$` + the lowercase hex SHA-256 of the address followed by `salt`).
 * Open Badges 2.0 puts the same in `recipient` (`type: "email"`, `identity`, `hashed`, `salt`). The specification
 * hashes the address exactly as the issuer wrote it and defines no normalisation, so the check trims the spaces
 * around what is typed (never part of an address) and tries it as typed, then in lower case (how most issuers,
 * Tessera among them, store addresses); either one matching is a match.
 */

/** One email identity of a credential's recipient. */
export interface EmailIdentity {
  hashed: boolean;
  /** The plain address, or `algorithm$hex` when hashed. */
  value: string;
  salt: string;
}

/** The outcome of a check: `unsupported` when the hash uses an algorithm the browser cannot compute (MD5). */
export type EmailCheckResult = 'match' | 'no_match' | 'unsupported';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The email identities a credential names for its recipient (OB 3.0 IdentityObjects and the OB 2.0 recipient). */
export function emailIdentities(credential: Json | null): EmailIdentity[] {
  if (!credential) return [];
  const found: EmailIdentity[] = [];
  for (const subject of list(credential['credentialSubject'])) {
    for (const id of list(rec(subject)?.['identifier'])) {
      const o = rec(id);
      if (!o || o['identityType'] !== 'emailAddress' || typeof o['identityHash'] !== 'string') continue;
      found.push({ hashed: o['hashed'] === true, value: o['identityHash'], salt: typeof o['salt'] === 'string' ? o['salt'] : '' });
    }
  }
  const recipient = rec(credential['recipient']);
  if (recipient && recipient['type'] === 'email' && typeof recipient['identity'] === 'string') {
    found.push({
      hashed: recipient['hashed'] === true,
      value: recipient['identity'],
      salt: typeof recipient['salt'] === 'string' ? recipient['salt'] : '',
    });
  }
  return found;
}

/** The lowercase hex SHA-256 of a string's UTF-8 bytes, computed with Web Crypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The forms of a typed address that are tried: trimmed as typed, then lower-cased (once when they are the same). */
export function candidates(typed: string): string[] {
  const trimmed = typed.trim();
  const lower = trimmed.toLowerCase();
  return trimmed === lower ? [trimmed] : [trimmed, lower];
}

/** Whether a typed address is the one an identity names. */
export async function checkEmail(identity: EmailIdentity, typed: string): Promise<EmailCheckResult> {
  const forms = candidates(typed);
  if (forms[0] === '') return 'no_match';
  if (!identity.hashed) {
    const plain = identity.value.trim();
    return forms.some((f) => f === plain || f === plain.toLowerCase()) ? 'match' : 'no_match';
  }
  const hashed = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(identity.value.trim());
  if (!hashed || !hashed[2]) return 'no_match';
  if (hashed[1] === 'md5') return 'unsupported';
  const expected = hashed[2].toLowerCase();
  for (const f of forms) if ((await sha256Hex(f + identity.salt)) === expected) return 'match';
  return 'no_match';
}

/** Check a typed address against every email identity: a match with any one is a match. */
export async function checkRecipientEmail(identities: readonly EmailIdentity[], typed: string): Promise<EmailCheckResult> {
  let unsupported = false;
  for (const identity of identities) {
    const result = await checkEmail(identity, typed);
    if (result === 'match') return 'match';
    if (result === 'unsupported') unsupported = true;
  }
  return unsupported ? 'unsupported' : 'no_match';
}

import { verifyCredential } from '@tessera/credentials';
import type { Report } from '@tessera/credentials';
import { hitRateLimit } from '../accounts/store.js';
import type { Deps } from '../context.js';
import { findCredentialByKey } from '../credentials/find-credential-by-key.js';
import { AppError } from '../shared/errors.js';
import { localDocuments } from './local-documents.js';

const WINDOW_MS = 60_000;

/** What a verifier is given: raw bytes (JSON, JWT, PNG, SVG), or the URL of a credential. */
export type VerifyInput = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'url'; url: string };

/** Hold verification to a per-client rate (anonymous callers are keyed by IP). */
export async function checkVerifyRate(deps: Deps, client: string): Promise<void> {
  const now = deps.clock.now();
  const hit = await hitRateLimit(deps.db, `verify:${client}`, now, WINDOW_MS);
  if (hit.count > deps.env.TESSERA_VERIFY_PER_MINUTE) {
    const retry = Math.max(1, Math.ceil((hit.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many verifications from this address. Try again in a minute.', { headers: { 'retry-after': String(retry) } });
  }
}

/** The credential at a URL this instance serves (its public page or JSON), or null. */
async function ownCredentialAt(deps: Deps, url: string): Promise<Record<string, unknown> | null> {
  const prefix = `${deps.env.TESSERA_BASE_URL}/credentials/`;
  if (!url.startsWith(prefix)) return null;
  const key = decodeURIComponent(url.slice(prefix.length).split(/[?#/]/)[0] ?? '');
  try {
    return (await findCredentialByKey(deps, key)).document;
  } catch {
    return null;
  }
}

/**
 * Verify anything a person hands us. Credentials this instance issued are checked against its own DID
 * documents and status lists; nothing is fetched from other hosts.
 */
export async function verifyInput(deps: Deps, input: VerifyInput): Promise<Report> {
  let subject: Uint8Array | Record<string, unknown>;
  if (input.kind === 'url') {
    const own = await ownCredentialAt(deps, input.url);
    if (!own) {
      throw new AppError('validation_failed', 'This server verifies credentials at its own URLs only; paste or upload the credential instead', {
        errors: [{ path: 'url', message: 'Fetching from other hosts is not enabled' }],
      });
    }
    subject = own;
  } else subject = input.bytes;
  const first = await verifyCredential(subject, { now: deps.clock.now() });
  const documents = await localDocuments(deps, first.credential);
  return documents.size === 0 ? first : verifyCredential(subject, { now: deps.clock.now(), documents });
}

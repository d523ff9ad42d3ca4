import { FetchError, createFetcher } from '@tessera/credentials';
import type { Fetcher, Report } from '@tessera/credentials';
import { enforceRateLimit } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { findCredentialByKey } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { localDocuments } from './local-documents.js';
import { Budget, sharedVerifyPool, tookTooLong, tooLarge } from './pool.js';
import type { PoolOutcome } from './pool.js';

const WINDOW_MS = 60_000;
const fetchers = new WeakMap<object, Fetcher>();

/** The guarded fetcher for remote documents, one per configuration (it caches). */
export function remoteFetcher(deps: Deps): Fetcher {
  let f = fetchers.get(deps.env);
  if (!f) {
    f = createFetcher({ mode: deps.env.TESSERA_REMOTE_FETCH, allowPrivate: deps.env.TESSERA_FETCH_ALLOW_PRIVATE });
    fetchers.set(deps.env, f);
  }
  return f;
}

/** What a verifier is given: raw bytes (JSON, JWT, PNG, SVG), or the URL of a credential. */
export type VerifyInput = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'url'; url: string };

/** Hold verification to a per-client rate (anonymous callers are keyed by IP). */
export async function checkVerifyRate(deps: Deps, client: string): Promise<void> {
  await enforceRateLimit(deps, {
    key: `verify:${client}`,
    max: deps.env.TESSERA_VERIFY_PER_MINUTE,
    windowMs: WINDOW_MS,
    message: 'Too many verifications from this address. Try again in a minute.',
  });
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
    if (own) subject = own;
    else if (deps.env.TESSERA_REMOTE_FETCH === 'off') {
      throw new AppError('validation_failed', 'This server does not fetch from other hosts; paste or upload the credential instead', {
        errors: [{ path: 'url', message: 'Fetching from other hosts is not enabled' }],
      });
    } else {
      try {
        subject = (
          await remoteFetcher(deps).get(
            input.url,
            'application/vc+ld+json, application/json, application/jwt, image/png, image/svg+xml;q=0.9, */*;q=0.5',
          )
        ).body;
      } catch (e) {
        throw new AppError('validation_failed', `Could not fetch the credential: ${e instanceof Error ? e.message : String(e)}`, {
          errors: [{ path: 'url', message: e instanceof FetchError ? e.code : 'fetch failed' }],
        });
      }
    }
  } else subject = input.bytes;
  // Both passes run in the worker pool, within one time budget. A quick offline pass reads the credential
  // (and refuses deep nesting); then its documents come from our own database where we are the issuer, and
  // from the guarded fetcher otherwise.
  const pool = deps.verifier ?? sharedVerifyPool(deps.env);
  const budget = new Budget(deps.env.TESSERA_VERIFY_TIMEOUT_MS);
  const offline = await pool.run({ subject, now: deps.clock.now(), checkDepth: true, fetch: null }, budget);
  const first = settled(offline, budget, null);
  if (offline.kind !== 'report') return first;
  const documents = await localDocuments(deps, first.credential);
  const fetch = { mode: deps.env.TESSERA_REMOTE_FETCH, allowPrivate: deps.env.TESSERA_FETCH_ALLOW_PRIVATE };
  return settled(await pool.run({ subject, now: deps.clock.now(), documents, checkDepth: false, fetch }, budget), budget, first.credential);
}

/** The report a pool run ends in; input nested too deeply is a 400 problem. */
function settled(outcome: PoolOutcome, budget: Budget, credential: Record<string, unknown> | null): Report {
  switch (outcome.kind) {
    case 'report':
      return outcome.report;
    case 'timeout':
      return tookTooLong(budget.totalMs, credential);
    case 'exhausted':
      return tooLarge(credential);
    case 'too_deep':
      throw new AppError('validation_failed', outcome.message, { errors: [{ path: '(body)', message: outcome.message }] });
  }
}

import type { Report } from '@tessera/credentials';
import { LIMITS } from '@tessera/shared';
import { enforceRateLimit } from '../accounts/index.js';
import type { Actor, Deps } from '../context.js';
import { assertCredentialUrlViewable } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { verifyInput } from '../verify/index.js';
import { claimedNames, presentWalletItem } from './present.js';
import { schedulePathwayEvaluation } from '../pathways/index.js';
import { insertWalletItem, listWalletItems } from './store.js';

const RATE_WINDOW_MS = 60_000;

/** Hold wallet imports and re-verifications (each runs the verifier) to TESSERA_WALLET_IMPORTS_PER_MINUTE per account. */
export async function checkImportRate(deps: Deps, accountId: string): Promise<void> {
  await enforceRateLimit(deps, {
    key: `wallet-import:${accountId}`,
    max: deps.env.TESSERA_WALLET_IMPORTS_PER_MINUTE,
    windowMs: RATE_WINDOW_MS,
    message: 'Too many imports from this account. Try again in a minute.',
  });
}

/** Most credentials one wallet holds. */
export const MAX_WALLET_ITEMS = 500;

/** How a payload is stored: images as base64, text as text. */
export function encodePayload(bytes: Uint8Array): { payload: string; mediaType: string } {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return { payload: Buffer.from(bytes).toString('base64'), mediaType: 'image/png' };
  const text = Buffer.from(bytes).toString('utf8');
  const t = text.trimStart();
  const mediaType = /^(<\?xml|<svg|<!DOCTYPE svg)/i.test(t) ? 'image/svg+xml' : t.startsWith('{') ? 'application/json' : 'application/jwt';
  return { payload: text, mediaType };
}

/** The stored bytes of a payload. */
export function decodePayload(payload: string, mediaType: string): Uint8Array {
  return mediaType === 'image/png' ? new Uint8Array(Buffer.from(payload, 'base64')) : new TextEncoder().encode(payload);
}

/**
 * Import a credential into the learner's wallet: verify it now and keep the report. Input that is not a
 * credential at all is refused (nothing is stored); a credential that fails verification is kept with its verdict.
 */
export async function importCredential(
  deps: Deps,
  opts: { actor: Actor; source: 'upload' | 'url' | 'paste'; bytes?: Uint8Array; url?: string },
) {
  const existing = await listWalletItems(deps.db, opts.actor.accountId);
  if (existing.length >= MAX_WALLET_ITEMS)
    throw new AppError('conflict', `A wallet holds at most ${MAX_WALLET_ITEMS} imported credentials`);
  let report: Report;
  let bytes: Uint8Array;
  if (opts.url) {
    // A credential of ours named by URL follows the learner's visibility choice (private: 404 to others).
    await assertCredentialUrlViewable(deps, opts.url, opts.actor.accountId);
    report = await verifyInput(deps, { kind: 'url', url: opts.url });
    if (!report.credential)
      throw new AppError('validation_failed', 'That URL does not hold a credential', {
        errors: [{ path: 'url', message: report.steps[0]?.message ?? 'Not a credential' }],
      });
    bytes = new TextEncoder().encode(JSON.stringify(report.credential));
  } else {
    bytes = opts.bytes ?? new Uint8Array();
    if (bytes.length === 0 || bytes.length > LIMITS.verifyBodyBytes)
      throw new AppError('validation_failed', 'Give a credential of at most 11 MB', {
        errors: [{ path: opts.source === 'paste' ? 'text' : 'file', message: 'Empty or too large' }],
      });
    report = await verifyInput(deps, { kind: 'bytes', bytes });
    if (!report.credential)
      throw new AppError('validation_failed', `Not a credential: ${report.steps[0]?.message ?? 'unreadable'}`, {
        errors: [{ path: opts.source === 'paste' ? 'text' : 'file', message: 'Not a credential' }],
      });
  }
  const now = deps.clock.now();
  const { payload, mediaType } = encodePayload(bytes);
  const row = {
    id: deps.ids.id('wallet'),
    accountId: opts.actor.accountId,
    source: opts.source,
    sourceUrl: opts.url ?? null,
    payload,
    mediaType,
    ...claimedNames(report.credential),
    verdict: report.verdict,
    report: report as unknown as Record<string, unknown>,
    verifiedAt: now,
    createdAt: now,
  };
  await insertWalletItem(deps.db, row);
  if (row.verdict === 'valid') await schedulePathwayEvaluation(deps, { learnerId: row.accountId, reason: row.id });
  return presentWalletItem(row);
}

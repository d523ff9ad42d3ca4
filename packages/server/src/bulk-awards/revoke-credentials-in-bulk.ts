import type { BulkRevokeResult, BulkRevokeTarget } from '@tessera/shared';
import type { Actor, Deps } from '../context.js';
import { setBit } from '../credentials/index.js';
import { inTransaction } from '../db/tx.js';
import { notify } from '../notifications/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { MAX_BULK_REVOCATION, selectionOf } from './preview-bulk-revocation.js';
import { insertAuditEvents, lockStatusLists, markRevoked, saveBits, selectCredentials } from './store.js';

/** Credentials revoked per transaction: each batch locks its status lists briefly. */
const BATCH = 500;

/**
 * Revoke many credentials with one reason: from a list of ids or a filter, confirmed against the preview's count
 * (a selection that changed since the preview is refused). Each batch sets the status bits and marks the
 * credentials in one transaction; every credential gets its own `credential.revoked` audit event and its learner
 * is told, as with a single revocation. Credentials already revoked are left as they are.
 */
export async function revokeCredentialsInBulk(
  deps: Deps,
  opts: { org: OrgRow; actor: Actor; target: BulkRevokeTarget; reason: string; expectedCount: number },
): Promise<BulkRevokeResult> {
  const selection = await selectionOf(deps, opts.org, opts.target);
  const found = await selectCredentials(deps.db, opts.org.id, selection, MAX_BULK_REVOCATION + 1);
  if (found.length > MAX_BULK_REVOCATION)
    throw new AppError('validation_failed', `More than ${MAX_BULK_REVOCATION} credentials match: narrow the filter`);
  const live = found.filter((f) => !f.revokedAt);
  if (live.length !== opts.expectedCount)
    throw new AppError(
      'conflict',
      `The selection now matches ${live.length} credentials, not the ${opts.expectedCount} previewed: preview again`,
    );
  const known = new Set(found.map((f) => f.id));
  const unknown = 'ids' in selection ? selection.ids.filter((i) => !known.has(i)) : [];
  let revoked = 0;
  for (let i = 0; i < live.length; i += BATCH) {
    const batch = live.slice(i, i + BATCH);
    revoked += await inTransaction(deps, async (tx) => {
      const now = tx.clock.now();
      const lists = await lockStatusLists(tx.db, [...new Set(batch.map((c) => c.revocationListId))]);
      const changed = new Set(
        await markRevoked(
          tx.db,
          batch.map((c) => c.id),
          opts.reason,
          now,
        ),
      );
      for (const c of batch) {
        if (!changed.has(c.id)) continue;
        const bits = lists.get(c.revocationListId);
        if (bits === undefined) throw new AppError('internal', 'Status list missing');
        lists.set(c.revocationListId, setBit(bits, c.revocationIndex, true));
      }
      for (const [id, bits] of lists) await saveBits(tx.db, id, bits, now);
      const done = batch.filter((c) => changed.has(c.id));
      await insertAuditEvents(
        tx.db,
        done.map((c) => ({
          id: tx.ids.id('audit'),
          orgId: opts.org.id,
          actorId: opts.actor.accountId,
          action: 'credential.revoked',
          target: c.id,
          detail: { reason: opts.reason, bulk: true },
          ip: opts.actor.ip,
          at: now,
        })),
      );
      for (const c of done) {
        if (c.learnerId)
          await notify(tx, {
            accountId: c.learnerId,
            title: 'A credential was revoked',
            body: `${opts.org.name} revoked one of your credentials. Reason: ${opts.reason}`,
            link: '/app/me/credentials',
          });
      }
      return done.length;
    });
  }
  return { revoked, alreadyRevoked: found.length - live.length, unknown: unknown.slice(0, 100) };
}

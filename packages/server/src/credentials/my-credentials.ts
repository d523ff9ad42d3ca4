import { findAccountById } from '../accounts/store.js';
import { readContent } from '../achievements/content.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { listEvidence, setEvidencePublic } from '../submissions/store.js';
import { presentCredential } from './present.js';
import { findCredential, listCredentialRows, updateCredential } from './store.js';

type Row = Awaited<ReturnType<typeof listCredentialRows>>[number];

async function present(deps: Deps, r: Row, accountDefault: boolean) {
  const content = readContent(r.content);
  const items = r.c.submissionId ? await listEvidence(deps.db, r.c.submissionId) : [];
  return {
    ...presentCredential(r, deps.clock.now(), deps.env.TESSERA_BASE_URL),
    visibility: r.c.visibility,
    showName: r.c.showName ?? accountDefault,
    evidence: items.map(({ e }) => ({ requirementId: e.requirementId, name: content.evidenceRequirements.find((q) => q.id === e.requirementId)?.prompt.slice(0, 200) ?? e.requirementId, public: e.isPublic })),
  };
}

/** The learner's credentials with their sharing settings, newest first. */
export async function listMyCredentials(deps: Deps, opts: { accountId: string }) {
  const account = await findAccountById(deps.db, opts.accountId);
  const rows = await listCredentialRows(deps.db, { learnerId: opts.accountId });
  return Promise.all(rows.map((r) => present(deps, r, account?.showNameOnCredentials ?? true)));
}

/** Change who sees a credential's public page, whether the name shows, and which evidence is public. Only its learner may. */
export async function updateCredentialSharing(
  deps: Deps,
  opts: { actor: Actor; credentialId: string; visibility?: 'public' | 'unlisted' | 'private' | undefined; showName?: boolean | undefined; evidence?: Array<{ requirementId: string; public: boolean }> | undefined },
) {
  await inTransaction(deps, async (tx) => {
    const c = await findCredential(tx.db, opts.credentialId);
    // Someone else's credential is reported as missing, not as forbidden, so ids cannot be probed.
    if (!c || c.learnerId !== opts.actor.accountId) throw new AppError('not_found', 'No such credential');
    const patch: { visibility?: 'public' | 'unlisted' | 'private'; showName?: boolean } = {};
    if (opts.visibility !== undefined) patch.visibility = opts.visibility;
    if (opts.showName !== undefined) patch.showName = opts.showName;
    if (Object.keys(patch).length) await updateCredential(tx.db, c.id, patch);
    for (const [i, e] of (opts.evidence ?? []).entries()) {
      if (!c.submissionId || !(await setEvidencePublic(tx.db, c.submissionId, e.requirementId, e.public))) {
        throw new AppError('validation_failed', 'No such evidence item in this credential', { errors: [{ path: `evidence.${i}.requirementId`, message: 'Unknown evidence item' }] });
      }
    }
    await recordAudit(tx, { action: 'credential.sharing_changed', orgId: c.orgId, actorId: opts.actor.accountId, target: c.id, detail: { visibility: opts.visibility ?? null, showName: opts.showName ?? null, evidence: opts.evidence ?? [] }, ip: opts.actor.ip });
  });
  const all = await listMyCredentials(deps, { accountId: opts.actor.accountId });
  const updated = all.find((x) => x.id === opts.credentialId);
  if (!updated) throw new AppError('not_found', 'No such credential');
  return updated;
}

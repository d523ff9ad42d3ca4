import { findAccountById } from '../accounts/index.js';
import { readContent } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { listEvidence, setEvidencePublic } from '../submissions/index.js';
import { presentCredential } from './present.js';
import { reissueCredential } from './reissue-credential.js';
import { findCredential, listCredentialRows, updateCredential } from './store.js';

type Row = Awaited<ReturnType<typeof listCredentialRows>>[number];
type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** What a signed credential reveals about its learner and evidence, read from the document itself (never from settings). */
export function signedContents(document: Json) {
  const subject = rec(list(document['credentialSubject'])[0]);
  const ids = list(subject['identifier']).map(rec);
  const plainName = ids.find((i) => i['identityType'] === 'name' && i['hashed'] === false);
  return {
    name: typeof plainName?.['identityHash'] === 'string' ? plainName['identityHash'] : null,
    emailHashed: ids.some((i) => i['identityType'] === 'emailAddress' && i['hashed'] === true),
    did: typeof subject['id'] === 'string' ? subject['id'] : null,
    evidence: list(document['evidence'])
      .map(rec)
      .map((e) => ({
        name: typeof e['name'] === 'string' ? e['name'] : 'Evidence',
        url: typeof e['id'] === 'string' ? e['id'] : null,
        digest: typeof e['digestSRI'] === 'string' || typeof e['digestMultibase'] === 'string',
        text: typeof e['narrative'] === 'string' && e['narrative'] !== '',
      })),
  };
}

async function present(deps: Deps, r: Row, accountDefault: boolean) {
  const content = readContent(r.content);
  const items = r.c.submissionId ? await listEvidence(deps.db, r.c.submissionId) : [];
  const summary = presentCredential(r, deps.clock.now(), deps.env.TESSERA_BASE_URL);
  return {
    ...summary,
    visibility: r.c.visibility,
    showName: r.c.showName ?? accountDefault,
    evidence: items.map(({ e }) => ({
      requirementId: e.requirementId,
      name: content.evidenceRequirements.find((q) => q.id === e.requirementId)?.prompt.slice(0, 200) ?? e.requirementId,
      public: e.isPublic,
    })),
    signed: signedContents(r.c.document),
    reissuable: summary.status === 'active' && r.c.submissionId !== null && r.c.replacedBy === null,
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
  opts: {
    actor: Actor;
    credentialId: string;
    visibility?: 'public' | 'unlisted' | 'private' | undefined;
    showName?: boolean | undefined;
    evidence?: Array<{ requirementId: string; public: boolean }> | undefined;
  },
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
        throw new AppError('validation_failed', 'No such evidence item in this credential', {
          errors: [{ path: `evidence.${i}.requirementId`, message: 'Unknown evidence item' }],
        });
      }
    }
    await recordAudit(tx, {
      action: 'credential.sharing_changed',
      orgId: c.orgId,
      actorId: opts.actor.accountId,
      target: c.id,
      detail: { visibility: opts.visibility ?? null, showName: opts.showName ?? null, evidence: opts.evidence ?? [] },
      ip: opts.actor.ip,
    });
  });
  const all = await listMyCredentials(deps, { accountId: opts.actor.accountId });
  const updated = all.find((x) => x.id === opts.credentialId);
  if (!updated) throw new AppError('not_found', 'No such credential');
  return updated;
}

/** Re-issue one of the learner's credentials with their current sharing choices, and present the new one. */
export async function reissueMyCredential(deps: Deps, opts: { actor: Actor; credentialId: string }) {
  const { id, replacedId } = await reissueCredential(deps, opts);
  const credential = (await listMyCredentials(deps, { accountId: opts.actor.accountId })).find((x) => x.id === id);
  if (!credential) throw new AppError('not_found', 'No such credential');
  return { credential, replacedId };
}

import type { Deps } from '../context.js';
import { canViewEvidence } from '../credentials/index.js';
import { findCredentialByKey } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { listEvidence } from '../submissions/index.js';

/** What an evidence URL in a credential serves: text (a written response or a submitted link) or a stored file. */
export type EvidenceContent = { kind: 'text'; text: string } | { kind: 'file'; fileId: string };

/**
 * One evidence item a credential references, if the viewer may see it (the learner's evidence visibility:
 * public items to anyone who may see the credential; private ones to the learner and the issuing
 * organisation's owners and assessors). Otherwise not_found. What is served is what the credential's digest covers.
 */
export async function getCredentialEvidence(
  deps: Deps,
  opts: { key: string; requirementId: string; viewerId: string | null },
): Promise<EvidenceContent> {
  const row = await findCredentialByKey(deps, opts.key);
  const item = row.submissionId
    ? (await listEvidence(deps.db, row.submissionId)).find(({ e }) => e.requirementId === opts.requirementId)
    : undefined;
  if (!item || !(await canViewEvidence(deps, row, item.e, opts.viewerId))) throw new AppError('not_found', 'No such evidence');
  if (item.f) return { kind: 'file', fileId: item.f.id };
  if (item.e.kind === 'text' && item.e.text !== null) return { kind: 'text', text: item.e.text };
  if (item.e.url !== null) return { kind: 'text', text: item.e.url };
  throw new AppError('not_found', 'No such evidence');
}

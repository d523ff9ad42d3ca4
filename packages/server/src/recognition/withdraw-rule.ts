import type { RecognitionRule } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { presentRule } from './present.js';
import { revokeStatement } from './status-entry.js';
import { findRule, updateRule } from './store.js';

/** Withdraw a published rule (owners), with a reason: it leaves public pages, its URL answers 410 and its status bit is set. */
export async function withdrawRule(
  deps: Deps,
  opts: { actor: Actor; slug: string; ruleId: string; reason: string },
): Promise<RecognitionRule> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'rules.publish');
  await inTransaction(deps, async (tx) => {
    const view = await findRule(tx.db, opts.ruleId);
    if (!view || view.rule.orgId !== org.id) throw new AppError('not_found', 'No such rule in this organisation');
    if (view.rule.status === 'withdrawn') throw new AppError('conflict', 'This rule is already withdrawn');
    const now = tx.clock.now();
    // A verifier holding a copy of the signed statement learns it no longer stands from the status list.
    await revokeStatement(tx, org, view.rule.credential);
    await updateRule(tx.db, opts.ruleId, { status: 'withdrawn', withdrawnAt: now, withdrawnReason: opts.reason, updatedAt: now });
    await recordAudit(tx, {
      action: 'recognition.rule_withdrawn',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: opts.ruleId,
      detail: { reason: opts.reason, wasPublished: view.rule.status === 'published' },
      ip: opts.actor.ip,
    });
  });
  const saved = await findRule(deps.db, opts.ruleId);
  if (!saved) throw new AppError('internal', 'The rule disappeared');
  return presentRule(saved, deps.env.TESSERA_BASE_URL);
}

import type { RecognitionRule } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { scheduleRecognisingEvaluation } from '../pathways/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { achievementPageUrl, presentRule, ruleCredentialUrl, ruleStatement } from './present.js';
import { signEndorsement } from './sign-endorsement.js';
import { allocateStatusSlot } from './status-entry.js';
import { findAchievementRef, findRule, updateRule } from './store.js';

/**
 * Publish a draft rule (owners): the recognising organisation signs an OB 3.0 EndorsementCredential about the
 * achievement, with the rule in words as `endorsementComment` and its structured fields as `ext:` terms.
 * The credential is served at the rule's public URL, which is also its id.
 */
export async function publishRule(deps: Deps, opts: { actor: Actor; slug: string; ruleId: string }): Promise<RecognitionRule> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'rules.publish');
  const base = deps.env.TESSERA_BASE_URL;
  await inTransaction(deps, async (tx) => {
    const view = await findRule(tx.db, opts.ruleId);
    if (!view || view.rule.orgId !== org.id) throw new AppError('not_found', 'No such rule in this organisation');
    const r = view.rule;
    if (r.status !== 'draft') throw new AppError('conflict', `This rule is already ${r.status}`);
    const achievement = await findAchievementRef(tx.db, r.achievementId);
    if (!achievement || achievement.status !== 'published')
      throw new AppError('validation_failed', 'The achievement is no longer published', {
        errors: [{ path: 'achievementId', message: 'Only a published achievement can be recognised' }],
      });
    const statement = ruleStatement(r, org.name);
    const id = ruleCredentialUrl(base, r.id);
    const credential = await signEndorsement(tx, org, {
      id,
      name: `${org.name} recognises ${achievement.name}`,
      subjectId: achievementPageUrl(base, r.achievementId),
      comment: `${statement}. ${r.rationale}`,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      extension: {
        recognitionKind: r.kind,
        amount: r.amount,
        unit: r.unit,
        target: r.target,
        achievementIssuer: achievement.orgName,
      },
      status: await allocateStatusSlot(tx, org),
    });
    const now = tx.clock.now();
    await updateRule(tx.db, r.id, { status: 'published', credential, credentialId: id, publishedAt: now, updatedAt: now });
    await recordAudit(tx, {
      action: 'recognition.rule_published',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: r.id,
      detail: { achievementId: r.achievementId, statement },
      ip: opts.actor.ip,
    });
    // Holders of the achievement may now complete one of our pathways: checked by a job committed with the rule.
    await scheduleRecognisingEvaluation(tx, { orgId: org.id, achievementId: r.achievementId, ruleId: r.id });
  });
  const saved = await findRule(deps.db, opts.ruleId);
  if (!saved) throw new AppError('internal', 'The rule disappeared');
  return presentRule(saved, base);
}

import { RecognitionRuleInput } from '@tessera/shared';
import type { RecognitionRule } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findOrgWithRole, loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { FieldError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { presentRule } from './present.js';
import { findAchievementRef, findOverlappingRule, findRule, insertRule, updateRule } from './store.js';

/**
 * Create a draft recognition rule (no `ruleId`) or edit a draft. The achievement must be a published one (any
 * organisation's, or the recognising organisation's own); the reviewer must be a member; the dates must not
 * overlap another live rule of this organisation for the same achievement. Refusals name the field.
 */
export async function saveRule(
  deps: Deps,
  opts: { actor: Actor; slug: string; ruleId?: string; input: z.input<typeof RecognitionRuleInput> },
): Promise<RecognitionRule> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'rules.edit');
  const input = RecognitionRuleInput.parse(opts.input);
  const existing = opts.ruleId ? await findRule(deps.db, opts.ruleId) : undefined;
  if (opts.ruleId && (!existing || existing.rule.orgId !== org.id)) throw new AppError('not_found', 'No such rule in this organisation');
  if (existing && existing.rule.status !== 'draft')
    throw new AppError('conflict', 'Only a draft rule can be edited; withdraw it and write a new one');
  const errors: FieldError[] = [];
  const achievement = await findAchievementRef(deps.db, input.achievementId);
  if (!achievement) errors.push({ path: 'achievementId', message: 'No such achievement' });
  else if (achievement.status !== 'published')
    errors.push({
      path: 'achievementId',
      message: achievement.status === 'retired' ? 'This achievement is retired' : 'Only a published achievement can be recognised',
    });
  if (input.reviewerId && !(await findOrgWithRole(deps.db, org.slug, input.reviewerId)))
    errors.push({ path: 'reviewerId', message: 'The reviewer must be a member of this organisation' });
  const from = new Date(input.validFrom);
  const until = input.validUntil ? new Date(input.validUntil) : null;
  if (achievement) {
    const overlap = await findOverlappingRule(deps.db, {
      orgId: org.id,
      achievementId: achievement.id,
      from,
      until,
      exceptId: existing?.rule.id ?? null,
    });
    if (overlap)
      errors.push({
        path: 'validFrom',
        message: `The dates overlap another rule for this achievement (${overlap.id}, from ${overlap.validFrom.toISOString().slice(0, 10)}${overlap.validUntil ? ` until ${overlap.validUntil.toISOString().slice(0, 10)}` : ''})`,
      });
  }
  if (errors.length) throw new AppError('validation_failed', 'The rule cannot be saved', { errors });
  const now = deps.clock.now();
  const id = existing?.rule.id ?? deps.ids.id('recognitionRule');
  const fields = {
    achievementId: input.achievementId,
    kind: input.kind,
    amount: input.kind === 'satisfies' ? null : input.amount,
    unit: input.unit,
    target: input.target,
    validFrom: from,
    validUntil: until,
    reviewerId: input.reviewerId,
    rationale: input.rationale,
    updatedAt: now,
  };
  await inTransaction(deps, async (tx) => {
    if (existing) await updateRule(tx.db, id, fields);
    else
      await insertRule(tx.db, {
        id,
        orgId: org.id,
        ...fields,
        status: 'draft',
        credential: null,
        credentialId: null,
        publishedAt: null,
        withdrawnAt: null,
        withdrawnReason: null,
        createdBy: opts.actor.accountId,
        createdAt: now,
      });
    await recordAudit(tx, {
      action: 'recognition.rule_saved',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { achievementId: input.achievementId, kind: input.kind, created: !existing },
      ip: opts.actor.ip,
    });
  });
  const saved = await findRule(deps.db, id);
  if (!saved) throw new AppError('internal', 'The rule was not saved');
  return presentRule(saved, deps.env.TESSERA_BASE_URL);
}

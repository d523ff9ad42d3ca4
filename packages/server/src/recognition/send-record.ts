import { RecognitionRecordInput } from '@tessera/shared';
import type { RecognitionRecord } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findOrgBySlug } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { FieldError } from '../shared/errors.js';
import { notifyOwners } from './notify-owners.js';
import { verdictOf } from './verdict-of.js';
import { presentRecord } from './list-records.js';
import type { RecordRow } from './store.js';
import { findCredentialRef, findRecord, insertRecord, listActiveRules, listLearnerCredentials } from './store.js';

/**
 * A learner sends a record of credentials that count to a recognising organisation. Each credential must be the
 * learner's own and count there under a rule in force today; each is verified now, and the verdict is kept.
 */
export async function sendRecord(
  deps: Deps,
  opts: { actor: Actor; input: z.input<typeof RecognitionRecordInput> },
): Promise<RecognitionRecord> {
  const input = RecognitionRecordInput.parse(opts.input);
  const org = await findOrgBySlug(deps.db, input.orgSlug);
  if (!org)
    throw new AppError('validation_failed', 'No such organisation', {
      errors: [{ path: 'orgSlug', message: 'No such organisation' }],
    });
  const ids = [...new Set(input.credentialIds)];
  const mine = new Map((await listLearnerCredentials(deps.db, opts.actor.accountId)).map((c) => [c.id, c]));
  const rules = await listActiveRules(
    deps.db,
    [...mine.values()].map((c) => c.achievementId),
    deps.clock.now(),
  );
  const errors: FieldError[] = [];
  const picked: Array<{ id: string; achievementName: string; ruleId: string }> = [];
  for (const [i, id] of ids.entries()) {
    const c = mine.get(id);
    if (!c) {
      const other = await findCredentialRef(deps.db, id);
      errors.push({ path: `credentialIds.${i}`, message: other ? 'Not one of your credentials' : 'No such credential' });
      continue;
    }
    if (c.revokedAt) {
      errors.push({ path: `credentialIds.${i}`, message: 'This credential is revoked' });
      continue;
    }
    const rule = rules.find((r) => r.rule.achievementId === c.achievementId && r.rule.orgId === org.id);
    if (!rule) errors.push({ path: `credentialIds.${i}`, message: `This credential does not count at ${org.name}` });
    else picked.push({ id, achievementName: c.name, ruleId: rule.rule.id });
  }
  if (errors.length) throw new AppError('validation_failed', 'Some credentials cannot be sent', { errors });
  const checkedAt = deps.clock.now().toISOString();
  const items: RecordRow['items'] = [];
  for (const p of picked) {
    const verdict = await verdictOf(deps, p.id);
    items.push({ credentialId: p.id, ruleId: p.ruleId, achievementName: p.achievementName, verdict, sentVerdict: verdict, checkedAt });
  }
  const id = deps.ids.id('recognitionRecord');
  await inTransaction(deps, async (tx) => {
    await insertRecord(tx.db, {
      id,
      orgId: org.id,
      accountId: opts.actor.accountId,
      message: input.message,
      items,
      createdAt: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'recognition.record_sent',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { credentials: items.length, verdicts: items.map((x) => x.verdict) },
      ip: opts.actor.ip,
    });
    await notifyOwners(tx, org.id, {
      title: 'A learner sent a record of credentials that count',
      body: `${items.length === 1 ? 'One credential' : `${items.length} credentials`}, each verified when sent.`,
      link: `/orgs/${org.slug}/recognition`,
    });
  });
  const row = await findRecord(deps.db, id);
  if (!row) throw new AppError('internal', 'The record was not saved');
  return presentRecord(deps, row);
}

import type { RecognitionRecord } from '@tessera/shared';
import type { Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { ruleStatement } from './present.js';
import { findRecord, findRule, listRecords, updateRecordItems } from './store.js';
import { verdictOf } from './verdict-of.js';

type RecordView = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** A record with each credential's rule in words. */
export async function presentRecord(deps: Deps, r: RecordView): Promise<RecognitionRecord> {
  const statements = new Map<string, string>();
  for (const item of r.record.items) {
    if (statements.has(item.ruleId)) continue;
    const rule = await findRule(deps.db, item.ruleId);
    statements.set(item.ruleId, rule ? ruleStatement(rule.rule, rule.org.name) : 'A rule that no longer exists');
  }
  return {
    id: r.record.id,
    org: { slug: r.orgSlug, name: r.orgName },
    learner: { id: r.record.accountId, name: r.learnerName, email: r.learnerEmail },
    message: r.record.message,
    createdAt: r.record.createdAt.toISOString(),
    items: r.record.items.map((i) => ({
      credentialId: i.credentialId,
      credentialUrl: i.credentialId,
      achievementName: i.achievementName,
      ruleId: i.ruleId,
      statement: statements.get(i.ruleId) ?? '',
      sentVerdict: i.sentVerdict,
      verdict: i.verdict,
      checkedAt: i.checkedAt,
    })),
  };
}

/** Records learners sent to an organisation (members), newest first. */
export async function listOrgRecords(deps: Deps, opts: { accountId: string; slug: string }): Promise<RecognitionRecord[]> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'org.read' });
  authorizeRecognition(role, 'records.read');
  const rows = await listRecords(deps.db, { orgId: org.id });
  return Promise.all(rows.map((r) => presentRecord(deps, r)));
}

/** Records the learner sent, newest first. */
export async function listMyRecords(deps: Deps, opts: { accountId: string }): Promise<RecognitionRecord[]> {
  const rows = await listRecords(deps.db, { accountId: opts.accountId });
  return Promise.all(rows.map((r) => presentRecord(deps, r)));
}

/** Verify every credential of a received record again (members of the receiving organisation); the send-time verdict stays. */
export async function reverifyRecord(deps: Deps, opts: { accountId: string; slug: string; recordId: string }): Promise<RecognitionRecord> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'org.read' });
  authorizeRecognition(role, 'records.read');
  const row = await findRecord(deps.db, opts.recordId);
  if (!row || row.record.orgId !== org.id) throw new AppError('not_found', 'No such record for this organisation');
  const checkedAt = deps.clock.now().toISOString();
  const items: typeof row.record.items = [];
  for (const item of row.record.items) items.push({ ...item, verdict: await verdictOf(deps, item.credentialId), checkedAt });
  await updateRecordItems(deps.db, row.record.id, items);
  const fresh = await findRecord(deps.db, row.record.id);
  if (!fresh) throw new AppError('internal', 'The record disappeared');
  return presentRecord(deps, fresh);
}

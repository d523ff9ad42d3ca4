import { createHash } from 'node:crypto';
import type { DirectAwardInput } from '@tessera/shared';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { FieldError } from '../shared/errors.js';
import { issueAward } from './issue-award.js';
import { presentAward } from './present.js';
import { claimIdempotentRequest, saveIdempotentResponse } from './store.js';
import { awardableVersion, detailProblems, resolveRecipient } from './validate-award.js';

/** Options of a direct award (web or API). */
export interface AwardDirectlyOptions {
  org: OrgRow;
  /** The member who awards (null for an API token). */
  actorId: string | null;
  ip: string | null;
  source: 'direct' | 'api';
  /** The API token's id, for API awards. */
  sourceRef: string | null;
  input: DirectAwardInput;
  /** The request's Idempotency-Key header: a replay returns the first response. */
  idempotencyKey: string | null;
}

/** The award date of an input day (midnight UTC). */
function dayOf(v: string | undefined): Date | null {
  return v ? new Date(`${v}T00:00:00Z`) : null;
}

/**
 * Award a published achievement to up to 100 recipients in one transaction (all or none), or preview it
 * (`dryRun`, nothing written). With an Idempotency-Key the first response is stored and replayed for the same
 * key and body; the same key with another body is a conflict. Each recipient's award key derives from the
 * request key and its position, so even without the stored response no award is made twice.
 */
export async function awardDirectly(deps: Deps, opts: AwardDirectlyOptions): Promise<{ status: 200 | 201; body: Record<string, unknown> }> {
  const { input } = opts;
  const now = deps.clock.now();
  const target = await awardableVersion(deps, { orgId: opts.org.id, achievementId: input.achievementId });
  if (!target)
    throw new AppError('validation_failed', 'This achievement cannot be awarded', {
      errors: [{ path: 'achievementId', message: 'Not a published achievement of this organisation' }],
    });
  const details = {
    results: input.results,
    issuedOn: dayOf(input.issuedOn),
    evidenceUrl: input.evidenceUrl ?? null,
    narrative: input.narrative ?? null,
  };
  const detailErrors = detailProblems(target.content, details, now);
  const recipients = await Promise.all(input.recipients.map((r, i) => resolveRecipient(deps, opts.org.id, r, `recipients.${i}`)));
  const seen = new Map<string, number>();
  const dupes: FieldError[] = [];
  recipients.forEach((r, i) => {
    if (!r.ok) return;
    const who = r.accountId ?? r.email ?? '';
    const first = seen.get(who);
    if (first !== undefined) dupes.push({ path: `recipients.${i}`, message: `The same recipient as recipients.${first}` });
    else seen.set(who, i);
  });

  if (input.dryRun) {
    return {
      status: 200,
      body: {
        dryRun: true,
        achievement: { id: target.achievement.id, name: target.content.name, version: target.version.version },
        items: input.recipients.map((r, i) => {
          const got = recipients[i];
          const errors = [...(got && !got.ok ? [got.error] : []), ...dupes.filter((d) => d.path === `recipients.${i}`), ...detailErrors];
          return {
            index: i,
            recipientName: got?.ok ? got.name : 'name' in r ? r.name : '',
            recipientEmail: got?.ok ? got.email : 'email' in r ? r.email : null,
            ok: errors.length === 0,
            errors,
          };
        }),
        // What the signed credential will say, besides the recipient (an unclaimed address is a salted hash).
        credentialPreview: {
          name: target.content.name,
          achievementType: target.content.achievementType,
          awardedDate: details.issuedOn?.toISOString() ?? null,
          evidence: details.evidenceUrl || details.narrative ? [{ id: details.evidenceUrl, narrative: details.narrative }] : [],
          results: input.results ?? [],
          recipientIdentity: 'A salted SHA-256 hash of the recipient’s email (their name is added only if they allow it later)',
        },
      },
    };
  }
  const errors = [...recipients.flatMap((r) => (r.ok ? [] : [r.error])), ...dupes, ...detailErrors];
  if (errors.length) throw new AppError('validation_failed', 'Some recipients or details are not valid', { errors });

  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return inTransaction(deps, async (tx) => {
    if (opts.idempotencyKey) {
      const held = await claimIdempotentRequest(tx.db, { orgId: opts.org.id, key: opts.idempotencyKey, requestHash, createdAt: now });
      if (!held.held) {
        if (!held.existing || held.existing.requestHash !== requestHash)
          throw new AppError('conflict', 'This Idempotency-Key was already used with a different request; use a new key');
        if (held.existing.status === null || !held.existing.body)
          throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
        return { status: held.existing.status === 200 ? 200 : 201, body: held.existing.body };
      }
    }
    const items = [];
    for (const [i, r] of input.recipients.entries()) {
      const res = await issueAward(tx, {
        orgId: opts.org.id,
        achievementId: target.achievement.id,
        versionId: target.version.id,
        recipient: r,
        source: opts.source,
        sourceRef: opts.sourceRef,
        idempotencyKey: opts.idempotencyKey ? `${opts.source}:${opts.idempotencyKey}:${i}` : `${opts.source}:${tx.ids.uuid()}`,
        ...(input.results ? { results: input.results } : {}),
        narrative: details.narrative,
        evidenceUrl: details.evidenceUrl,
        issuedOn: details.issuedOn,
        createdBy: opts.actorId,
        ip: opts.ip,
        ...(opts.source === 'api' ? { auditDetail: { apiTokenId: opts.sourceRef } } : {}),
      });
      const credentialId = res.credential?.id ?? null;
      items.push({
        award: presentAward(
          { award: res.award, content: target.version.content, version: target.version.version, credentialId },
          tx.env.TESSERA_BASE_URL,
        ),
        credentialId,
        created: res.created,
      });
    }
    const body = { items };
    if (opts.idempotencyKey) await saveIdempotentResponse(tx.db, opts.org.id, opts.idempotencyKey, 201, body);
    return { status: 201 as const, body };
  });
}

import { httpUrlProblem, LIMITS } from '@tessera/shared';
import { readContent } from '../achievements/index.js';
import type { Content } from '../achievements/index.js';
import type { Deps } from '../context.js';
import type { FieldError } from '../shared/errors.js';
import { findAccountName, findPublishedAchievement, isRelatedAccount } from './store.js';

/** A recipient: an account (a member or past learner of the organisation), or an email not yet claimed. */
export type AwardRecipient = { accountId: string } | { email: string; name: string };

/** A criterion's level in an award's results. */
export interface AwardResult {
  criterionId: string;
  levelId: string;
}

/** The achievement version an award is made on, when the achievement can be awarded. */
export async function awardableVersion(
  deps: Pick<Deps, 'db'>,
  opts: { orgId: string; achievementId: string; versionId?: string | undefined },
) {
  const found = await findPublishedAchievement(deps.db, opts.orgId, opts.achievementId);
  if (!found || found.achievement.status !== 'published' || !found.version) return null;
  if (opts.versionId && opts.versionId !== found.version.id) return null;
  return { achievement: found.achievement, version: found.version, content: readContent(found.version.content) };
}

/** A recipient made ready to store: the email trimmed and lower-cased, an account's name looked up. */
export async function resolveRecipient(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  r: AwardRecipient,
  path: string,
): Promise<{ ok: true; accountId: string | null; email: string | null; name: string } | { ok: false; error: FieldError }> {
  if ('accountId' in r) {
    const name = (await isRelatedAccount(deps.db, orgId, r.accountId)) ? await findAccountName(deps.db, r.accountId) : undefined;
    // An account outside the organisation is reported like a missing one: account ids cannot be probed.
    if (name === undefined)
      return {
        ok: false,
        error: { path: `${path}.accountId`, message: 'Not a member or past learner of this organisation; award by email instead' },
      };
    return { ok: true, accountId: r.accountId, email: null, name };
  }
  const email = r.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254)
    return { ok: false, error: { path: `${path}.email`, message: 'Enter a valid email address' } };
  const name = r.name.trim();
  if (!name || name.length > 200) return { ok: false, error: { path: `${path}.name`, message: 'Enter the recipient’s name' } };
  return { ok: true, accountId: null, email, name };
}

/** Problems with an award's details: results against the rubric, the award date, the evidence link. */
export function detailProblems(
  content: Content,
  d: {
    results?: AwardResult[] | undefined;
    issuedOn?: Date | null | undefined;
    evidenceUrl?: string | null | undefined;
    narrative?: string | null | undefined;
  },
  now: Date,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, r] of (d.results ?? []).entries()) {
    const criterion = content.rubric.criteria.find((c) => c.id === r.criterionId);
    if (!criterion) errors.push({ path: `results.${i}.criterionId`, message: 'Not a criterion of this achievement’s rubric' });
    else if (!criterion.levels.some((l) => l.id === r.levelId))
      errors.push({ path: `results.${i}.levelId`, message: `Not a level of “${criterion.name}”` });
    if (seen.has(r.criterionId)) errors.push({ path: `results.${i}.criterionId`, message: 'This criterion is already listed' });
    seen.add(r.criterionId);
  }
  if (d.issuedOn) {
    const endOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    if (Number.isNaN(d.issuedOn.getTime())) errors.push({ path: 'issuedOn', message: 'Not a date' });
    else if (d.issuedOn.getTime() >= endOfToday) errors.push({ path: 'issuedOn', message: 'An award date cannot be in the future' });
  }
  if (d.evidenceUrl) {
    const problem = httpUrlProblem(d.evidenceUrl);
    if (problem) errors.push({ path: 'evidenceUrl', message: problem });
  }
  if (d.narrative && d.narrative.length > LIMITS.awardNarrativeMaxLength)
    errors.push({ path: 'narrative', message: `Use at most ${LIMITS.awardNarrativeMaxLength} characters` });
  return errors;
}

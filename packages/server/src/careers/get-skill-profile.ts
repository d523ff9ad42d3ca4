import type { SkillProfile } from '@tessera/shared';
import { findAccountById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { buildSkillProfile } from './build-skill-profile.js';
import { isProfilePublic, setProfilePublic } from './store.js';

const publicUrl = (deps: Deps, accountId: string) => `${deps.env.TESSERA_BASE_URL}/app/people/${accountId}/skills`;

/** The learner's own skill profile with its sharing setting. */
export async function getSkillProfile(deps: Deps, opts: { accountId: string }): Promise<SkillProfile> {
  const [built, isPublic] = await Promise.all([buildSkillProfile(deps, opts), isProfilePublic(deps.db, opts.accountId)]);
  return {
    skills: built.skills,
    public: isPublic,
    publicUrl: publicUrl(deps, opts.accountId),
    exportUrl: `${deps.env.TESSERA_BASE_URL}/api/v1/me/skills/export`,
  };
}

/** Turn the learner's public skills page on or off (audited). */
export async function setSkillProfileVisibility(deps: Deps, opts: { actor: Actor; public: boolean }): Promise<SkillProfile> {
  await setProfilePublic(deps.db, opts.actor.accountId, opts.public, deps.clock.now());
  await recordAudit(deps, {
    action: 'skill_profile.visibility_changed',
    actorId: opts.actor.accountId,
    target: opts.actor.accountId,
    detail: { public: opts.public },
    ip: opts.actor.ip,
  });
  return getSkillProfile(deps, { accountId: opts.actor.accountId });
}

/** A learner's public skills page data; 404 unless the learner opted in. */
export async function getPublicSkillProfile(deps: Deps, opts: { accountId: string }) {
  const account = await findAccountById(deps.db, opts.accountId);
  if (!account || !(await isProfilePublic(deps.db, opts.accountId))) throw new AppError('not_found', 'No public skills page here');
  const built = await buildSkillProfile(deps, { accountId: opts.accountId, publicOnly: true });
  return { name: account.name, skills: built.skills };
}

/**
 * The learner's skill profile as machine-readable JSON: each skill by its framework URL, its best rubric level, and
 * the verifiable credentials behind it (their URLs).
 */
export async function exportSkillProfile(deps: Deps, opts: { accountId: string }) {
  const built = await buildSkillProfile(deps, opts);
  return {
    type: 'SkillProfile',
    version: 1,
    subject: `${deps.env.TESSERA_BASE_URL}/people/${opts.accountId}`,
    generatedAt: deps.clock.now().toISOString(),
    note: 'Built only from credentials that verify: earned credentials that are not revoked, suspended or expired, and imported credentials whose last verification was valid.',
    skills: built.skills.map((s) => ({
      id: s.url,
      name: s.name,
      code: s.code,
      framework: s.framework,
      level: s.level,
      evidence: s.evidence.map((e) => ({
        type: e.kind === 'earned' ? 'EarnedCredential' : 'ImportedCredential',
        credential: e.url,
        name: e.name,
        issuer: e.issuerName,
        issuedAt: e.issuedAt,
        level: e.level,
      })),
    })),
  };
}

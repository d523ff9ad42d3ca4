import type { ProfileSkill, SkillEvidence, SkillRef } from '@tessera/shared';
import { readContent } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { credentialKey, credentialPageUrl } from '../credentials/index.js';
import type { SkillWithFramework } from '../skills/index.js';
import { matchSkillByUrlOrCode, skillsOfAchievementVersions, skillUrl } from '../skills/index.js';
import type { SkillClaim } from './assemble-profile.js';
import { assembleProfile, levelOf } from './assemble-profile.js';
import { readAlignments } from './read-alignments.js';
import { listValidImports, listVerifiedEarned } from './store.js';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** A verified earned credential as the recommender reads it: what it is, when, and which criteria only just passed. */
export interface EarnedRecord {
  credentialId: string;
  achievementId: string;
  name: string;
  issuedAt: Date;
  /** Rubric criteria passed exactly at the required level, with the skills aligned to each. */
  justPassed: Array<{ criterionName: string; skills: string[] }>;
}

/** A learner's verified skills, and the earned records behind them. */
export interface BuiltProfile {
  skills: ProfileSkill[];
  earned: EarnedRecord[];
}

function ref(deps: Deps, s: SkillWithFramework): SkillRef {
  return { url: skillUrl(deps.env.TESSERA_BASE_URL, s), name: s.name, code: s.code, framework: s.framework.title };
}

/**
 * Build a learner's skill profile from verified credentials only: earned credentials that are current (not revoked,
 * suspended, expired or replaced), through their version's skill alignments and rubric results; and imported
 * credentials whose last verification was valid, through the alignments they state, matched to known framework
 * skills by URL or code. Anything else contributes nothing. `publicOnly` leaves out earned credentials marked private.
 */
export async function buildSkillProfile(deps: Deps, opts: { accountId: string; publicOnly?: boolean }): Promise<BuiltProfile> {
  const base = deps.env.TESSERA_BASE_URL;
  const claims: SkillClaim[] = [];
  const earned: EarnedRecord[] = [];
  // The public skills page leaves out credentials the learner keeps private (their own pages are 404 to others).
  const [earnedRows, imports] = await Promise.all([
    listVerifiedEarned(deps.db, opts.accountId, deps.clock.now()),
    listValidImports(deps.db, opts.accountId),
  ]);
  const rows = earnedRows.filter((c) => !opts.publicOnly || c.visibility !== 'private');
  const alignments = await skillsOfAchievementVersions(
    deps.db,
    rows.map((c) => c.versionId),
  );
  for (const c of rows) {
    const content = readContent(c.content);
    const aligned = alignments.get(c.versionId) ?? { achievement: [], criteria: {} };
    const evidence: SkillEvidence = {
      kind: 'earned',
      credentialId: c.id,
      name: content.name,
      issuerName: c.orgName,
      url: credentialPageUrl(base, encodeURIComponent(credentialKey(base, c.id))),
      issuedAt: c.issuedAt.toISOString(),
      level: null,
    };
    for (const s of aligned.achievement) claims.push({ skill: ref(deps, s), evidence });
    const justPassed: EarnedRecord['justPassed'] = [];
    for (const criterion of content.rubric.criteria) {
      const levelId = (c.results ?? []).find((r) => r.criterionId === criterion.id)?.levelId;
      const i = criterion.levels.findIndex((l) => l.id === levelId);
      const level = i >= 0 ? levelOf(criterion.levels[i]?.name ?? '', i + 1, criterion.levels.length) : null;
      const skills = aligned.criteria[criterion.id] ?? [];
      for (const s of skills) claims.push({ skill: ref(deps, s), evidence: { ...evidence, level } });
      if (levelId !== undefined && levelId === criterion.requiredLevelId && i < criterion.levels.length - 1) {
        const urls = (skills.length ? skills : aligned.achievement).map((s) => skillUrl(base, s));
        if (urls.length) justPassed.push({ criterionName: criterion.name, skills: urls });
      }
    }
    earned.push({ credentialId: c.id, achievementId: c.achievementId, name: content.name, issuedAt: c.issuedAt, justPassed });
  }
  for (const item of imports) {
    const credential = rec(rec(item.report)['credential']);
    const id = typeof credential['id'] === 'string' && /^https?:\/\//.test(credential['id']) ? credential['id'] : null;
    const issued = [credential['validFrom'], credential['issuanceDate'], credential['issuedOn']].find(
      (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
    );
    for (const a of readAlignments(credential)) {
      const skill = await matchSkillByUrlOrCode(deps.db, { url: a.url, code: a.code, framework: a.framework, baseUrl: base });
      if (!skill) continue;
      claims.push({
        skill: ref(deps, skill),
        evidence: {
          kind: 'imported',
          credentialId: item.id,
          name: item.name,
          issuerName: item.issuerName,
          url: item.sourceUrl ?? id,
          issuedAt: issued ? new Date(issued).toISOString() : null,
          level: a.level ? levelOf(a.level.name, a.level.rank, a.level.of) : null,
        },
      });
    }
  }
  return { skills: assembleProfile(claims), earned };
}

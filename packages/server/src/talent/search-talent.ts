import type { GapSkill, TalentResult, TalentSearchResult } from '@tessera/shared';
import { TALENT_LIMITS, TalentSearchInput } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Requirement } from '../careers/index.js';
import { buildSkillProfile, computeGap } from '../careers/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { authorizeTalent } from './policies.js';
import { displayNameOf } from './present.js';
import type { ResolvedRequirement } from './resolve-requirements.js';
import { resolveRequirements } from './resolve-requirements.js';
import { refreshStaleLearners } from './refresh-talent-index.js';
import { findCandidates, findDiscoverableMany, insertSearch } from './store.js';

/** Spare candidates beyond one page, for those the exact judgement finds the index overstated. */
const SPARE = 10;

/** A requirement without the internal skill id (as stored with the search and returned). */
export function plainRequirement(r: ResolvedRequirement): Requirement {
  return { url: r.url, name: r.name, code: r.code, framework: r.framework, importance: r.importance, requiredLevel: r.requiredLevel };
}

/** Judge one consenting learner against the requirements on their verified, non-private credentials. */
export async function judgeLearner(deps: Deps, accountId: string, requirements: readonly Requirement[]) {
  const built = await buildSkillProfile(deps, { accountId, publicOnly: true });
  const skills: GapSkill[] = computeGap(requirements, built.skills);
  return { built, skills, matched: skills.filter((s) => s.status === 'verified').length };
}

/**
 * Search consenting learners for an organisation (owners only; non-members get 404). First up to STALE_PER_SEARCH
 * consenting learners with newer credentials or imports than their index rows are re-indexed; then one aggregate query
 * over the skill index (talent_skill_evidence: earned credentials' alignments and verified imports' alignments matched
 * to framework skills, with rubric levels), re-checking each source's status, ranks every consenting learner by verified
 * required skills, then by the sum of their levels. Only the best page (plus a few spares) is judged exactly on the
 * verified profile for its evidence, so the work per search does not grow with the number of matching people. The
 * search, its criteria summary and every learner returned are recorded (the learner sees them), and the organisation's
 * audit log gets one event.
 */
export async function searchTalent(
  deps: Deps,
  opts: { actor: Actor; slug: string; input: z.input<typeof TalentSearchInput> },
): Promise<TalentSearchResult> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeTalent(role, 'talent.search');
  const input = TalentSearchInput.parse(opts.input);
  const criteria = await resolveRequirements(deps, { orgId: org.id, input });
  const requirements = criteria.requirements.map(plainRequirement);
  const now = deps.clock.now();
  await refreshStaleLearners(deps);
  const wanted = [...new Map(requirements.map((r) => [r.url, { url: r.url, requiredLevel: r.requiredLevel }])).values()];
  const candidates = await findCandidates(deps.db, { wanted, now, limit: TALENT_LIMITS.results + SPARE });
  const judged: Array<TalentResult & { levels: number; latestMs: number }> = [];
  const people = new Map(
    (
      await findDiscoverableMany(
        deps.db,
        candidates.map((c) => c.accountId),
      )
    ).map((p) => [p.profile.accountId, p]),
  );
  for (const c of candidates) {
    if (judged.length >= TALENT_LIMITS.results) break;
    const person = people.get(c.accountId);
    if (!person) continue;
    const { skills, matched } = await judgeLearner(deps, c.accountId, requirements);
    if (!matched) continue;
    judged.push({
      id: c.accountId,
      displayName: displayNameOf(person.profile, person.accountName),
      headline: person.profile.headline,
      location: person.profile.location,
      matched,
      required: requirements.length,
      skills,
      levels: skills.reduce((n, s) => n + (s.status === 'verified' ? (s.level?.scale ?? 0) : 0), 0),
      latestMs: c.latestMs,
    });
  }
  // Most required skills proven, then the highest levels, then the newest evidence; then by name.
  judged.sort(
    (a, b) =>
      b.matched - a.matched ||
      b.levels - a.levels ||
      b.latestMs - a.latestMs ||
      a.displayName.localeCompare(b.displayName) ||
      a.id.localeCompare(b.id),
  );
  const items = judged.slice(0, TALENT_LIMITS.results).map(({ levels: _levels, latestMs: _latest, ...r }) => r);
  const searchId = deps.ids.id('talentSearch');
  await inTransaction(deps, async (tx) => {
    await insertSearch(
      tx.db,
      {
        id: searchId,
        orgId: org.id,
        actorId: opts.actor.accountId,
        criteria: { input, requirements },
        summary: criteria.summary,
        resultCount: items.length,
        createdAt: now,
      },
      items.map((r, i) => ({ accountId: r.id, rank: i + 1 })),
    );
    await recordAudit(tx, {
      action: 'talent.searched',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: searchId,
      detail: { summary: criteria.summary, results: items.length },
      ip: opts.actor.ip,
    });
  });
  return { searchId, summary: criteria.summary, requirements: requirements.map(({ importance: _i, ...r }) => r), items };
}

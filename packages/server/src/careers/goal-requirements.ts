import type { Goal } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { skillUrl } from '../skills/index.js';
import type { Requirement } from './compute-gap.js';
import { presentGoal } from './present.js';
import { findOccupation, findRole, listGoals, liveSkillsByUri } from './store.js';

/**
 * Dataset skills are named by their framework URI (a CASE `urn:uuid:` or an https URL); profiles name skills by their
 * canonical URL on this installation. Map each URI that exactly one live skill has onto that skill's canonical URL.
 */
async function canonicalUrls(deps: Deps, uris: string[]): Promise<Map<string, string>> {
  const rows = await liveSkillsByUri(deps.db, uris);
  const out = new Map<string, string>();
  for (const uri of uris) {
    const hits = rows.filter((r) => r.uri === uri);
    if (hits.length === 1 && hits[0]) out.set(uri, skillUrl(deps.env.TESSERA_BASE_URL, hits[0]));
  }
  return out;
}

/** One of the learner's goals and the skills it requires (an occupation's with importance, a role's with levels). */
export async function goalRequirements(
  deps: Deps,
  opts: { accountId: string; goalId: string },
): Promise<{ goal: Goal; requirements: Requirement[] }> {
  const [row] = await listGoals(deps.db, opts.accountId, opts.goalId);
  if (!row) throw new AppError('not_found', 'No such goal');
  const goal = presentGoal(row);
  if (row.goal.occupationCode) {
    const found = await findOccupation(deps.db, row.goal.occupationCode);
    const skills = found?.skills ?? [];
    const canonical = await canonicalUrls(
      deps,
      skills.map((s) => s.skillUrl),
    );
    return {
      goal,
      requirements: skills.map((s) => ({
        url: canonical.get(s.skillUrl) ?? s.skillUrl,
        name: s.skillName,
        code: null,
        framework: null,
        importance: s.importance,
        requiredLevel: null,
      })),
    };
  }
  const role = row.goal.roleId ? await findRole(deps.db, row.goal.roleId) : undefined;
  return {
    goal,
    requirements: (role?.skills ?? []).map((s) => ({
      url: s.skillUrl,
      name: s.skillName,
      code: null,
      framework: null,
      importance: null,
      requiredLevel: s.level,
    })),
  };
}

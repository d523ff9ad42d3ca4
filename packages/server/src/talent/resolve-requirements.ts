import type { TalentSearchInput } from '@tessera/shared';
import type { z } from 'zod';
import type { Requirement } from '../careers/index.js';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { findSkillsByIds, matchSkillByUrlOrCode, skillUrl } from '../skills/index.js';
import { findOccupationSkills, findOccupationTitle, findOrgRoleSkills } from './store.js';

/** A search requirement and the framework skill it names on this installation (null when no live skill matches). */
export interface ResolvedRequirement extends Requirement {
  skillId: string | null;
}

/** What a search asks for: the requirements and a one-line summary the learner may read. */
export interface ResolvedCriteria {
  requirements: ResolvedRequirement[];
  summary: string;
}

const levelText = (n: number | null) => (n ? ` (level ${n}+)` : '');

/**
 * Turn search criteria into skill requirements: picked skills by id (unknown ids are refused with their path), one of
 * the organisation's own roles (another organisation's role is 404), or an occupation's skills. Role and occupation
 * skills are named by URL; each is matched to a framework skill so the candidate query can use skill ids.
 */
export async function resolveRequirements(
  deps: Deps,
  opts: { orgId: string; input: z.output<typeof TalentSearchInput> },
): Promise<ResolvedCriteria> {
  const base = deps.env.TESSERA_BASE_URL;
  const { input } = opts;
  if (input.skills.length) {
    const found = await findSkillsByIds(
      deps.db,
      input.skills.map((s) => s.id),
    );
    const byId = new Map(found.map((s) => [s.id, s]));
    const errors = input.skills.flatMap((s, i) =>
      byId.has(s.id) ? [] : [{ path: `skills.${i}.id`, message: 'Not a known framework skill' }],
    );
    if (errors.length) throw new AppError('validation_failed', 'Some skills are not in any known framework', { errors });
    const seen = new Set<string>();
    const requirements: ResolvedRequirement[] = [];
    for (const s of input.skills) {
      const skill = byId.get(s.id);
      if (!skill || seen.has(skill.id)) continue;
      seen.add(skill.id);
      requirements.push({
        url: skillUrl(base, skill),
        name: skill.name,
        code: skill.code,
        framework: skill.framework.title,
        importance: null,
        requiredLevel: s.minLevel,
        skillId: skill.id,
      });
    }
    // A framework statement often ends with a full stop; the summary joins names and is followed by ": 1 person".
    const named = (r: (typeof requirements)[number]) => `${r.name.replace(/\.\s*$/, '')}${levelText(r.requiredLevel)}`;
    return { requirements, summary: `Skills: ${requirements.map(named).join(', ')}` };
  }
  const named = async (url: string) => matchSkillByUrlOrCode(deps.db, { url, baseUrl: base });
  if (input.roleId) {
    const role = await findOrgRoleSkills(deps.db, opts.orgId, input.roleId);
    if (!role) throw new AppError('not_found', 'No such role in this organisation');
    const requirements = await Promise.all(
      role.skills.map(async (s): Promise<ResolvedRequirement> => {
        const skill = await named(s.skillUrl);
        return {
          url: skill ? skillUrl(base, skill) : s.skillUrl,
          name: s.skillName,
          code: skill?.code ?? null,
          framework: skill?.framework.title ?? null,
          importance: null,
          requiredLevel: s.level,
          skillId: skill?.id ?? null,
        };
      }),
    );
    return { requirements, summary: `Role: ${role.role.title}` };
  }
  const code = input.occupationCode ?? '';
  const [title, skills] = await Promise.all([findOccupationTitle(deps.db, code), findOccupationSkills(deps.db, code)]);
  if (!title)
    throw new AppError('validation_failed', 'Unknown occupation', { errors: [{ path: 'occupationCode', message: 'No such occupation' }] });
  const requirements = await Promise.all(
    skills.map(async (s): Promise<ResolvedRequirement> => {
      const skill = await named(s.skillUrl);
      return {
        url: skill ? skillUrl(base, skill) : s.skillUrl,
        name: s.skillName,
        code: skill?.code ?? null,
        framework: skill?.framework.title ?? null,
        importance: s.importance,
        requiredLevel: null,
        skillId: skill?.id ?? null,
      };
    }),
  );
  return { requirements, summary: `Occupation: ${title} (${code})` };
}

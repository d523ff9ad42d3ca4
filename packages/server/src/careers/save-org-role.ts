import type { OrgRole } from '@tessera/shared';
import { OrgRoleInput } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { matchSkillByUrlOrCode, skillUrl } from '../skills/index.js';
import { authorizeCareers } from './policies.js';
import { presentRole } from './present.js';
import { findRole, saveRole } from './store.js';

/**
 * Create a role (no `roleId`) or replace one of the organisation's roles. Owners and designers only. Each skill must be
 * a known framework skill (named by its URL); unknown ones are refused with their path.
 */
export async function saveOrgRole(
  deps: Deps,
  opts: { actor: Actor; slug: string; roleId?: string; input: z.input<typeof OrgRoleInput> },
): Promise<OrgRole> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeCareers(role, 'roles.edit');
  const input = OrgRoleInput.parse(opts.input);
  const existing = opts.roleId ? await findRole(deps.db, opts.roleId) : undefined;
  if (opts.roleId && (!existing || existing.role.orgId !== org.id)) throw new AppError('not_found', 'No such role in this organisation');
  const base = deps.env.TESSERA_BASE_URL;
  const resolved = await Promise.all(input.skills.map((s) => matchSkillByUrlOrCode(deps.db, { url: s.url, baseUrl: base })));
  const errors = resolved.flatMap((s, i) => (s ? [] : [{ path: `skills.${i}.url`, message: 'Not a known framework skill' }]));
  if (errors.length) throw new AppError('validation_failed', 'Some skills are not in any known framework', { errors });
  const now = deps.clock.now();
  const id = existing?.role.id ?? deps.ids.id('orgRole');
  const skills = new Map<string, { roleId: string; skillUrl: string; skillName: string; level: number | null }>();
  resolved.forEach((s, i) => {
    if (!s) return;
    const url = skillUrl(base, s);
    skills.set(url, { roleId: id, skillUrl: url, skillName: s.name, level: input.skills[i]?.level ?? null });
  });
  await inTransaction(deps, async (tx) => {
    await saveRole(
      tx.db,
      {
        id,
        orgId: org.id,
        title: input.title,
        description: input.description,
        isPublic: input.public,
        createdBy: existing?.role.createdBy ?? opts.actor.accountId,
        createdAt: existing?.role.createdAt ?? now,
        updatedAt: now,
      },
      [...skills.values()],
    );
    await recordAudit(tx, {
      action: 'org_role.saved',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { title: input.title, skills: skills.size, created: !existing },
      ip: opts.actor.ip,
    });
  });
  const saved = await findRole(deps.db, id);
  if (!saved) throw new AppError('internal', 'The role was not saved');
  return presentRole(saved);
}

import type { Db } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import type { SkillFrameworkRow, SkillRow } from './store.js';
import { findFramework, findSkillRows, listChildren, listFrameworks } from './store.js';

/** Frameworks a viewer in an organisation sees (platform-wide ones and the organisation's own; null: platform-wide only). */
export async function listVisibleFrameworks(db: Db, opts: { orgId: string | null }): Promise<SkillFrameworkRow[]> {
  return listFrameworks(db, opts.orgId);
}

/** A framework if the viewer's scope sees it (404 otherwise: another tenant's framework does not exist for them). */
export async function getVisibleFramework(db: Db, opts: { orgId: string | null; frameworkId: string }): Promise<SkillFrameworkRow> {
  const f = await findFramework(db, opts.frameworkId);
  if (!f || (f.orgId !== null && f.orgId !== opts.orgId)) throw new AppError('not_found', 'No such skill framework');
  return f;
}

/** One level of a framework's isChildOf tree: the live skills under `parentId` (null: the top level), each with its child count. */
export async function browseFramework(
  db: Db,
  opts: { orgId: string | null; frameworkId: string; parentId: string | null; limit?: number },
): Promise<{ framework: SkillFrameworkRow; parent: SkillRow | null; skills: Array<SkillRow & { childCount: number }> }> {
  const framework = await getVisibleFramework(db, opts);
  let parent: SkillRow | null = null;
  if (opts.parentId) {
    const [p] = await findSkillRows(db, [opts.parentId]);
    if (!p || p.frameworkId !== framework.id) throw new AppError('not_found', 'No such skill in this framework');
    parent = p;
  }
  const skills = await listChildren(db, framework.id, opts.parentId, Math.min(Math.max(opts.limit ?? 500, 1), 2000));
  return { framework, parent, skills };
}

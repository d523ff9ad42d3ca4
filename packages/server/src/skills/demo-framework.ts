import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../context.js';
import { importFramework } from './import-framework.js';
import type { ImportFrameworkResult } from './import-framework.js';
import { setAlignments } from './set-alignments.js';
import { findSkillsByUriOrCode } from './store.js';

/** The open demo framework (CASE 1.0, CC BY 4.0), read from the source tree (the same path from src/ and dist/). */
export const DEMO_FRAMEWORK_FILE = fileURLToPath(new URL('../../src/seed/frameworks/online-teaching.case.json', import.meta.url));

/** Which demo framework codes each demo micro-credential (by name) is aligned to: as a whole, and per rubric criterion. */
export const DEMO_ALIGNMENTS: Record<string, { achievement: string[]; criteria: Record<string, string[]> }> = {
  'Designing Effective Online Assessments': {
    achievement: ['OTC.1.2', 'OTC.1.3', 'OTC.2.4'],
    criteria: { c1: ['OTC.1.2'], c2: ['OTC.1.3'], c3: ['OTC.2.4'], c4: ['OTC.5.2'] },
  },
  'Facilitating Online Discussions': {
    achievement: ['OTC.2.1', 'OTC.2.2'],
    criteria: { c1: ['OTC.2.1'], c2: ['OTC.2.2'], c3: ['OTC.5.4'] },
  },
  'Creating Accessible Online Content': {
    achievement: ['OTC.3.1', 'OTC.3.2', 'OTC.3.3'],
    criteria: { c1: ['OTC.3.1'], c2: ['OTC.3.2'], c3: ['OTC.3.3'] },
  },
  'Creating Engaging Video Lectures': {
    achievement: ['OTC.1.5', 'OTC.4.2', 'OTC.4.3'],
    criteria: { c1: ['OTC.1.5'], c2: ['OTC.4.2'], c3: ['OTC.4.3'] },
  },
  'Using the LMS Effectively': {
    achievement: ['OTC.4.1', 'OTC.1.4', 'OTC.2.3', 'OTC.5.1'],
    criteria: { c1: ['OTC.1.4'], c2: ['OTC.2.3'], c3: ['OTC.5.1'] },
  },
  'Using Interactive Simulations': { achievement: ['OTC.4.4'], criteria: { c1: ['OTC.4.4'], c3: ['OTC.5.4'] } },
};

/** Import the demo framework platform-wide (a re-run updates it in place). */
export async function importDemoFramework(deps: Deps): Promise<ImportFrameworkResult> {
  return importFramework(deps, { actorId: null, orgId: null, format: 'case', text: readFileSync(DEMO_FRAMEWORK_FILE, 'utf8') });
}

/** Align a demo micro-credential's draft to the demo framework by its name (nothing happens for other names). */
export async function alignDemoAchievement(
  deps: Deps,
  opts: { actor: { accountId: string; ip: string | null }; orgId: string; achievementId: string; name: string },
): Promise<void> {
  const plan = DEMO_ALIGNMENTS[opts.name];
  if (!plan) return;
  const idOf = async (code: string) => {
    const found = (await findSkillsByUriOrCode(deps.db, { uris: [], code })).filter(
      (s) => s.framework.orgId === null && s.framework.title === 'Online Teaching Competencies',
    );
    const id = found[0]?.id;
    if (!id) throw new Error(`demo skill ${code} missing`);
    return id;
  };
  const ids = async (codes: string[]) => Promise.all(codes.map(idOf));
  const criteria: Record<string, string[]> = {};
  for (const [cid, codes] of Object.entries(plan.criteria)) criteria[cid] = await ids(codes);
  await setAlignments(deps, {
    actor: opts.actor,
    orgId: opts.orgId,
    achievementId: opts.achievementId,
    achievement: await ids(plan.achievement),
    criteria,
  });
}

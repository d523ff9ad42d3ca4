import { readContent } from '../achievements/index.js';
import type { Content } from '../achievements/index.js';
import { achievementImageUrl } from '../achievements/index.js';
import { findVersion, issuedCounts, listAchievementRows } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { orgDid } from '../orgs/index.js';
import { findOrgBySlug } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { getAgreement } from '../reviews/index.js';
import { AppError } from '../shared/errors.js';
import { qualityCounts } from '../submissions/index.js';
import { outcomeCounts } from './store.js';

/** One published micro-credential with its transparency facts. */
export interface TransparencyView {
  id: string;
  version: number;
  status: 'published' | 'retired';
  content: Content;
  imageUrl: string;
  issued: number;
  /** Submissions that reached assessment. */
  assessed: number;
  /** Submissions with a final outcome, and how many of them passed. */
  finished: number;
  passed: number;
  /** Submissions picked for double scoring. */
  doubleScored: number;
  /** Double-scored attempts that both assessors have scored (what agreement is computed from). */
  pairs: number;
  decisionAgreement: number | null;
  kappa: number | null;
}

/** An issuer's public page: its profile and its published micro-credentials. */
export interface IssuerView {
  org: OrgRow;
  did: string;
  achievements: TransparencyView[];
}

async function transparency(
  deps: Deps,
  org: OrgRow,
  a: { id: string; status: string; latestVersionId: string | null },
  issued: Map<string, number>,
): Promise<TransparencyView | null> {
  if (a.status === 'draft' || !a.latestVersionId) return null;
  const version = await findVersion(deps.db, a.latestVersionId);
  if (!version) return null;
  const [qa, outcomes, agreement] = await Promise.all([
    qualityCounts(deps.db, a.id),
    outcomeCounts(deps.db, a.id),
    getAgreement(deps, { org, achievementId: a.id }),
  ]);
  return {
    id: a.id,
    version: version.version,
    status: a.status === 'retired' ? 'retired' : 'published',
    content: readContent(version.content),
    imageUrl: achievementImageUrl(deps, a.id),
    issued: issued.get(a.id) ?? 0,
    assessed: qa.assessed,
    finished: outcomes.finished,
    passed: outcomes.passed,
    doubleScored: qa.doubleScored,
    pairs: agreement.pairs,
    decisionAgreement: agreement.decisionAgreement,
    kappa: agreement.decisionKappa,
  };
}

/** The public page of an organisation (no account needed). */
export async function getIssuerPage(deps: Deps, slug: string): Promise<IssuerView> {
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) throw new AppError('not_found', 'No such organisation');
  const [rows, issued] = await Promise.all([listAchievementRows(deps.db, org.id), issuedCounts(deps.db, org.id)]);
  const achievements = (await Promise.all(rows.map((a) => transparency(deps, org, a, issued)))).filter(
    (x): x is TransparencyView => x !== null,
  );
  return { org, did: orgDid(deps.env.TESSERA_BASE_URL, org.slug), achievements };
}

/** One micro-credential's public transparency page. */
export async function getTransparencyPage(
  deps: Deps,
  slug: string,
  achievementId: string,
): Promise<{ view: IssuerView; item: TransparencyView }> {
  const view = await getIssuerPage(deps, slug);
  const item = view.achievements.find((a) => a.id === achievementId);
  if (!item) throw new AppError('not_found', 'No such published micro-credential');
  return { view, item };
}

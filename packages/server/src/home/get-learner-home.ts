import type { EarnedCredential, LearnerHome, LearnerWork, NextStep } from '@tessera/shared';
import { listCatalog } from '../achievements/index.js';
import type { Deps } from '../context.js';
import { listCredentials } from '../credentials/index.js';
import { listMySubmissions } from '../submissions/index.js';
import { presentSubmission } from '../submissions/index.js';

/** How many earned credentials and suggestions the home shows. */
const EARNED_SHOWN = 4;
const NEXT_STEPS_SHOWN = 3;
/** Catalog entries looked at to find suggestions the learner has not started. */
const NEXT_STEP_CANDIDATES = 50;
const WORKING_STATES = new Set(['draft', 'submitted', 'in_review', 'disputed']);

type Summary = Awaited<ReturnType<typeof listMySubmissions>>[number];

/** Required evidence items with something in them, against all required items. */
async function withProgress(deps: Deps, s: Summary): Promise<LearnerWork> {
  const full = await presentSubmission(deps, s.id);
  const required = full.achievement.evidenceRequirements.filter((r) => r.required);
  const filled = new Set(full.evidence.filter((e) => (e.text?.trim() ?? '') !== '' || e.url || e.file).map((e) => e.requirementId));
  return {
    submissionId: s.id,
    achievementId: s.achievementId,
    name: s.name,
    issuerName: s.issuerName,
    state: s.state,
    attempt: s.attempt,
    evidenceDone: required.filter((r) => filled.has(r.id)).length,
    evidenceRequired: required.length,
    updatedAt: s.updatedAt,
  };
}

/** The learner's dashboard: work in progress, feedback to act on, recent credentials and suggested next steps. */
export async function getLearnerHome(deps: Deps, opts: { accountId: string }): Promise<LearnerHome> {
  const submissions = await listMySubmissions(deps, { accountId: opts.accountId });
  const inProgress = await Promise.all(submissions.filter((s) => WORKING_STATES.has(s.state)).map((s) => withProgress(deps, s)));
  const feedbackWaiting = await Promise.all(submissions.filter((s) => s.state === 'needs_revision').map((s) => withProgress(deps, s)));
  const credentials = (await listCredentials(deps, { learnerId: opts.accountId })).filter((c) => c.status !== 'revoked');
  const earned: EarnedCredential[] = credentials.slice(0, EARNED_SHOWN).map((c) => ({
    id: c.id,
    achievementName: c.achievementName,
    issuerName: c.issuerName,
    issuedAt: c.issuedAt,
    status: c.status,
    pageUrl: c.pageUrl,
  }));
  const catalog = await listCatalog(deps, { page: 1, pageSize: NEXT_STEP_CANDIDATES });
  // Anything the learner has touched (started, earned, or used up) is not a suggestion, nor what only a pathway awards.
  const touched = new Set(submissions.map((s) => s.achievementId));
  const nextSteps: NextStep[] = catalog.items
    .filter((i) => i.status === 'published' && !touched.has(i.achievementId) && !i.awardedByPathway)
    .slice(0, NEXT_STEPS_SHOWN)
    .map((i) => ({
      achievementId: i.achievementId,
      name: i.content.name,
      issuerName: i.issuer.name,
      description: i.content.description,
      imageUrl: i.imageUrl,
      effortHours: i.content.effortHours ?? null,
    }));
  return { inProgress, feedbackWaiting, earned, earnedTotal: credentials.length, nextSteps };
}

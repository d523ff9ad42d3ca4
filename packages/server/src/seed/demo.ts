import type { Deps } from '../context.js';
import { hashPassword } from '../accounts/index.js';
import { countAccounts, findAccountByEmail, insertAccount } from '../accounts/index.js';
import { createOrg } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { findOrgBySlug, insertMembership, updateOrgRow } from '../orgs/index.js';
import { createAchievement } from '../achievements/index.js';
import { publishAchievement } from '../achievements/index.js';
import { seedPathwayDemo } from '../pathways/index.js';
import { createBulkRun } from '../bulk-awards/index.js';
import { issueBulkRunNow } from '../bulk-awards/index.js';
import { issueCredential } from '../credentials/index.js';
import { claimSubmission } from '../reviews/index.js';
import { submitReview } from '../reviews/index.js';
import { saveEvidence } from '../submissions/index.js';
import { startSubmission } from '../submissions/index.js';
import { submitSubmission } from '../submissions/index.js';
import { DEMO_ACHIEVEMENTS } from './catalog.js';
import { uploadFile } from '../files/index.js';
import { seedCareersDemo } from '../careers/index.js';
import { RECOGNITION_DEMO_LOGINS, seedRecognitionDemo } from '../recognition/index.js';
import { seedTalentDemo } from '../talent/index.js';
import { alignDemoAchievement, importDemoFramework } from '../skills/index.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'tessera-demo-2026';

/** Demo accounts and their roles in the demo organisation (null = learner only). */
export const DEMO_ACCOUNTS = [
  { email: 'owner@riverside.example', name: 'Maya Okafor', role: 'owner', admin: true },
  { email: 'designer@riverside.example', name: 'Daniel Reyes', role: 'designer', admin: false },
  { email: 'assessor@riverside.example', name: 'Priya Natarajan', role: 'assessor', admin: false },
  { email: 'assessor2@riverside.example', name: 'Tom Becker', role: 'assessor', admin: false },
  { email: 'learner@riverside.example', name: 'Alex Kim', role: null, admin: false },
  { email: 'learner2@riverside.example', name: 'Jordan Ellis', role: null, admin: false },
  { email: 'learner3@riverside.example', name: 'Sam Rivera', role: null, admin: false },
  { email: 'learner4@riverside.example', name: 'Chen Li', role: null, admin: false },
  { email: 'learner5@riverside.example', name: 'Morgan Blake', role: null, admin: false },
] as const;

/** The lines `npm start` prints: every demo login (the district's and the partner organisations') and what it is for. */
export function demoLoginText(): string {
  const lines = [
    ...DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: `${a.role ?? 'learner'}${a.admin ? ', platform admin' : ''}` })),
    ...RECOGNITION_DEMO_LOGINS,
  ].map((a) => `  ${a.email.padEnd(34)} ${a.role}\n`);
  return `\nDemo logins (password for all: ${DEMO_PASSWORD})\n${lines.join('')}\n`;
}

/** Every demo account's email (the district's and the partner organisations'): all share the published password. */
export const DEMO_EMAILS: readonly string[] = [...DEMO_ACCOUNTS.map((a) => a.email), ...RECOGNITION_DEMO_LOGINS.map((a) => a.email)];

/** The demo organisation's slug. */
export const DEMO_ORG_SLUG = 'riverside';

/** Whether this installation has no accounts yet (a first run). */
export async function isEmptyInstallation(deps: Deps): Promise<boolean> {
  return (await countAccounts(deps.db)) === 0;
}

/** Create the demo organisation and accounts; running it again changes nothing. */
export async function seedDemo(deps: Deps): Promise<{ created: boolean }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD, deps.passwords);
  const ids: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const existing = await findAccountByEmail(deps.db, a.email);
    if (existing) {
      ids[a.email] = existing.id;
      continue;
    }
    const id = deps.ids.id('account');
    // Demo addresses are ours (riverside.example), so they count as verified.
    await insertAccount(deps.db, {
      id,
      email: a.email,
      name: a.name,
      passwordHash,
      isPlatformAdmin: a.admin,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    ids[a.email] = id;
  }
  if (await findOrgBySlug(deps.db, DEMO_ORG_SLUG)) return { created: false };
  const ownerId = ids[DEMO_ACCOUNTS[0].email];
  if (!ownerId) throw new Error('demo owner missing');
  const org = await createOrg(deps, {
    actor: { accountId: ownerId, ip: null },
    profile: {
      slug: DEMO_ORG_SLUG,
      name: 'Riverside School District',
      url: 'https://riverside.example',
      email: 'learning@riverside.example',
      description: 'Professional learning for Riverside educators: micro-credentials in online and blended teaching.',
      address: { addressLocality: 'Riverside', addressRegion: 'CA', addressCountry: 'US' },
      brandColor: '#1f5fbf',
    },
  });
  for (const a of DEMO_ACCOUNTS) {
    const id = ids[a.email];
    if (a.role && a.role !== 'owner' && id) await insertMembership(deps.db, { orgId: org.id, accountId: id, role: a.role, createdAt: now });
  }
  const idOf = (email: string) => {
    const id = ids[email];
    if (!id) throw new Error(`demo account ${email} missing`);
    return id;
  };
  const microCredentialIds = await seedEarning(deps, org, {
    designer: idOf('designer@riverside.example'),
    assessor: idOf('assessor@riverside.example'),
    assessor2: idOf('assessor2@riverside.example'),
    owner: ownerId,
    learners: [
      'learner@riverside.example',
      'learner2@riverside.example',
      'learner3@riverside.example',
      'learner4@riverside.example',
      'learner5@riverside.example',
    ].map(idOf),
  });
  // Pathways: the Online Teaching Certificate stacks the six micro-credentials (the demo learner is part-way). Publishing
  // it runs the pathway evaluation for everyone who already qualifies: Morgan, who earned all the parts, is awarded the
  // certificate (once, through the awards model) by that run.
  await seedPathwayDemo(deps, { org, designer: { accountId: idOf('designer@riverside.example'), ip: null } });
  // Recognition: a state agency counts the six micro-credentials toward licence renewal; an employer endorses one.
  await seedRecognitionDemo(deps, {
    passwordHash,
    ownerSlug: DEMO_ORG_SLUG,
    ownerId,
    learnerId: idOf('learner@riverside.example'),
    achievementIds: microCredentialIds,
  });
  return { created: true };
}

/** Deps whose clock runs `days` behind, so seeded work has realistic ages. */
function daysAgo(deps: Deps, days: number): Deps {
  return { ...deps, clock: { now: () => new Date(deps.clock.now().getTime() - days * 86_400_000) } };
}

/** Six published micro-credentials and submissions in every state, with issued credentials; returns the six ids. */
async function seedEarning(
  deps: Deps,
  org: OrgRow,
  who: { designer: string; assessor: string; assessor2: string; owner: string; learners: string[] },
): Promise<string[]> {
  const designer = { accountId: who.designer, ip: null };
  const achievementIds: string[] = [];
  await importDemoFramework(deps);
  // The double-scoring draw is random per submission; the seed decides explicitly which one is double-scored.
  const savedShare = org.doubleScorePercent;
  await updateOrgRow(deps.db, org.id, { doubleScorePercent: 0 });
  for (const content of DEMO_ACHIEVEMENTS) {
    const d = daysAgo(deps, 60);
    const row = await createAchievement(d, { actor: designer, org, content });
    await alignDemoAchievement(d, { actor: designer, orgId: org.id, achievementId: row.id, name: content.name });
    await publishAchievement(d, { actor: designer, org, achievementId: row.id });
    achievementIds.push(row.id);
  }
  const ach = (i: number) => achievementIds[i] ?? '';
  const learner = (i: number) => ({ accountId: who.learners[i] ?? '', ip: null });
  const assessor = { accountId: who.assessor, ip: null };
  const assessor2 = { accountId: who.assessor2, ip: null };

  const fill = async (
    d: Deps,
    l: { accountId: string; ip: null },
    submissionId: string,
    achievementIndex: number,
    note: string,
    only?: string[],
  ) => {
    const content = DEMO_ACHIEVEMENTS[achievementIndex];
    for (const r of content?.evidenceRequirements ?? []) {
      if (only && !only.includes(r.id)) continue;
      const kinds = r.kinds ?? [];
      if (kinds.includes('text'))
        await saveEvidence(d, { actor: l, submissionId, requirementId: r.id, kind: 'text', text: `${note} — ${r.prompt}` });
      else if (kinds.includes('link'))
        await saveEvidence(d, {
          actor: l,
          submissionId,
          requirementId: r.id,
          kind: 'link',
          url: `https://portfolio.riverside.example/${submissionId}/${r.id}`,
        });
      else {
        const pdf = new TextEncoder().encode(`%PDF-1.4\n% ${note}: ${r.prompt}\n%%EOF\n`);
        const file = await uploadFile(d, { ownerId: l.accountId, purpose: 'evidence', name: `${r.id}.pdf`, bytes: pdf });
        await saveEvidence(d, { actor: l, submissionId, requirementId: r.id, kind: 'file', fileId: file.id });
      }
    }
  };
  const levels = (i: number, pattern: Array<'l2' | 'l3' | 'l4'>) =>
    (DEMO_ACHIEVEMENTS[i]?.rubric?.criteria ?? []).map((c, j) => ({
      criterionId: c.id,
      levelId: pattern[j] ?? 'l3',
      feedback:
        pattern[j] === 'l2' ? `${c.name}: not yet at the required level — add specific evidence.` : `${c.name}: clearly demonstrated.`,
    }));
  const start = async (d: Deps, li: number, ai: number) => (await startSubmission(d, { actor: learner(li), achievementId: ach(ai) })).id;
  const review = async (
    d: Deps,
    a: { accountId: string; ip: null },
    sid: string,
    ai: number,
    pattern: Array<'l2' | 'l3' | 'l4'>,
    decision: 'pass' | 'needs_revision',
  ) => {
    await claimSubmission(d, { actor: a, org, submissionId: sid });
    await submitReview(d, {
      actor: a,
      org,
      submissionId: sid,
      scores: levels(ai, pattern),
      overallFeedback: decision === 'pass' ? 'Strong, well-evidenced work.' : 'A good start; see the criteria below.',
      decision,
    });
  };

  // Alex: earned the LMS one two months ago and the first one since, revising the second, paused a draft of the third.
  let sid = await start(daysAgo(deps, 58), 0, 4);
  await fill(daysAgo(deps, 57), learner(0), sid, 4, 'Grade 5 maths course site');
  await submitSubmission(daysAgo(deps, 57), { actor: learner(0), submissionId: sid });
  await review(daysAgo(deps, 55), assessor, sid, 4, ['l3', 'l3', 'l4'], 'pass');
  await issueCredential(daysAgo(deps, 55), { submissionId: sid });
  sid = await start(daysAgo(deps, 40), 0, 0);
  await fill(daysAgo(deps, 38), learner(0), sid, 0, 'Unit 3 quiz on fractions');
  await submitSubmission(daysAgo(deps, 37), { actor: learner(0), submissionId: sid });
  await review(daysAgo(deps, 30), assessor, sid, 0, ['l3', 'l4', 'l3', 'l3'], 'pass');
  await issueCredential(daysAgo(deps, 30), { submissionId: sid });
  sid = await start(daysAgo(deps, 20), 0, 1);
  await fill(daysAgo(deps, 19), learner(0), sid, 1, 'Week 4 discussion on primary sources');
  await submitSubmission(daysAgo(deps, 18), { actor: learner(0), submissionId: sid });
  await review(daysAgo(deps, 12), assessor2, sid, 1, ['l3', 'l2', 'l3'], 'needs_revision');
  sid = await start(daysAgo(deps, 9), 0, 2);
  await fill(daysAgo(deps, 9), learner(0), sid, 2, 'Draft notes', ['report']);

  // Jordan: one waiting (overdue), one being reviewed, one earned.
  sid = await start(daysAgo(deps, 25), 1, 0);
  await fill(daysAgo(deps, 24), learner(1), sid, 0, 'Exit tickets for algebra');
  await submitSubmission(daysAgo(deps, 21), { actor: learner(1), submissionId: sid });
  sid = await start(daysAgo(deps, 8), 1, 3);
  await fill(daysAgo(deps, 7), learner(1), sid, 3, 'Photosynthesis in six minutes');
  await submitSubmission(daysAgo(deps, 6), { actor: learner(1), submissionId: sid });
  await claimSubmission(daysAgo(deps, 0), { actor: assessor, org, submissionId: sid });
  sid = await start(daysAgo(deps, 50), 1, 4);
  await fill(daysAgo(deps, 49), learner(1), sid, 4, 'Grade 7 science course');
  await submitSubmission(daysAgo(deps, 48), { actor: learner(1), submissionId: sid });
  await review(daysAgo(deps, 44), assessor2, sid, 4, ['l4', 'l3', 'l3'], 'pass');
  await issueCredential(daysAgo(deps, 44), { submissionId: sid });

  // Morgan: earned the four core micro-credentials (the LMS one first) and the video elective (after accessible content),
  // through submissions and reviews like everyone else; the pathway then awards them the certificate.
  const earn = async (ai: number, day: number, note: string, a: { accountId: string; ip: null }) => {
    const s = await start(daysAgo(deps, day), 4, ai);
    await fill(daysAgo(deps, day), learner(4), s, ai, note);
    await submitSubmission(daysAgo(deps, day - 1), { actor: learner(4), submissionId: s });
    await review(daysAgo(deps, day - 3), a, s, ai, ['l3', 'l3', 'l3', 'l3'], 'pass');
    await issueCredential(daysAgo(deps, day - 3), { submissionId: s });
  };
  await earn(4, 56, 'High-school history course site', assessor);
  await earn(0, 50, 'Rubric-scored project on the Civil War', assessor2);
  await earn(1, 44, 'Seminar thread on primary sources', assessor);
  await earn(2, 38, 'Captioned, structured unit pages', assessor2);
  await earn(3, 30, 'Mini-lecture on the Reconstruction era', assessor);

  // Sam: double-scored, the two assessors disagree — waiting for the owner to settle.
  await updateOrgRow(deps.db, org.id, { doubleScorePercent: 100 });
  sid = await start(daysAgo(deps, 15), 2, 1);
  await fill(daysAgo(deps, 15), learner(2), sid, 1, 'Debate on climate data');
  await submitSubmission(daysAgo(deps, 14), { actor: learner(2), submissionId: sid });
  await updateOrgRow(deps.db, org.id, { doubleScorePercent: 0 });
  await review(daysAgo(deps, 10), assessor, sid, 1, ['l3', 'l3', 'l3'], 'pass');
  await review(daysAgo(deps, 9), assessor2, sid, 1, ['l3', 'l2', 'l3'], 'needs_revision');

  // Chen: used both attempts of a two-attempt micro-credential without meeting the rubric.
  sid = await start(daysAgo(deps, 35), 3, 3);
  await fill(daysAgo(deps, 35), learner(3), sid, 3, 'Lecture on the water cycle');
  await submitSubmission(daysAgo(deps, 34), { actor: learner(3), submissionId: sid });
  await review(daysAgo(deps, 30), assessor, sid, 3, ['l2', 'l3', 'l2'], 'needs_revision');
  await fill(daysAgo(deps, 28), learner(3), sid, 3, 'Revised lecture', ['storyboard', 'impact']);
  await submitSubmission(daysAgo(deps, 27), { actor: learner(3), submissionId: sid });
  await review(daysAgo(deps, 22), assessor2, sid, 3, ['l2', 'l3', 'l3'], 'needs_revision');
  await updateOrgRow(deps.db, org.id, { doubleScorePercent: savedShare });

  // A summer-institute cohort awarded from a CSV (a bulk run, finished), none of whom has an account yet.
  const owner = { accountId: who.owner, ip: null };
  const onDay = new Date(deps.clock.now().getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
  const cohort = ['Amara Diallo', 'Ben Carter', 'Chloé Martin', 'Dev Patel', 'Elena Rossi', 'Farah Haddad', 'Gus Olsen', 'Hana Sato'];
  const csv = `email,name,issued_on,narrative\n${cohort.map((n) => `${n.split(' ')[0]?.toLowerCase().replace('é', 'e')}@summer-institute.example,${n},${onDay},Completed the Riverside summer institute on online discussion`).join('\n')}\n`;
  const draft = await createBulkRun(daysAgo(deps, 20), {
    org,
    actor: owner,
    achievementId: ach(0),
    fileName: 'summer-institute-cohort.csv',
    sendClaimMail: false,
    body: [new TextEncoder().encode(csv)],
  });
  await issueBulkRunNow(daysAgo(deps, 20), { org, actor: owner, runId: draft.id });

  // Careers: the bundled occupations, a public employer role, and a goal for the demo learner (with recommendations).
  await seedCareersDemo(deps, { orgId: org.id, ownerId: who.owner, learnerId: who.learners[0] ?? '' });
  // Employer search: that learner consents to be found, so the owner can search for the role and find them.
  await seedTalentDemo(deps, { learnerId: who.learners[0] ?? '' });
  return achievementIds;
}

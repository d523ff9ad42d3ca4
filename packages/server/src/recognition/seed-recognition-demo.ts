import { findAccountByEmail, insertAccount } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { createOrg, findOrgBySlug } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { decideEndorsement } from './decide-endorsement.js';
import { publishRule } from './publish-rule.js';
import { requestEndorsement } from './request-endorsement.js';
import { saveRule } from './save-rule.js';
import { listLearnerCredentials } from './store.js';

/** The demo's recognising agency and employer, with their owners (password: the demo password). */
export const RECOGNITION_DEMO = {
  agency: {
    slug: 'state-education',
    name: 'State Department of Education',
    owner: 'licensing@state-education.example',
    ownerName: 'Renee Walker',
  },
  employer: { slug: 'northwind', name: 'Northwind Online Academy', owner: 'hiring@northwind.example', ownerName: 'Omar Haddad' },
} as const;

/** The partner organisations' demo logins and what each is for (printed with the demo logins). */
export const RECOGNITION_DEMO_LOGINS = [
  {
    email: RECOGNITION_DEMO.agency.owner,
    role: `owner of ${RECOGNITION_DEMO.agency.name} (state agency): recognition rules, records learners send`,
  },
  {
    email: RECOGNITION_DEMO.employer.owner,
    role: `owner of ${RECOGNITION_DEMO.employer.name} (employer): endorsements, co-design reviews`,
  },
] as const;

async function demoOrg(
  deps: Deps,
  o: { slug: string; name: string; owner: string; ownerName: string },
  passwordHash: string,
  profile: { url: string; description: string },
): Promise<{ org: OrgRow; ownerId: string }> {
  const now = deps.clock.now();
  let account = await findAccountByEmail(deps.db, o.owner);
  if (!account) {
    await insertAccount(deps.db, {
      id: deps.ids.id('account'),
      email: o.owner,
      name: o.ownerName,
      passwordHash,
      isPlatformAdmin: false,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    account = await findAccountByEmail(deps.db, o.owner);
  }
  if (!account) throw new Error(`demo account ${o.owner} missing`);
  const existing = await findOrgBySlug(deps.db, o.slug);
  if (existing) return { org: existing, ownerId: account.id };
  const org = await createOrg(deps, {
    actor: { accountId: account.id, ip: null },
    profile: { slug: o.slug, name: o.name, url: profile.url, description: profile.description },
  });
  return { org, ownerId: account.id };
}

/**
 * The recognition demo: a state agency that counts the district's micro-credentials (`achievementIds`; at least the
 * demo learner's first one) as 15 hours each of licence renewal (published, signed rules), and an employer that
 * endorses the demo learner's first micro-credential at the district's request.
 */
export async function seedRecognitionDemo(
  deps: Deps,
  opts: { passwordHash: string; ownerSlug: string; ownerId: string; learnerId: string; achievementIds?: string[] },
): Promise<void> {
  const [first] = (await listLearnerCredentials(deps.db, opts.learnerId)).slice(-1);
  if (!first) return;
  const agency = await demoOrg(deps, RECOGNITION_DEMO.agency, opts.passwordHash, {
    url: 'https://state-education.example',
    description: 'Licenses educators and approves professional learning for licence renewal.',
  });
  const employer = await demoOrg(deps, RECOGNITION_DEMO.employer, opts.passwordHash, {
    url: 'https://northwind.example',
    description: 'An online school that hires teachers for virtual classrooms.',
  });
  const now = deps.clock.now();
  const agencyActor = { accountId: agency.ownerId, ip: null };
  // The learner's first micro-credential first, then the others (each once).
  for (const achievementId of [...new Set([first.achievementId, ...(opts.achievementIds ?? [])])]) {
    const rule = await saveRule(deps, {
      actor: agencyActor,
      slug: agency.org.slug,
      input: {
        achievementId,
        kind: 'hours',
        amount: 15,
        unit: 'hours',
        target: 'licence renewal (professional development)',
        validFrom: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
        validUntil: new Date(now.getTime() + 3 * 365 * 86_400_000).toISOString(),
        reviewerId: agency.ownerId,
        rationale: 'Reviewed against the state standards for online instruction: the rubric and evidence meet the bar for 15 clock hours.',
      },
    });
    await publishRule(deps, { actor: agencyActor, slug: agency.org.slug, ruleId: rule.id });
  }
  const request = await requestEndorsement(deps, {
    actor: { accountId: opts.ownerId, ip: null },
    slug: opts.ownerSlug,
    input: {
      endorserSlug: employer.org.slug,
      subjectType: 'achievement',
      subjectId: first.achievementId,
      message: 'Would you endorse this micro-credential for your hiring of online teachers?',
    },
  });
  await decideEndorsement(deps, {
    actor: { accountId: employer.ownerId, ip: null },
    slug: employer.org.slug,
    endorsementId: request.id,
    accept: true,
    comment: 'Teachers who hold this can run the online discussions our courses depend on; we look for it when we hire.',
  });
}

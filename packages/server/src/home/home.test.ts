import { HomeDashboard, MyCatalogEntry, MyCatalogPage, UnreadCount } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';

// A fixed clock: the demo seed dates its work relative to "now", so ages and "this month" are exact.
let now = new Date('2026-03-20T12:00:00Z');
let ctx: TestContext;

async function demo(email: string): Promise<ApiClient> {
  const c = new ApiClient(ctx);
  const r = await c.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`sign-in of ${email} failed: ${r.status}`);
  return c;
}

async function home(c: ApiClient): Promise<HomeDashboard> {
  const r = await c.request('GET', 'me/home');
  expect(r.status).toBe(200);
  return HomeDashboard.parse(r.json);
}

async function catalogByName(c: ApiClient): Promise<Map<string, MyCatalogEntry>> {
  const r = await c.request('GET', 'catalog?pageSize=50');
  expect(r.status).toBe(200);
  return new Map(MyCatalogPage.parse(r.json).items.map((i) => [i.content.name, i]));
}

const Queue = z.array(z.object({ submissionId: z.string(), overdue: z.boolean(), claimedByMe: z.boolean() }));

let otherOwner: ApiClient;
let otherLearner: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext({ clock: { now: () => now } });
  await seedDemo(ctx.deps);
  // A second tenant with one submission waiting in its own queue, made by someone who is nobody at Riverside.
  otherOwner = new ApiClient(ctx);
  await otherOwner.signUp('owner@elsewhere.test', 'Elsewhere Owner');
  expect((await otherOwner.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere College', doubleScorePercent: 0 })).status).toBe(
    201,
  );
  const created = await otherOwner.request('POST', 'orgs/elsewhere/achievements', sampleAchievement('Elsewhere Only Skill'));
  const achievementId = created.json['id'] as string;
  expect((await otherOwner.request('POST', `orgs/elsewhere/achievements/${achievementId}/publish`)).status).toBe(200);
  otherLearner = new ApiClient(ctx);
  await otherLearner.signUp('learner@elsewhere.test', 'Elsewhere Learner');
  const started = await otherLearner.request('POST', `catalog/${achievementId}/start`);
  const sid = started.json['id'] as string;
  await otherLearner.request('PUT', `me/submissions/${sid}/evidence/plan`, { kind: 'text', text: 'My plan' });
  await otherLearner.request('PUT', `me/submissions/${sid}/evidence/transcript`, { kind: 'link', url: 'https://example.org/transcript' });
  await otherLearner.request('PUT', `me/submissions/${sid}/evidence/reflection`, { kind: 'text', text: 'My reflection' });
  expect((await otherLearner.request('POST', `me/submissions/${sid}/submit`)).status).toBe(200);
}, 120_000);
afterAll(async () => ctx.close());

describe('GET /me/home', () => {
  it('asks for a session', async () => {
    expect((await new ApiClient(ctx).request('GET', 'me/home')).status).toBe(401);
  });

  it("shows the demo learner's work with evidence progress, the feedback waiting, credentials earned and untouched suggestions", async () => {
    const h = await home(await demo('learner@riverside.example'));
    expect(h.sections).toEqual(['learner']);
    expect(h.assessor).toEqual([]);
    expect(h.overviews).toEqual([]);
    // The paused draft has one of its required evidence items (the seed fills only "report").
    expect(h.learner.inProgress).toHaveLength(1);
    const draft = h.learner.inProgress[0];
    expect(draft).toMatchObject({ name: 'Creating Accessible Online Content', state: 'draft', evidenceDone: 1, evidenceRequired: 3 });
    expect(h.learner.feedbackWaiting.map((w) => [w.name, w.state])).toEqual([['Facilitating Online Discussions', 'needs_revision']]);
    expect(h.learner.earned.map((e) => e.achievementName).sort()).toEqual([
      'Designing Effective Online Assessments',
      'Using the LMS Effectively',
    ]);
    expect(h.learner.earnedTotal).toBe(2);
    expect(h.learner.earned[0]?.pageUrl).toMatch(/^http:\/\/tessera\.test\/credentials\//);
    // Six micro-credentials published at Riverside plus one elsewhere; the four Alex touched are never suggested, nor the
    // certificate that only the pathway awards.
    expect(h.learner.nextSteps.map((n) => n.name).sort()).toEqual([
      'Creating Engaging Video Lectures',
      'Elsewhere Only Skill',
      'Using Interactive Simulations',
    ]);
  });

  it('gives a brand-new learner an empty learner home with suggestions, and nothing of anyone else', async () => {
    const fresh = new ApiClient(ctx);
    await fresh.signUp('new@learner.test', 'New Learner');
    const h = await home(fresh);
    expect(h).toMatchObject({
      sections: ['learner'],
      assessor: [],
      overviews: [],
      learner: { inProgress: [], feedbackWaiting: [], earned: [], earnedTotal: 0 },
    });
    expect(h.learner.nextSteps).toHaveLength(3);
  });

  it("puts the assessor's queue first, with waiting, claimed-by-me and overdue counts of their organisation only", async () => {
    const h = await home(await demo('assessor@riverside.example'));
    expect(h.sections[0]).toBe('assessor');
    expect(h.overviews).toEqual([]);
    // Riverside's queue: Jordan's submission 21 days old (over the 14-day service level), Jordan's second one
    // claimed by Priya, Sam's disputed one she already reviewed. Elsewhere's waiting submission is not hers.
    expect(h.assessor).toEqual([
      {
        org: { slug: 'riverside', name: 'Riverside School District' },
        waiting: 1,
        claimedByMe: 1,
        overdue: 1,
        slaDays: 14,
        oldestWaitingDays: 21,
      },
    ]);
  });

  it('counts as overdue exactly what is older than the service level', async () => {
    const priya = await demo('assessor@riverside.example');
    const queue = Queue.parse((await priya.request('GET', 'orgs/riverside/queue')).json);
    expect(queue.filter((q) => q.overdue)).toHaveLength(1);
    // A day later Sam's disputed submission (14 days old today) passes the 14-day service level too.
    now = new Date(now.getTime() + 86_400_000);
    try {
      const later = await demo('assessor@riverside.example');
      expect((await home(later)).assessor[0]?.overdue).toBe(2);
    } finally {
      now = new Date(now.getTime() - 86_400_000);
    }
  });

  it("gives the owner an overview of their organisation with this month's submissions, invitations and failed jobs", async () => {
    const maya = await demo('owner@riverside.example');
    let h = await home(maya);
    expect(h.sections).toContain('overview');
    expect(h.assessor).toEqual([]);
    // Submitted this month (since 1 March): Alex's 18 days ago, Jordan's 6 days ago and Sam's 14 days ago.
    expect(h.overviews).toEqual([
      {
        org: { slug: 'riverside', name: 'Riverside School District' },
        role: 'owner',
        achievements: { draft: 0, published: 7, retired: 0, unpublishedChanges: 0 }, // six micro-credentials and the certificate
        submissionsThisMonth: 3,
        credentialsIssued: 17, // 8 from assessment, Morgan's pathway certificate, 8 from the summer-institute bulk run
        awaitingReview: 3,
        overdue: 1,
        pendingInvitations: 0,
        failedJobs: 0,
      },
    ]);
    // An overdue review makes the overview urgent: it comes before the owner's own (empty) learning.
    expect(h.sections).toEqual(['overview', 'learner']);
    await maya.request('POST', 'orgs/riverside/invitations', { email: 'new.assessor@riverside.test', role: 'assessor' });
    h = await home(maya);
    expect(h.overviews[0]?.pendingInvitations).toBe(1);
  });

  it('shows a designer the overview without owner-only figures', async () => {
    const h = await home(await demo('designer@riverside.example'));
    expect(h.overviews).toHaveLength(1);
    expect(h.overviews[0]).toMatchObject({
      role: 'designer',
      awaitingReview: null,
      overdue: null,
      pendingInvitations: null,
      failedJobs: null,
    });
  });

  it("never shows another tenant's figures: each owner sees only their own organisation", async () => {
    const h = await home(otherOwner);
    expect(h.overviews.map((o) => o.org.slug)).toEqual(['elsewhere']);
    expect(h.overviews[0]).toMatchObject({
      achievements: { published: 1 },
      submissionsThisMonth: 1,
      credentialsIssued: 0,
      awaitingReview: 1,
      overdue: 0,
    });
    const learnerHome = await home(otherLearner);
    expect(learnerHome.learner.inProgress.map((w) => w.name)).toEqual(['Elsewhere Only Skill']);
    expect(learnerHome.overviews).toEqual([]);
  });

  it('puts several roles in order of urgency: an assessor with work waiting and nothing started as a learner sees the queue first', async () => {
    const assessorAsLearner = await inviteAndJoin(ctx, otherOwner, {
      slug: 'elsewhere',
      email: 'two.hats@elsewhere.test',
      role: 'assessor',
    });
    const h = await home(assessorAsLearner);
    // One submission is waiting in Elsewhere's queue (urgency 2); nothing started as a learner yet (0).
    expect(h.sections).toEqual(['assessor', 'learner']);
    expect(h.assessor).toEqual([
      expect.objectContaining({ org: { slug: 'elsewhere', name: 'Elsewhere College' }, waiting: 1, claimedByMe: 0, overdue: 0 }),
    ]);
  });
});

// The home's "Start next" uses the queue's own next-submission call (reviews slice): checked here with home's demo data.
describe('POST /orgs/{slug}/queue/next from the home', () => {
  it('claims the oldest submission waiting for an assessor who holds none, and reopens the one they hold', async () => {
    const tom = await demo('assessor2@riverside.example');
    const queue = Queue.parse((await tom.request('GET', 'orgs/riverside/queue')).json);
    const oldestWaiting = queue.find((q) => q.overdue);
    const r = await tom.request('POST', 'orgs/riverside/queue/next');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ submissionId: oldestWaiting?.submissionId });
    const opened = await tom.request('GET', `orgs/riverside/submissions/${oldestWaiting?.submissionId}`);
    expect(opened.json['claim']).toMatchObject({ mine: true });
    // Asked again, Tom gets the same submission back (his claim), not a second one.
    expect((await tom.request('POST', 'orgs/riverside/queue/next')).json).toEqual({
      submissionId: oldestWaiting?.submissionId,
    });
    // Priya holds Jordan's second submission: that is hers to continue.
    const priya = await demo('assessor@riverside.example');
    const held = Queue.parse((await priya.request('GET', 'orgs/riverside/queue')).json).find((q) => q.claimedByMe);
    expect((await priya.request('POST', 'orgs/riverside/queue/next')).json).toEqual({
      submissionId: held?.submissionId,
    });
  });

  it('says so when nothing is waiting', async () => {
    const other = await inviteAndJoin(ctx, otherOwner, { slug: 'elsewhere', email: 'busy@elsewhere.test', role: 'assessor' });
    const first = await other.request('POST', 'orgs/elsewhere/queue/next');
    expect(first.status).toBe(200);
    const late = await inviteAndJoin(ctx, otherOwner, { slug: 'elsewhere', email: 'late@elsewhere.test', role: 'assessor' });
    const r = await late.request('POST', 'orgs/elsewhere/queue/next');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ submissionId: null });
  });

  it('is refused to designers (403), to other tenants and learners (404), and to anonymous callers (401)', async () => {
    expect((await (await demo('designer@riverside.example')).request('POST', 'orgs/riverside/queue/next')).status).toBe(403);
    expect((await otherOwner.request('POST', 'orgs/riverside/queue/next')).status).toBe(404);
    expect((await (await demo('learner@riverside.example')).request('POST', 'orgs/riverside/queue/next')).status).toBe(404);
    expect((await new ApiClient(ctx).request('POST', 'orgs/riverside/queue/next')).status).toBe(401);
  });
});

describe('catalog progress', () => {
  it("marks each entry with the signed-in learner's own state", async () => {
    const alex = await demo('learner@riverside.example');
    const items = await catalogByName(alex);
    const earned = items.get('Using the LMS Effectively')?.mine;
    expect(earned?.state).toBe('earned');
    const credentials = z
      .array(z.object({ pageUrl: z.string(), achievementName: z.string() }))
      .parse((await alex.request('GET', 'me/credentials')).json);
    expect(earned?.credentialUrl).toBe(credentials.find((c) => c.achievementName === 'Using the LMS Effectively')?.pageUrl);
    expect(items.get('Facilitating Online Discussions')?.mine?.state).toBe('needs_revision');
    expect(items.get('Creating Accessible Online Content')?.mine?.state).toBe('in_progress');
    expect(items.get('Creating Engaging Video Lectures')?.mine).toBeNull();
    const inProgress = items.get('Creating Accessible Online Content')?.mine?.submissionId ?? '';
    expect((await alex.request('GET', `me/submissions/${inProgress}`)).status).toBe(200);
    const detail = await alex.request('GET', `catalog/${items.get('Using the LMS Effectively')?.achievementId}`);
    expect(MyCatalogEntry.parse(detail.json).mine?.state).toBe('earned');
  });

  it('shows work waiting for assessment, lets a learner who used up every attempt start again, and shows nothing when signed out', async () => {
    const jordan = await catalogByName(await demo('learner2@riverside.example'));
    expect(jordan.get('Designing Effective Online Assessments')?.mine?.state).toBe('awaiting_review');
    const chen = await catalogByName(await demo('learner4@riverside.example'));
    expect(chen.get('Creating Engaging Video Lectures')?.mine).toBeNull();
    const anonymous = await catalogByName(new ApiClient(ctx));
    expect([...anonymous.values()].every((i) => i.mine === null)).toBe(true);
    // Seven published at Riverside (six micro-credentials and the pathway's certificate) plus one elsewhere.
    expect(anonymous.size).toBe(8);
    expect(anonymous.get('Online Teaching Certificate')?.awardedByPathway?.name).toBe('Online Teaching Certificate');
  });
});

describe('GET /me/notifications/unread-count', () => {
  it("counts only the caller's unread notifications, and drops when one is read", async () => {
    const alex = await demo('learner@riverside.example');
    const jordan = await demo('learner2@riverside.example');
    const Notifications = z.array(z.object({ id: z.string(), readAt: z.string().nullable() }));
    const count = async (c: ApiClient) => UnreadCount.parse((await c.request('GET', 'me/notifications/unread-count')).json).unread;
    const alexList = Notifications.parse((await alex.request('GET', 'me/notifications')).json);
    const jordanBefore = await count(jordan);
    const unread = alexList.filter((n) => !n.readAt);
    expect(unread.length).toBeGreaterThan(1);
    expect(await count(alex)).toBe(unread.length);
    expect((await alex.request('POST', `me/notifications/${unread[0]?.id}/read`)).status).toBe(204);
    expect(await count(alex)).toBe(unread.length - 1);
    // Jordan cannot read Alex's notification, and Alex reading his own changes nothing of Jordan's.
    expect(await count(jordan)).toBe(jordanBefore);
    await jordan.request('POST', `me/notifications/${unread[1]?.id}/read`);
    expect(await count(alex)).toBe(unread.length - 1);
    expect((await new ApiClient(ctx).request('GET', 'me/notifications/unread-count')).status).toBe(401);
  });
});

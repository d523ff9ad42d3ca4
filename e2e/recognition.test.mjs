// Recognition, endorsement and co-design (issue 17, second half), on the demo data: the state agency publishes a
// recognition rule through its screen, the public achievement page shows it, the demo learner sees where their
// credentials count and sends the agency a record, and the agency sees each credential verified. The district asks the
// employer for an endorsement, the employer endorses it with a comment, and the public page shows "Endorsed by …".
// Co-design: the designer invites the employer to review a draft, the employer (opening the emailed link) comments on
// the rubric and approves, the designer reads the comment in the editor and publishes, and the public page shows
// "Co-designed with …".
// Every page is screenshotted at 375 px and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiCall, bothWidths, browserJourney, fromOutbox, pageChecker } from './support.mjs';

const check = pageChecker('recognition');
const checkBoth = bothWidths(check, { noSideways: true });
const AGENCY = 'State Department of Education';
const EMPLOYER = 'Northwind Online Academy';
const ACHIEVEMENT = 'Designing Effective Online Assessments';
const STATEMENT = `Counts as 1 credit toward Online Teaching Endorsement at ${AGENCY}`;
const REVIEWER = 'hiring@northwind.example';
const COMMENT = 'Level 3 should ask for a sample of real student work.';
const levels = (prefix) => [
  { id: 'l1', name: 'Beginning', description: `${prefix}: not yet evident`, points: 1 },
  { id: 'l2', name: 'Developing', description: `${prefix}: partly evident`, points: 2 },
  { id: 'l3', name: 'Proficient', description: `${prefix}: consistently evident`, points: 3 },
];
/** A complete draft micro-credential, made through the API (the designer journey covers writing one in the editor). */
const DRAFT = {
  name: 'Running Online Office Hours',
  description: 'Plans and runs online office hours that students use.',
  learningGoal: 'Hold office hours that students attend and find useful.',
  competency: 'The educator runs synchronous online support sessions.',
  criteriaNarrative: 'Submit a schedule, a session recording excerpt and a reflection.',
  skills: ['online facilitation'],
  alignments: [],
  validity: { kind: 'months', months: 24 },
  creditsAvailable: 1,
  evidenceRequirements: [
    { id: 'plan', prompt: 'Your office-hours plan', kinds: ['text', 'file'], required: true, criterionIds: ['c1'] },
    { id: 'reflection', prompt: 'Your reflection', kinds: ['text'], required: true, criterionIds: ['c2'] },
  ],
  resources: [],
  rubric: {
    criteria: [
      { id: 'c1', name: 'Planning', description: 'Sessions are planned and announced', levels: levels('Planning'), requiredLevelId: 'l2' },
      { id: 'c2', name: 'Reflection', description: 'Reflects on attendance', levels: levels('Reflection'), requiredLevelId: 'l2' },
    ],
  },
  maxAttempts: 3,
};

describe('recognition: rules, where this counts, records, endorsements', () => {
  const { newPage, signedIn } = browserJourney({ seed: true });
  let achievementId = '';

  it('the agency publishes a rule, and the public achievement page shows it', async () => {
    const agency = await signedIn('licensing@state-education.example');
    const catalog = await apiCall(agency, 'GET', `/catalog?q=${encodeURIComponent(ACHIEVEMENT)}`);
    achievementId = catalog.body.items.find((i) => i.content.name === ACHIEVEMENT).achievementId;
    // The demo counts every district micro-credential as licence-renewal hours; rules for one achievement may not
    // overlap in time, so the agency first withdraws the seeded rule for this one (through the API) and replaces it.
    const seeded = (await apiCall(agency, 'GET', '/orgs/state-education/recognition/rules')).body.find(
      (r) => r.achievement.id === achievementId && r.status === 'published',
    );
    const withdrawn = await apiCall(agency, 'POST', `/orgs/state-education/recognition/rules/${seeded.id}/withdraw`, {
      reason: 'Replaced by a credit rule toward the online teaching endorsement.',
    });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    await agency.goto('/app/orgs/state-education/recognition');
    await agency.getByRole('heading', { name: 'Recognition: what counts here' }).waitFor();
    // The demo's own rule (licence renewal hours) is already published.
    await agency
      .getByRole('row', { name: /Counts as 15 hours of licence renewal/ })
      .first()
      .waitFor();
    await agency.getByRole('button', { name: 'New rule' }).click();
    await agency.getByRole('textbox', { name: 'Micro-credential', exact: true }).click();
    await agency.getByRole('option', { name: new RegExp(`^${ACHIEVEMENT}`) }).click();
    await agency.getByRole('textbox', { name: 'How it counts' }).click();
    await agency.getByRole('option', { name: 'Credit toward a programme' }).click();
    await agency.getByRole('textbox', { name: /^Amount/ }).fill('1');
    await agency.getByRole('textbox', { name: /^Toward/ }).fill('Online Teaching Endorsement');
    await agency
      .getByRole('textbox', { name: /^Public rationale/ })
      .fill('Equivalent to one credit of the state online teaching endorsement.');
    await checkBoth(agency, 'rule-form');
    await agency.getByRole('button', { name: 'Save draft rule' }).click();
    const row = agency.getByRole('row', { name: new RegExp(STATEMENT) });
    await row.waitFor();
    await agency.getByRole('button', { name: `Publish ${STATEMENT}` }).click();
    await row.getByText('published').waitFor();
    await checkBoth(agency, 'rules');

    const visitor = await newPage();
    await visitor.goto(`/achievements/${achievementId}`);
    await visitor.getByRole('heading', { name: 'Where this counts' }).waitFor();
    assert.ok(await visitor.getByText(STATEMENT).isVisible());
    await checkBoth(visitor, 'public-achievement');
  });

  it('the learner sees where their credentials count and sends the agency a record; the agency sees it verified', async () => {
    const learner = await signedIn('learner@riverside.example');
    await learner.goto('/app/me/credentials');
    const counts = learner.getByRole('region', { name: 'Where this counts' }).filter({ hasText: STATEMENT });
    await counts.waitFor();
    await learner.goto('/app/me/where-this-counts');
    const form = learner.getByRole('region', { name: AGENCY });
    await form.waitFor();
    assert.equal(await form.getByRole('checkbox').count(), 2, 'both credentials count at the agency');
    await form.getByRole('textbox', { name: /^Message/ }).fill('For my licence renewal and endorsement.');
    await form.getByRole('button', { name: `Send record to ${AGENCY}` }).click();
    await form.getByText(`Sent to ${AGENCY}`).waitFor();
    assert.equal(await form.getByText('Verified: Valid').count(), 2);
    await checkBoth(learner, 'where-this-counts');

    const agency = await signedIn('licensing@state-education.example');
    await agency.goto('/app/orgs/state-education/recognition');
    const record = agency.getByRole('article', { name: 'Record from Alex Kim' });
    await record.waitFor();
    assert.equal(await record.getByText('When sent: Valid').count(), 2);
    await record.getByRole('button', { name: 'Verify again' }).click();
    await record
      .getByText(/^Checked .*: Valid$/)
      .first()
      .waitFor();
    await checkBoth(agency, 'records');
  });

  it('the district asks the employer for an endorsement; the employer endorses it and the public page shows it', async () => {
    const owner = await signedIn('owner@riverside.example');
    await owner.goto('/app/orgs/riverside/endorsements');
    await owner.getByRole('heading', { name: 'Endorsements', exact: true }).waitFor();
    await owner.getByRole('button', { name: 'Ask for an endorsement' }).click();
    await owner.getByRole('textbox', { name: /^Endorsing organisation/ }).fill('northwind');
    await owner.getByRole('textbox', { name: 'Micro-credential', exact: true }).click();
    await owner.getByRole('option', { name: new RegExp(`^${ACHIEVEMENT}`) }).click();
    await owner
      .getByRole('textbox', { name: /^Message to the endorser/ })
      .fill('Would you endorse our assessment design micro-credential?');
    await checkBoth(owner, 'endorsement-request');
    await owner.getByRole('button', { name: 'Send request' }).click();
    await owner.getByRole('article', { name: new RegExp(`Endorsement: ${ACHIEVEMENT}, by ${EMPLOYER}`) }).waitFor();

    const employer = await signedIn('hiring@northwind.example');
    await employer.goto('/app/orgs/northwind/endorsements');
    const card = employer.getByRole('article', { name: new RegExp(`Endorsement: ${ACHIEVEMENT}`) });
    await card.waitFor();
    await card.getByRole('textbox', { name: 'Your endorsement' }).fill('We look for this when we hire online teachers.');
    await card.getByRole('button', { name: 'Endorse and sign' }).click();
    await card.getByText('accepted').waitFor();
    await checkBoth(employer, 'endorsements');

    const visitor = await newPage();
    await visitor.goto(`/achievements/${achievementId}`);
    await visitor.getByText(`Endorsed by ${EMPLOYER}`).first().waitFor();
    assert.ok(await visitor.getByText('We look for this when we hire online teachers.').isVisible());
    await checkBoth(visitor, 'public-endorsed');
  });

  it('co-design: the employer reviews the draft by the emailed link, comments and approves; published, it is co-designed', async () => {
    const designer = await signedIn('designer@riverside.example');
    const created = await apiCall(designer, 'POST', '/orgs/riverside/achievements', DRAFT);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draftId = created.body.id;
    await designer.goto(`/app/orgs/riverside/achievements/${draftId}`);
    const panel = designer.getByRole('region', { name: 'Co-design review' });
    await panel.waitFor();
    await panel.getByRole('textbox', { name: /^Reviewer’s email/ }).fill(REVIEWER);
    await panel.getByRole('textbox', { name: 'Their organisation (optional)' }).fill(EMPLOYER);
    await panel.getByRole('button', { name: 'Invite reviewer' }).click();
    await panel.getByRole('article', { name: `Review by ${REVIEWER}` }).waitFor();
    await checkBoth(designer, 'co-design-invited');

    // The employer opens the link from the invitation email (read here from the dev outbox by the platform admin).
    const admin = await signedIn('owner@riverside.example');
    const link = await fromOutbox(admin, /(\/app\/review-invitations\/[A-Za-z0-9_-]+)/, REVIEWER);
    const employer = await signedIn(REVIEWER);
    await employer.goto(link);
    await employer.getByRole('heading', { name: `Review “${DRAFT.name}”` }).waitFor();
    const rubric = employer.getByRole('region', { name: 'Rubric', exact: true });
    await rubric.getByRole('textbox', { name: 'Comment on rubric' }).fill(COMMENT);
    await rubric.getByRole('button', { name: 'Add comment' }).click();
    await rubric.getByRole('list', { name: 'Your comments on rubric' }).getByText(COMMENT).waitFor();
    await checkBoth(employer, 'co-design-review');
    await employer.getByRole('textbox', { name: 'Note to the designers (optional)' }).fill('Good to publish once level 3 is clearer.');
    await employer.getByRole('button', { name: 'Approve' }).click();
    await employer.getByText('You approved it').waitFor();

    // The designer reads the comment and the approval in the editor, then publishes.
    await designer.reload();
    const review = designer.getByRole('region', { name: 'Co-design review' }).getByRole('article', { name: /^Review by Omar Haddad/ });
    await review.waitFor();
    await review.getByText(COMMENT).waitFor();
    await review.getByText('Approved', { exact: true }).waitFor();
    await checkBoth(designer, 'co-design-comments');
    await designer.getByRole('button', { name: 'Publish', exact: true }).click();
    await designer.getByRole('dialog', { name: 'Publish version 1?' }).getByRole('button', { name: 'Publish version 1' }).click();
    await designer.getByText(/Published as version 1/).waitFor();

    const visitor = await newPage();
    await visitor.goto(`/achievements/${draftId}`);
    await visitor.getByText(`Co-designed with ${EMPLOYER}`).waitFor();
    await checkBoth(visitor, 'public-co-designed');
  });
});

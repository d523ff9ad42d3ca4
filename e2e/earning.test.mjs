/* global document -- code passed to page.evaluate runs in the browser */
// The earning loop in the browser (issue 4): a designer builds and publishes a micro-credential with a
// 3-criterion rubric → a learner submits text and file evidence → the assessor asks for revision on one
// criterion → the learner revises only that criterion → the assessor passes it → the learner sees the
// credential → its JSON verifies with `tessera verify`. Every page is screenshotted and checked with axe.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiCall, PASSWORD, ROOT, field, fill, launchBrowser, pageChecker, startServer } from './support.mjs';

const check = pageChecker('earning');
const ORG = { slug: 'lakeside', name: 'Lakeside College' };
const DESIGNER = { name: 'Dana Designer', email: 'dana@lakeside.example' };
const ASSESSOR = { name: 'Asa Assessor', email: 'asa@lakeside.example' };
const LEARNER = { name: 'Lee Learner', email: 'lee@learner.example' };
const MC = 'Leading Restorative Circles';
const CRITERIA = ['Plans the circle', 'Facilitates equitably', 'Reflects on impact'];

describe('earning loop: design → submit → revise → pass → verify', () => {
  /** @type {import('./support.mjs').RunningServer} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {Record<'designer' | 'assessor' | 'learner', import('playwright-core').Page>} */
  const pages = /** @type {never} */ ({});
  /** @type {string[]} */
  const pageErrors = [];

  /** @param {{ name: string, email: string }} who */
  async function newSignedInPage(who) {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto('/app/signin');
    const res = await apiCall(page, 'POST', '/auth/signup', { name: who.name, email: who.email, password: PASSWORD });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    // Sign-up signs nobody in (it answers the same for a registered address): sign in.
    const signin = await apiCall(page, 'POST', '/auth/signin', { email: who.email, password: PASSWORD });
    assert.equal(signin.status, 200, JSON.stringify(signin.body));
    return page;
  }

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    pages.designer = await newSignedInPage(DESIGNER);
    pages.assessor = await newSignedInPage(ASSESSOR);
    pages.learner = await newSignedInPage(LEARNER);
    // The designer founds the organisation (owner) and invites the assessor; the assessor accepts.
    assert.equal((await apiCall(pages.designer, 'POST', '/orgs', { slug: ORG.slug, name: ORG.name })).status, 201);
    assert.equal(
      (await apiCall(pages.designer, 'POST', `/orgs/${ORG.slug}/invitations`, { email: ASSESSOR.email, role: 'assessor' })).status,
      201,
    );
    let token = '';
    for (let i = 0; i < 100 && !token; i++) {
      const outbox = await apiCall(pages.designer, 'GET', '/admin/outbox');
      const text = JSON.stringify(outbox.body);
      token = /\/app\/invitations\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
      if (!token) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(token, 'the invitation email reached the outbox');
    assert.equal((await apiCall(pages.assessor, 'POST', `/invitations/${token}/accept`)).status, 200);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });

  it('lets the owner turn double scoring off in the assessment settings', async () => {
    const page = pages.designer;
    await page.goto(`/app/orgs/${ORG.slug}/assessment`);
    await page.getByRole('heading', { level: 1, name: 'Assessment settings' }).waitFor();
    await fill(page, 'Share of submissions double-scored (%)', '0');
    await check(page, 'assessment-settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    const org = await apiCall(page, 'GET', `/orgs/${ORG.slug}`);
    assert.equal(org.body.doubleScorePercent, 0);
  });

  it('designer builds a micro-credential with a 3-criterion rubric, previews and publishes it', async () => {
    const page = pages.designer;
    await page.goto(`/app/orgs/${ORG.slug}/achievements`);
    await page.getByRole('heading', { name: 'No micro-credentials yet' }).waitFor();
    await check(page, 'achievements-empty');
    await page.getByRole('main').getByRole('link', { name: 'New micro-credential' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New micro-credential' }).waitFor();

    // Publishing an incomplete draft is refused with field errors, and nothing is lost.
    await fill(page, 'Name', MC);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Describe the micro-credential').waitFor();
    await page.waitForURL(/\/achievements\/[^/]+$/);
    assert.equal(await field(page, 'Name').inputValue(), MC);
    await check(page, 'editor-publish-errors');

    await fill(page, 'Description', 'Teachers plan and lead restorative circles that build community and repair harm.');
    await page.getByRole('textbox', { name: 'Skills', exact: true }).fill('Restorative practice');
    await page.getByRole('textbox', { name: 'Skills', exact: true }).press('Enter');
    await fill(page, 'Learning goal', 'Lead a restorative circle in which every student has a voice.');
    await fill(page, 'Competency statement', 'The educator plans, facilitates and reflects on restorative circles.');
    await fill(page, 'Criteria narrative', 'Submit a plan, evidence from the circle, and a reflection. Each is scored against the rubric.');

    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Add a criterion' }).click();
      const n = i + 1;
      await fill(page, `Name of criterion ${n}`, CRITERIA[i] ?? '');
      await fill(page, `What criterion ${n} looks for`, `Evidence that the teacher ${CRITERIA[i]?.toLowerCase()}.`);
      for (let l = 1; l <= 3; l++) await fill(page, `Criterion ${n} level ${l} description`, `Level ${l} of ${CRITERIA[i]}`);
    }
    // Evidence: text for criterion 1, a file for criterion 2, text for criterion 3.
    const requirements = [
      { prompt: 'Share your circle plan with its opening question.', kind: 'Written text', criterion: CRITERIA[0] },
      {
        prompt: 'Upload an artefact from the circle (photo of the talking piece agreements, or notes).',
        kind: 'File upload',
        criterion: CRITERIA[1],
      },
      { prompt: 'Reflect on what changed for your students.', kind: 'Written text', criterion: CRITERIA[2] },
    ];
    for (const [i, r] of requirements.entries()) {
      const n = i + 1;
      await page.getByRole('button', { name: 'Add an evidence requirement' }).click();
      await fill(page, `Prompt for evidence ${n}`, r.prompt);
      if (r.kind !== 'Written text') {
        const group = page.getByRole('group', { name: `Kinds of evidence accepted for requirement ${n}` });
        await group.getByLabel('Written text').uncheck();
        await group.getByLabel(r.kind).check();
      }
      await page.getByRole('textbox', { name: `Criteria this evidence supports (requirement ${n})` }).click({ force: true });
      await page.getByRole('option', { name: r.criterion }).click();
      await page.keyboard.press('Escape');
    }
    await page.getByRole('button', { name: 'Add a resource' }).click();
    await fill(page, 'Resource 1 title', 'Restorative circles guide');
    await fill(page, 'Resource 1 URL', 'https://example.org/circles');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await check(page, 'editor-filled');

    await page.getByRole('tab', { name: 'Preview as a learner' }).click();
    await page.getByRole('heading', { name: 'Rubric' }).waitFor();
    await page.getByRole('heading', { name: CRITERIA[2] }).waitFor();
    await check(page, 'editor-preview');
    await page.getByRole('tab', { name: 'Edit' }).click();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Publishing is irreversible: it asks first (issue 14).
    await page.getByRole('dialog', { name: 'Publish version 1?' }).getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText(/Published as version 1/).waitFor();
    await check(page, 'editor-published');
  });

  it('learner finds it in the catalog, drafts evidence that autosaves, uploads a file and submits', async () => {
    const page = pages.learner;
    await page.goto('/app/catalog');
    await fill(page, 'Search', 'restorative');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: MC }).click();
    await page.getByRole('heading', { level: 1, name: MC }).waitFor();
    await page.getByRole('heading', { name: 'Learning goal' }).waitFor();
    await check(page, 'catalog-detail');
    await page
      .getByRole('button', { name: `Start: ${MC}` })
      .first()
      .click();
    await page.waitForURL(/\/app\/me\/submissions\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: MC }).waitFor();

    await fill(page, 'Your response for evidence 1', 'Opening question: what does respect look like in our room?');
    await page
      .getByText(/^Saved /)
      .first()
      .waitFor();
    // Leave and come back: the draft was saved on the server.
    await page.reload();
    assert.equal(
      await field(page, 'Your response for evidence 1').inputValue(),
      'Opening question: what does respect look like in our room?',
    );

    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Upload a file for evidence 2').click();
    await (
      await chooser
    ).setFiles({
      name: 'agreements.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Circle agreements: one voice at a time; speak from the heart.\n'),
    });
    await page.getByRole('link', { name: 'agreements.txt' }).waitFor();
    await fill(page, 'Your response for evidence 3', 'Students who rarely speak shared; two conflicts were repaired.');
    await check(page, 'submission-draft');
    await page.getByRole('button', { name: 'Submit for assessment' }).click();
    // Submitting asks for confirmation first (issue 14).
    await page.getByRole('dialog', { name: 'Submit for assessment?' }).getByRole('button', { name: 'Submit now' }).click();
    await page.getByText('With the assessors').waitFor();
    await check(page, 'submission-submitted');
  });

  it('assessor claims it from the queue and asks for revision on one criterion', async () => {
    const page = pages.assessor;
    await page.goto(`/app/orgs/${ORG.slug}/queue`);
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    // Blind review: the learner's name is not shown.
    assert.equal(await page.getByText(LEARNER.name).count(), 0);
    await check(page, 'queue');
    await page.getByRole('link', { name: MC }).click();
    await page.getByRole('button', { name: 'Claim this submission' }).click();
    await page.getByRole('heading', { name: 'Score the evidence' }).waitFor();
    assert.equal(await page.getByText(LEARNER.name).count(), 0, 'the scoring page is blind too');
    await page.getByRole('link', { name: 'agreements.txt' }).waitFor();
    for (const [i, name] of CRITERIA.entries()) {
      await page
        .getByRole('radiogroup', { name: `Level for ${name}` })
        .getByLabel(i === 2 ? 'Beginning' : 'Proficient')
        .check();
      await fill(
        page,
        `Feedback on ${name}`,
        i === 2 ? 'Say what changed for specific students, with examples.' : 'Clear and well evidenced.',
      );
    }
    await page.getByLabel('Needs revision: the learner revises the criteria not yet met').check();
    await check(page, 'review-scoring');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Returned to the learner for revision.').waitFor();
  });

  it('learner sees the feedback and revises only the unmet criterion', async () => {
    const page = pages.learner;
    await page.goto('/app/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await check(page, 'notifications');
    await page.goto('/app/me/submissions');
    await page.getByRole('link', { name: MC }).click();
    await page.getByText('Revise and resubmit').waitFor();
    await page.getByText('Say what changed for specific students, with examples.').waitFor();
    // Evidence for a met criterion is locked: shown as content, with no field to edit (or a disabled one).
    const met = field(page, 'Your response for evidence 1');
    assert.ok((await met.count()) === 0 || (await met.isDisabled()), 'evidence for a met criterion is locked');
    // The file for a met criterion is locked: no control to replace it, or a disabled one.
    const replace = page.getByLabel('Replace the file for evidence 2');
    assert.ok((await replace.count()) === 0 || (await replace.isDisabled()), 'the file for a met criterion is locked');
    const reflection = field(page, 'Your response for evidence 3');
    assert.ok(await reflection.isEnabled());
    await reflection.fill('Maya and Theo, who rarely speak, led the closing round; the lunch-line conflict was repaired in the circle.');
    await check(page, 'submission-revision');
    await page.getByRole('button', { name: 'Resubmit for assessment' }).click();
    await page.getByRole('dialog', { name: 'Resubmit for assessment?' }).getByRole('button', { name: 'Resubmit now' }).click();
    await page.getByText('With the assessors').waitFor();
  });

  it('assessor passes the revision', async () => {
    const page = pages.assessor;
    await page.goto(`/app/orgs/${ORG.slug}/queue`);
    await page.getByRole('link', { name: MC }).click();
    await page.getByRole('button', { name: 'Claim this submission' }).click();
    await page.getByRole('heading', { name: 'Score the evidence' }).waitFor();
    // Met criteria carry their earlier scores; the reopened one is scored again.
    assert.ok(
      await page
        .getByRole('radiogroup', { name: `Level for ${CRITERIA[0]}` })
        .getByLabel('Proficient')
        .isChecked(),
    );
    await page
      .getByRole('radiogroup', { name: `Level for ${CRITERIA[2]}` })
      .getByLabel('Proficient')
      .check();
    await fill(page, `Feedback on ${CRITERIA[2]}`, 'Specific, student-centred reflection.');
    await page.getByLabel('Pass: every criterion is at its required level').check();
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Passed. The credential is issued to the learner.').waitFor();
    await check(page, 'review-passed');
  });

  it('learner sees the credential, and its JSON verifies with tessera verify', async () => {
    const page = pages.learner;
    let found = false;
    for (let i = 0; i < 50 && !found; i++) {
      await page.goto('/app/me/credentials');
      await page.getByRole('heading', { level: 1, name: 'My credentials' }).waitFor();
      await page.waitForLoadState('networkidle');
      found = (await page.getByRole('heading', { name: MC }).count()) > 0;
      if (!found) await page.waitForTimeout(300);
    }
    assert.ok(found, 'the credential is issued within 15 s');
    await check(page, 'my-credentials');
    const href = await page.getByRole('link', { name: 'Signed credential (JSON)' }).getAttribute('href');
    assert.ok(href);
    const credential = await (await fetch(new URL(href, server.baseUrl))).json();
    assert.ok(credential.type.includes('OpenBadgeCredential') || credential.type.includes('AchievementCredential'));
    assert.equal(credential.credentialSubject.result.length, 3, 'one result per criterion');

    // Everything a verifier would fetch, mapped to local files for the offline CLI.
    const dir = await mkdtemp(join(tmpdir(), 'tessera-e2e-verify-'));
    try {
      const did = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
      const didPath = did
        .replace(/^did:web:[^:]+/, '')
        .split(':')
        .map(decodeURIComponent)
        .join('/');
      const host = decodeURIComponent(did.split(':')[2]);
      /** @type {Record<string, string>} */
      const map = {};
      const urls = [[`https://${host}${didPath}/did.json`, `${server.baseUrl}${didPath}/did.json`]];
      for (const entry of [credential.credentialStatus].flat()) urls.push([entry.statusListCredential, entry.statusListCredential]);
      for (const [i, [url, source]] of urls.entries()) {
        const res = await fetch(source);
        assert.equal(res.status, 200, `${source} is served`);
        await writeFile(join(dir, `${i}.json`), await res.text());
        map[url] = `${i}.json`;
      }
      await writeFile(join(dir, 'map.json'), JSON.stringify(map));
      await writeFile(join(dir, 'credential.json'), JSON.stringify(credential));
      const cli = spawnSync(
        process.execPath,
        [
          join(ROOT, 'packages/server/bin/tessera.js'),
          'verify',
          join(dir, 'credential.json'),
          '--documents',
          join(dir, 'map.json'),
          '--json',
        ],
        { encoding: 'utf8' },
      );
      assert.equal(cli.status, 0, `tessera verify exit code; stdout: ${cli.stdout} stderr: ${cli.stderr}`);
      assert.equal(JSON.parse(cli.stdout).verdict, 'valid');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('owner sees the issued credential and can revoke it with a reason', async () => {
    const page = pages.designer;
    await page.goto(`/app/orgs/${ORG.slug}/credentials`);
    await page.getByRole('heading', { level: 1, name: 'Issued credentials' }).waitFor();
    await check(page, 'issued-credentials');
    // By default a credential carries one (revocation) status entry, as OB 3.0's schema requires: no Suspend.
    assert.equal(await page.getByRole('button', { name: /^Suspend / }).count(), 0);
    const toggle = page.getByRole('switch', { name: 'Issue new credentials with a suspension list too' });
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    await page.getByText('Saved: new credentials carry a suspension list as well.').waitFor();
    assert.equal((await apiCall(page, 'GET', `/orgs/${ORG.slug}`)).body.suspensionEnabled, true);
    await toggle.uncheck();
    await page.getByText('Saved: new credentials carry a revocation list only.').waitFor();
    assert.equal((await apiCall(page, 'GET', `/orgs/${ORG.slug}`)).body.suspensionEnabled, false);
    await page.getByRole('button', { name: /^Revoke / }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'revoke-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Give a reason').waitFor();
    await fill(page.getByRole('dialog'), 'Reason', 'Issued in error during a pilot');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Issued in error during a pilot').waitFor();
    const audit = await apiCall(page, 'GET', `/orgs/${ORG.slug}/audit`);
    assert.match(JSON.stringify(audit.body), /credential\.revoked/);
  });

  it('keeps the document title in step with the page', async () => {
    const title = await pages.learner.evaluate(() => document.title);
    assert.equal(title, 'My credentials · Tessera');
  });
});

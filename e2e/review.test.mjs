/* global document, window, HTMLImageElement -- code passed to page.evaluate runs in the browser */
// The reviewer workspace (issue 14): an assessor filters the queue and claims from a row, reads the evidence
// beside the rubric with an inline image preview and folded long text, sends an incomplete review and gets
// plain messages with focus on the first problem, completes it, and goes on with "Next submission".
// Every page is screenshotted at 375 and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { apiCall, PASSWORD, bothWidths, browserJourney, fill, fromOutbox, pageChecker } from './support.mjs';

const check = pageChecker('review');
/** Screenshot and axe at 375 px, where nothing may scroll sideways, then at 1280 px. */
const checkBoth = bothWidths(check, { noSideways: true });
const ORG = { slug: 'harbour', name: 'Harbour Teachers Institute' };
const MC = 'Leading Restorative Circles';
const CRITERIA = ['Plans the circle', 'Facilitates equitably', 'Reflects on impact'];

/** A small real PNG (a colour gradient), so the preview has something to draw. */
function gradientPng(width = 240, height = 150) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.round((x / width) * 200) + 30;
      row[2 + x * 3] = Math.round((y / height) * 160) + 60;
      row[3 + x * 3] = 170;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const levels = (what) => [
  { id: 'l1', name: 'Beginning', description: `${what}: not yet evident`, points: 1 },
  { id: 'l2', name: 'Developing', description: `${what}: partly evident`, points: 2 },
  { id: 'l3', name: 'Proficient', description: `${what}: consistently evident`, points: 3 },
];
const CONTENT = {
  name: MC,
  description: 'Teachers plan and lead restorative circles that build community and repair harm.',
  learningGoal: 'Lead a restorative circle in which every student has a voice.',
  competency: 'The educator plans, facilitates and reflects on restorative circles.',
  criteriaNarrative: 'Submit a plan, a photo of the circle agreements, and a reflection.',
  skills: ['Restorative practice'],
  evidenceRequirements: [
    { id: 'plan', prompt: 'Share your circle plan with its opening question.', kinds: ['text'], required: true, criterionIds: ['c1'] },
    { id: 'artefact', prompt: 'Upload a photo of the agreements the circle wrote.', kinds: ['file'], required: true, criterionIds: ['c2'] },
    { id: 'reflection', prompt: 'Reflect on what changed for your students.', kinds: ['text'], required: true, criterionIds: ['c3'] },
  ],
  rubric: {
    criteria: CRITERIA.map((name, i) => ({
      id: `c${i + 1}`,
      name,
      description: `Evidence that the teacher ${name.toLowerCase()}.`,
      levels: levels(name),
      requiredLevelId: 'l2',
    })),
  },
  maxAttempts: 3,
};
const LONG_PLAN = Array.from(
  { length: 24 },
  (_, i) =>
    `Step ${i + 1}: the circle keeper invites each student to speak in turn, holding the talking piece, and names the agreement the group made for this part of the circle.`,
).join('\n');

describe('reviewer workspace: queue → split view → plain validation → next submission', () => {
  const { newPage } = browserJourney();
  /** @type {import('playwright-core').Page} */
  let assessor;
  /** @type {string[]} */
  const submissionIds = [];

  /** @param {string} name @param {string} email */
  async function signedIn(name, email) {
    const page = await newPage();
    await page.goto('/app/signin');
    assert.equal((await apiCall(page, 'POST', '/auth/signup', { name, email, password: PASSWORD })).status, 202);
    assert.equal((await apiCall(page, 'POST', '/auth/signin', { email, password: PASSWORD })).status, 200);
    return page;
  }

  /** A learner starts, fills and submits the evidence; returns the submission id. */
  async function learnerSubmits(name, email) {
    const page = await signedIn(name, email);
    const catalog = await apiCall(page, 'GET', `/catalog?q=${encodeURIComponent(MC)}`);
    const achievementId = catalog.body.items[0].achievementId;
    const sid = (await apiCall(page, 'POST', `/catalog/${achievementId}/start`)).body.id;
    assert.equal((await apiCall(page, 'PUT', `/me/submissions/${sid}/evidence/plan`, { kind: 'text', text: LONG_PLAN })).status, 200);
    const png = gradientPng().toString('base64');
    const file = await page.evaluate(async (b64) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const form = new FormData();
      form.set('file', new Blob([bytes], { type: 'image/png' }), 'circle-agreements.png');
      form.set('purpose', 'evidence');
      const res = await fetch('/api/v1/files', { method: 'POST', body: form, headers: { 'x-csrf-token': session.csrfToken } });
      return { status: res.status, body: await res.json() };
    }, png);
    assert.equal(file.status, 201, JSON.stringify(file.body));
    assert.equal(
      (await apiCall(page, 'PUT', `/me/submissions/${sid}/evidence/artefact`, { kind: 'file', fileId: file.body.id })).status,
      200,
    );
    assert.equal(
      (
        await apiCall(page, 'PUT', `/me/submissions/${sid}/evidence/reflection`, {
          kind: 'text',
          text: 'Two quiet students led the closing round.',
        })
      ).status,
      200,
    );
    const submitted = await apiCall(page, 'POST', `/me/submissions/${sid}/submit`);
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    await page.context().close();
    return sid;
  }

  before(async () => {
    const owner = await signedIn('Olu Owner', 'olu@harbour.example');
    assert.equal((await apiCall(owner, 'POST', '/orgs', { slug: ORG.slug, name: ORG.name, doubleScorePercent: 0 })).status, 201);
    assessor = await signedIn('Asha Assessor', 'asha@harbour.example');
    assert.equal(
      (await apiCall(owner, 'POST', `/orgs/${ORG.slug}/invitations`, { email: 'asha@harbour.example', role: 'assessor' })).status,
      201,
    );
    const token = await fromOutbox(owner, /\/app\/invitations\/([A-Za-z0-9_-]+)/, 'asha@harbour.example');
    assert.equal((await apiCall(assessor, 'POST', `/invitations/${token}/accept`)).status, 200);
    const created = await apiCall(owner, 'POST', `/orgs/${ORG.slug}/achievements`, CONTENT);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const published = await apiCall(owner, 'POST', `/orgs/${ORG.slug}/achievements/${created.body.id}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    await owner.context().close();
    submissionIds.push(await learnerSubmits('Lee Learner', 'lee@learners.example'));
    submissionIds.push(await learnerSubmits('Kim Learner', 'kim@learners.example'));
  });

  it('tells the assessor about each new submission in the app', async () => {
    let titles = [];
    for (let i = 0; i < 50 && titles.length < 2; i++) {
      titles = (await apiCall(assessor, 'GET', '/me/notifications')).body.map((n) => n.title).filter((t) => t.includes('to review'));
      if (titles.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(titles, [`New submission to review: “${MC}”`, `New submission to review: “${MC}”`]);
  });

  it('shows the queue as cards on a phone and a table on a wide screen, filters it, and claims from a row', async () => {
    const page = assessor;
    await page.goto(`/app/orgs/${ORG.slug}/queue`);
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await page.getByText('2 submissions').waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    const cards = page.getByRole('list', { name: 'Submissions waiting for review' });
    await cards.waitFor();
    assert.equal(await cards.getByRole('listitem').count(), 2);
    assert.equal(await page.getByRole('table').isVisible(), false, 'no off-screen table columns at 375 px');
    await checkBoth(page, 'queue');
    assert.equal(await cards.isVisible(), false, 'the cards give way to the table at 1280 px');
    // Status badges are whole words at 1280 px, never "SUBMIT…".
    const badge = page.getByRole('table').getByText('Submitted', { exact: true }).first();
    const clipped = await badge.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert.equal(clipped, false, 'the state badge is not truncated');

    await page.getByRole('textbox', { name: 'Claimed', exact: true }).click();
    await page.getByRole('option', { name: 'Claimed by me' }).click();
    await page.getByRole('heading', { name: 'Nothing matches these filters' }).waitFor();
    assert.match(page.url(), /claim=mine/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('2 submissions').waitFor();

    const table = page.getByRole('table');
    await table
      .getByRole('button', { name: /^Claim / })
      .first()
      .click();
    await page.getByText(/You claimed “Leading Restorative Circles”/).waitFor();
    await table.getByText('Claimed by you').waitFor();
    await check(page, 'queue-claimed-1280');
    await table.getByRole('link', { name: /^Review / }).click();
    await page.waitForURL(new RegExp(`/submissions/${submissionIds[0]}$`));
  });

  it('puts the rubric beside the evidence on a wide screen, with an image preview and long text folded', async () => {
    const page = assessor;
    await page.getByRole('heading', { name: 'Score the evidence' }).waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence', exact: true });
    const scoring = page.getByRole('complementary', { name: 'Scoring' });
    const e = await evidence.boundingBox();
    const s = await scoring.boundingBox();
    assert.ok(e && s && s.x >= e.x + e.width - 1, `the scoring rubric sits to the right of the evidence (${JSON.stringify({ e, s })})`);
    await scoring.getByText('consistently evident').first().waitFor();
    await scoring.getByText('Required to pass').first().waitFor();
    const img = page.getByRole('img', { name: 'Evidence 2: circle-agreements.png' });
    await img.waitFor();
    // Wait for the image to finish loading (or fail), then check that it decoded at its real size.
    const loaded = await img.evaluate(
      (el) =>
        new Promise((resolve) => {
          if (!(el instanceof HTMLImageElement)) return resolve(false);
          const done = () => resolve(el.naturalWidth === 240);
          if (el.complete) return done();
          el.addEventListener('load', done, { once: true });
          el.addEventListener('error', () => resolve(false), { once: true });
        }),
    );
    assert.ok(loaded, 'the image preview loaded');
    await page.getByRole('button', { name: /^Show all of Evidence 1/ }).waitFor();
    await page.getByRole('button', { name: /^Show all of Evidence 1/ }).click();
    await page.getByText('Step 24: the circle keeper').waitFor();
    // Scrolled down the evidence, the rubric is still in view (sticky).
    await page.getByText('Step 24: the circle keeper').scrollIntoViewIfNeeded();
    const stuck = await scoring.boundingBox();
    assert.ok(stuck && stuck.y >= 0 && stuck.y < 200, `the rubric panel stays on screen (${JSON.stringify(stuck)})`);
    await page.setViewportSize({ width: 375, height: 800 });
    // Let the unfolded text reflow, then measure both in one go (scroll anchoring moves the viewport while it does).
    await page.waitForTimeout(400);
    const stacked = await page.evaluate(() => {
      const ev = document.getElementById('evidence-title')?.closest('section')?.getBoundingClientRect();
      const sc = document.querySelector('aside[aria-label="Scoring"]')?.getBoundingClientRect();
      return ev && sc ? { evidenceBottom: ev.bottom, evidenceLeft: ev.left, scoringTop: sc.top, scoringLeft: sc.left } : null;
    });
    assert.ok(
      stacked && stacked.scoringTop >= stacked.evidenceBottom - 1 && Math.abs(stacked.scoringLeft - stacked.evidenceLeft) < 2,
      `on a phone the rubric comes after the evidence (${JSON.stringify(stacked)})`,
    );
    await checkBoth(page, 'split-view');
  });

  it('answers an incomplete review with plain messages beside the fields and at the top, and focuses the first problem', async () => {
    const page = assessor;
    await page.evaluate(() => window.scrollTo(0, 0));
    await fill(page, `Feedback on ${CRITERIA[0]}`, 'A clear plan with an inviting opening question.');
    await page.getByRole('button', { name: 'Submit review' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'things to fix before sending' });
    await summary.waitFor();
    for (const m of [
      `Choose a level for ‘${CRITERIA[0]}’`,
      `Write feedback for ‘${CRITERIA[1]}’`,
      `Choose a level for ‘${CRITERIA[2]}’`,
      'Choose pass or ask for a revision',
    ]) {
      await summary.getByRole('link', { name: m }).waitFor();
      assert.equal(await page.getByText(m, { exact: true }).count(), 2, `"${m}" is shown beside its field and in the summary`);
    }
    assert.equal(await page.getByText(`Write feedback for ‘${CRITERIA[0]}’`).count(), 0);
    assert.equal(await page.getByText(/Too small|Invalid option|expected one of/).count(), 0, 'no developer text');
    await page.waitForFunction(
      () =>
        document.activeElement?.closest('#review-scores-0-levelId') !== null && document.activeElement?.getAttribute('type') === 'radio',
    );
    await checkBoth(page, 'review-errors');
  });

  it('sends the completed review, then "Next submission" opens the next waiting one, claimed for me', async () => {
    const page = assessor;
    for (const [i, name] of CRITERIA.entries()) {
      await page
        .getByRole('radiogroup', { name: `Level for ${name}` })
        .getByLabel(/^Proficient/)
        .check();
      if (i > 0) await fill(page, `Feedback on ${name}`, 'Well evidenced.');
    }
    assert.equal(await page.getByText(`Choose a level for ‘${CRITERIA[0]}’`).count(), 0, 'fixed fields lose their message');
    await page.getByLabel('Pass: every criterion is at its required level').check();
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Passed. The credential is issued to the learner').waitFor();
    await page.getByRole('link', { name: 'Back to queue' }).waitFor();
    await checkBoth(page, 'decided');
    await page.getByRole('button', { name: 'Next submission' }).click();
    await page.waitForURL(new RegExp(`/submissions/${submissionIds[1]}$`));
    await page.getByRole('heading', { name: 'Score the evidence' }).waitFor();
    await page.getByText(/^Claimed by you/).waitFor();
    await check(page, 'next-submission-1280');
  });
});

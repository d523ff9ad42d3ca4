/* global document, DataTransfer, ClipboardEvent -- code passed to page.evaluate runs in the browser */
// The learner's evidence editor, My learning, the wallet and the verifier (issue 14), on the demo data:
// the demo learner starts a micro-credential, gives a link (and is asked before a kind switch would drop it) and a
// file, is told which required items are missing (focus moves to the first), has an over-limit paste refused with
// a message, confirms before submitting and then sees the evidence as readable content. A revoked credential's
// submission no longer says plainly "Passed". The verifier shows a tampered credential's claims as UNVERIFIED,
// names every check in words, and checks a recipient's email against the hashed identity. The wallet uses the same
// plain check names. Every page is screenshotted at 375 px and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apiCall, bothWidths, browserJourney, pageChecker } from './support.mjs';

const check = pageChecker('learner');
const LEARNER = 'learner@riverside.example';
const NEW_MC = 'Using Interactive Simulations';
const LINK = 'https://portfolio.riverside.example/alex/predictions';
const VERIFIED_MC = 'Designing Effective Online Assessments';
const REVOKED_MC = 'Using the LMS Effectively';

describe('learner: evidence editor, my learning, wallet and verifier', () => {
  const { newPage, signedIn } = browserJourney({ seed: true });
  /** @type {import('playwright-core').Page} */
  let learner;
  let submissionId = '';
  /** The signed JSON of the learner's valid credential. */
  let credentialJson = '';

  /**
   * Badge labels cut short ("SUBMIT…"): wider or taller than their box.
   * @param {import('playwright-core').Page} page
   */
  function truncatedBadges(page) {
    return page.evaluate(() =>
      [...document.querySelectorAll('.mantine-Badge-label')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent),
    );
  }

  /** Screenshot and axe at 375 px, then at 1280 px; no sideways scrolling on a phone and no truncated badge at either size. */
  const checkBoth = bothWidths(check, {
    noSideways: true,
    each: async (page, name, width) => assert.deepEqual(await truncatedBadges(page), [], `${name}: badges truncated at ${width} px`),
  });

  /**
   * The card of one evidence item.
   * @param {import('playwright-core').Page} page
   * @param {number} n
   */
  const card = (page, n) => page.getByRole('region', { name: new RegExp(`^Evidence ${n}\\b`) });

  before(async () => {
    learner = await signedIn(LEARNER);
    const catalog = await apiCall(learner, 'GET', `/catalog?q=${encodeURIComponent(NEW_MC)}`);
    const entry = catalog.body.items.find((/** @type {{ content: { name: string } }} */ i) => i.content.name === NEW_MC);
    assert.ok(entry, `${NEW_MC} is in the demo catalog`);
    const started = await apiCall(learner, 'POST', `/catalog/${entry.achievementId}/start`);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    submissionId = started.body.id;
  });

  it('keeps a typed link when switching kinds (after asking), keeps a file, names missing items, refuses an over-limit paste, confirms before submitting', async () => {
    const page = learner;
    await page.goto(`/app/me/submissions/${submissionId}`);
    await page.getByRole('heading', { level: 1, name: NEW_MC }).waitFor();

    // Evidence 2 accepts a file or a link: give a link.
    await card(page, 2).getByText('Link', { exact: true }).click();
    await card(page, 2).getByLabel('Link for evidence 2').fill(LINK);
    await card(page, 2)
      .getByText(/^Saved /)
      .waitFor();
    // Switching to the file tab would drop the link: the editor asks first, and "Keep my link" keeps it.
    await card(page, 2).getByText('File upload', { exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch evidence 2 to file upload?' });
    await dialog.getByText(`would replace your link ${LINK}`, { exact: false }).waitFor();
    await checkBoth(page, 'switch-kind-dialog');
    await dialog.getByRole('button', { name: 'Keep my link' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await card(page, 2).getByLabel('Link for evidence 2').inputValue(), LINK);

    // Evidence 1: a file.
    await card(page, 1)
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'lesson-plan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% PhET lesson plan\n%%EOF\n'),
      });
    await card(page, 1).getByRole('link', { name: 'lesson-plan.pdf' }).waitFor();
    await card(page, 1)
      .getByText(/^Saved /)
      .waitFor();

    // Submitting with the reflection missing names it, on its card and in the summary, and moves focus there.
    await page.getByRole('button', { name: 'Submit for assessment' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'One required item is missing' });
    await summary.getByRole('button', { name: 'Evidence 3 is required: Write a response.' }).waitFor();
    await card(page, 3).getByText('Evidence 3 is required: Write a response.').waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')),
      'evidence-reflection-title',
      'focus moves to the first missing item',
    );
    assert.equal(await page.getByRole('dialog').count(), 0, 'no confirmation while something is missing');
    await checkBoth(page, 'missing-evidence');

    // A 120,000-character paste is refused whole, with a message; nothing is cut.
    const reflection = card(page, 3).getByLabel('Your response for evidence 3');
    await reflection.evaluate((el, n) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(n));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 120_000);
    await card(page, 3)
      .getByText('Nothing was pasted: the result would be 120,000 characters and the limit is 50,000', { exact: false })
      .waitFor();
    assert.equal(await reflection.inputValue(), '');
    await checkBoth(page, 'paste-refused');

    const text = 'Students predicted the pendulum period would depend on mass; after the simulation, most explained it depends on length.';
    await reflection.fill(text);
    await card(page, 3).getByText(`${text.length} / 50,000 characters`).waitFor();
    await card(page, 3)
      .getByText(/^Saved /)
      .waitFor();
    // The missing message goes once the item is given.
    await card(page, 3).getByText('Evidence 3 is required', { exact: false }).waitFor({ state: 'hidden' });

    // Submit asks first, summarising what is sent.
    await page.getByRole('button', { name: 'Submit for assessment' }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit for assessment?' });
    await confirm.getByText('the file “lesson-plan.pdf”', { exact: false }).waitFor();
    await confirm.getByText(`the link ${LINK}`, { exact: false }).waitFor();
    await checkBoth(page, 'confirm-submit');
    await confirm.getByRole('button', { name: 'Submit now' }).click();
    await page.getByText('With the assessors').waitFor();

    // Submitted evidence reads as content, not as disabled inputs; nothing says "already met" before a review.
    await page.getByRole('link', { name: LINK }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('textbox').count(), 0);
    assert.equal(await page.getByText('Replace the file').count(), 0);
    assert.equal(await page.getByText(/already met/).count(), 0);
    await checkBoth(page, 'submitted-read-only');

    // Both kinds of evidence were kept.
    const saved = await apiCall(page, 'GET', `/me/submissions/${submissionId}`);
    const byId = Object.fromEntries(saved.body.evidence.map((/** @type {{ requirementId: string }} */ e) => [e.requirementId, e]));
    assert.equal(byId['student-work']?.url, LINK);
    assert.equal(byId['plan']?.file?.name, 'lesson-plan.pdf');
    assert.equal(saved.body.state, 'submitted');
  });

  it('shows "Passed — credential revoked" in My learning once the issuer revokes it, with badges never cut short', async () => {
    const owner = await signedIn('owner@riverside.example');
    const mine = await apiCall(learner, 'GET', '/me/credentials');
    const revoke = mine.body.find((/** @type {{ achievementName: string }} */ c) => c.achievementName === REVOKED_MC);
    const valid = mine.body.find((/** @type {{ achievementName: string }} */ c) => c.achievementName === VERIFIED_MC);
    assert.ok(revoke && valid, 'the demo learner has both credentials');
    const r = await apiCall(owner, 'POST', `/orgs/riverside/credentials/${encodeURIComponent(revoke.id)}/revoke`, {
      reason: 'Issued in error',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    credentialJson = await learner.evaluate(async (url) => (await fetch(url)).text(), valid.jsonUrl);

    await learner.goto('/app/me/submissions');
    const row = learner.getByRole('row').filter({ hasText: REVOKED_MC });
    await row.getByText('Passed — credential revoked').waitFor();
    assert.equal(await learner.getByRole('row').filter({ hasText: VERIFIED_MC }).getByText('Passed', { exact: true }).count(), 1);
    await checkBoth(learner, 'my-learning');
  });

  it('verifier: a tampered credential’s claims are UNVERIFIED; checks have plain names; the recipient email check matches or not', async () => {
    const visitor = await newPage();
    await visitor.goto('/app/verify');
    const tampered = JSON.parse(credentialJson);
    tampered.credentialSubject.achievement.name = 'Brain Surgery (Advanced)';
    await visitor.getByLabel('Credential (JSON or compact JWT)').fill(JSON.stringify(tampered));
    await visitor.getByRole('button', { name: 'Verify', exact: true }).click();
    const claims = visitor.getByRole('region', { name: 'What the credential claims' });
    await claims.getByText('Nothing below can be trusted').waitFor();
    await claims.getByText('Unverified', { exact: true }).waitFor();
    assert.equal(await claims.getAttribute('data-verified'), 'false');
    await claims.getByText('Achievement (claimed)').waitFor();
    const checks = visitor.getByRole('list', { name: 'Verification steps' });
    await checks.getByText('Digital signature', { exact: false }).first().waitFor();
    const stepText = await checks.innerText();
    assert.doesNotMatch(stepText, /^(parse|proof|schema|status)\b/m, 'no raw step ids');
    // Dates for people, not ISO strings.
    assert.doesNotMatch(await claims.innerText(), /\d{4}-\d{2}-\d{2}T/);
    await checkBoth(visitor, 'verify-tampered');

    // The untouched credential verifies; its recipient's email is checked in the browser against the salted hash.
    await visitor.getByLabel('Credential (JSON or compact JWT)').fill(credentialJson);
    await visitor.getByRole('button', { name: 'Verify', exact: true }).click();
    await claims.getByText('Verified', { exact: true }).waitFor();
    const email = visitor.getByRole('region', { name: 'Check a recipient’s email' });
    await email.getByLabel('Email address').fill(' Learner@Riverside.example ');
    await email.getByRole('button', { name: 'Check' }).click();
    await email.getByText('Matches', { exact: true }).waitFor();
    await checkBoth(visitor, 'verify-email-match');
    await email.getByLabel('Email address').fill('jordan@riverside.example');
    await email.getByRole('button', { name: 'Check' }).click();
    await email.getByText('Does not match', { exact: true }).waitFor();
    await checkBoth(visitor, 'verify-email-no-match');
  });

  it('wallet: an imported tampered credential shows the same plain check names', async () => {
    const tampered = JSON.parse(credentialJson);
    tampered.credentialSubject.achievement.name = 'Brain Surgery (Advanced)';
    await learner.goto('/app/me/wallet');
    await learner.getByRole('tab', { name: 'Paste JSON or JWT' }).click();
    await learner.getByLabel('Credential (JSON or compact JWT)').fill(JSON.stringify(tampered));
    await learner.getByRole('button', { name: 'Add to my wallet' }).click();
    const item = learner.getByRole('list', { name: 'Imported credentials' }).getByRole('listitem').first();
    await item.getByText('Checks', { exact: false }).first().click();
    const steps = item.getByRole('list', { name: /^Checks of / });
    await steps.getByText('Digital signature', { exact: false }).first().waitFor();
    assert.doesNotMatch(await steps.innerText(), /^(parse|proof|schema|status)\b/m, 'no raw step ids in the wallet');
    await checkBoth(learner, 'wallet-imported');
  });
});

/* global document, window -- code passed to page.evaluate runs in the browser */
// The micro-credential designer (issue 14): the demo designer starts a micro-credential, tries to leave with
// unsaved changes (the guard asks), sees which fields saving and publishing need, works through the publish
// checklist, publishes after a confirmation that says it is irreversible, publishes a second version, compares
// the two, and duplicates it. Every page is screenshotted at 375 px and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apiCall, bothWidths, browserJourney, field, fill, pageChecker } from './support.mjs';

const check = pageChecker('designer');
const ORG = 'riverside';
const MC = 'Questioning for Deeper Thinking';

describe('designer: guard, required markers, checklist, confirmed publish, compare, duplicate', () => {
  const { signedIn } = browserJourney({ seed: true });
  /** @type {import('playwright-core').Page} */
  let page;
  let achievementId = '';

  /** Screenshot and axe at 375 px, then at 1280 px; nothing may scroll sideways on a phone. */
  const checkBothWidths = bothWidths(check, { noSideways: true });
  /** @param {string} name */
  const checkBoth = (name) => checkBothWidths(page, name);

  /** The publish checklist. */
  const checklist = () => page.getByRole('group', { name: 'Before you publish' });

  before(async () => {
    page = await signedIn('designer@riverside.example');
  });

  it('marks what saving and publishing need, and guards unsaved changes', async () => {
    await page.goto(`/app/orgs/${ORG}/achievements`);
    await page.getByRole('heading', { level: 1, name: 'Micro-credentials' }).waitFor();
    await checkBoth('list');
    await page.getByRole('main').getByRole('link', { name: 'New micro-credential' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New micro-credential' }).waitFor();
    await page.getByText(/are required: “Needed to save” fields/).waitFor();
    assert.equal(await field(page, 'Name').getAttribute('required'), '', 'Name is required to save');
    assert.equal(await field(page, 'Description').getAttribute('required'), null, 'Description is only needed to publish');
    await checkBoth('new-editor');

    await fill(page, 'Name', MC);
    // Inside the app: the router's blocker asks first.
    await page.getByRole('navigation').getByRole('link', { name: 'Micro-credentials' }).first().click();
    const guard = page.getByRole('dialog', { name: 'Leave without saving?' });
    await guard.waitFor();
    await checkBoth('unsaved-guard');
    await guard.getByRole('button', { name: 'Stay on this page' }).click();
    await guard.waitFor({ state: 'hidden' });
    assert.equal(await field(page, 'Name').inputValue(), MC, 'staying keeps the edits');
    assert.match(new URL(page.url()).pathname, /\/achievements\/new$/);
    // Reloading or closing the tab: the browser's own prompt (a cancelled beforeunload).
    const prompted = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    assert.equal(prompted, true, 'beforeunload asks while there are unsaved changes');
  });

  it('refuses to publish an incomplete draft, saves it, and points at what is missing; messages clear when fixed', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Publishing saves the draft first: it gets its own address.
    await page.waitForURL(/\/achievements\/(?!new$)[^/]+$/);
    achievementId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByText('Describe the micro-credential').waitFor();
    // Focus moves to the checklist, which says what is still missing.
    await page.waitForFunction(() => document.activeElement?.id === 'publish-checklist');
    await checklist().getByText('3 of 8 ready', { exact: false }).waitFor();
    await checkBoth('publish-refused');

    // The checklist's link goes to the field; typing there clears its message at once.
    await checklist().getByRole('listitem').filter({ hasText: 'A description' }).getByRole('link').click();
    await page.waitForFunction(() => document.activeElement?.id === 'field-description');
    await page.keyboard.type('Teachers ask questions that require students to reason, justify and connect ideas.');
    await page.getByText('Describe the micro-credential').waitFor({ state: 'hidden' });
    assert.equal(await page.getByText('State the learning goal').count(), 1, 'the learning goal message stays until that field is fixed');

    await fill(page, 'Learning goal', 'Plan and ask questions that move students from recall to reasoning.');
    await fill(page, 'Criteria narrative', 'Submit a questioning plan and a reflection on how students answered.');
    await fill(page, 'Effort in hours (optional)', '2.5');
    await page.getByRole('button', { name: 'Add an evidence requirement' }).click();
    await fill(page, 'Prompt for evidence 1', 'Share your questioning plan with the questions you will ask.');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await fill(page, 'Name of criterion 1', 'Asks higher-order questions');
    await fill(page, 'What criterion 1 looks for', 'Questions require analysis, evaluation or synthesis.');
    for (let l = 1; l <= 3; l++)
      await fill(
        page,
        `Criterion 1 level ${l} description`,
        `Level ${l}: higher-order questions are ${['rare', 'sometimes present', 'consistent'][l - 1]}.`,
      );
    await checklist().getByText('Everything publishing needs is there.').waitFor();
    assert.equal(await page.getByText('State the learning goal').count(), 0, 'every message has cleared');
    await checkBoth('checklist-complete');
  });

  it('asks before publishing, saying it is irreversible, then publishes version 1', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish version 1?' });
    await confirm.waitFor();
    await confirm.getByText('Publishing cannot be undone').waitFor();
    await confirm.getByText('Learners who start from now on will earn this version', { exact: false }).waitFor();
    await checkBoth('publish-confirm');
    // Cancelling publishes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal((await apiCall(page, 'GET', `/orgs/${ORG}/achievements/${achievementId}`)).body.versions.length, 0);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await confirm.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText(/Published as version 1/).waitFor();
    const entry = await apiCall(page, 'GET', `/catalog/${achievementId}`);
    assert.equal(entry.status, 200);
    assert.equal(entry.body.content.effortHours, 2.5, 'the catalog entry carries the effort estimate');
  });

  it('publishes a second version and compares it with the first', async () => {
    await fill(page, 'Name', `${MC} in Science`);
    await fill(page, 'Effort in hours (optional)', '3');
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish version 2?' });
    await confirm.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText(/Published as version 2/).waitFor();

    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('heading', { name: 'Compare versions' }).waitFor();
    await page.getByRole('button', { name: 'Compare' }).click();
    const diffs = page.getByRole('list', { name: 'Differences between version 1 and version 2' });
    await diffs.waitFor();
    await page.getByText('2 fields changed from version 1 to version 2.').waitFor();
    const name = diffs.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Name' }) });
    await name.getByText(MC, { exact: true }).waitFor();
    await name.getByText(`${MC} in Science`, { exact: true }).waitFor();
    await diffs
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Effort in hours' }) })
      .getByText('2.5')
      .waitFor();
    await checkBoth('compare-versions');
  });

  it('duplicates it as a new draft "Copy of …"', async () => {
    await page.getByRole('button', { name: 'Duplicate micro-credential' }).click();
    await page.getByRole('heading', { level: 1, name: `Copy of ${MC} in Science` }).waitFor();
    await page.getByText(`This is a new draft copied from “${MC} in Science”`, { exact: false }).waitFor();
    const copyId = new URL(page.url()).pathname.split('/').at(-1);
    assert.notEqual(copyId, achievementId);
    const copy = await apiCall(page, 'GET', `/orgs/${ORG}/achievements/${copyId}`);
    assert.equal(copy.body.status, 'draft');
    assert.equal(copy.body.versions.length, 0);
    assert.equal(copy.body.draft.rubric.criteria.length, 1, 'the rubric is copied');
    await checkBoth('duplicated');
    // Nothing was edited: leaving does not ask.
    await page.getByRole('navigation').getByRole('link', { name: 'Micro-credentials' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Micro-credentials' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    await page.getByRole('link', { name: `Copy of ${MC} in Science` }).waitFor();
  });
});

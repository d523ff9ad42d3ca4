// Role-aware homes, the catalog's progress and the unread count (issue 14): a signed-out visitor presses Start in
// the catalog, signs in, comes back and starts; the demo learner's home shows work in progress, feedback and
// credentials; the nav shows the unread count until the notifications page is opened; the demo assessor's home
// shows the queue and "Start next" opens a submission; the owner sees the organisation overview.
// Every page is screenshotted at 375 px and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_PASSWORD, apiCall, bothWidths, browserJourney, fill, pageChecker } from './support.mjs';

const check = pageChecker('homes');
/** Screenshot and axe at 375 px, then at 1280 px; nothing may overflow sideways on a phone. */
const checkBoth = bothWidths(check, { noSideways: true });
const NOT_STARTED = 'Using Interactive Simulations';
const EARNED = 'Using the LMS Effectively';

describe('role-aware homes, catalog progress and the unread count', () => {
  const { newPage, signedIn } = browserJourney({ seed: true });

  /**
   * The catalog card of a micro-credential.
   * @param {import('playwright-core').Page} page
   * @param {string} name
   */
  function card(page, name) {
    return page
      .getByRole('list', { name: 'Micro-credentials' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name }) });
  }

  it('sends a signed-out Start to sign-in and back, where Start then works; earned ones say Earned', async () => {
    const page = await newPage();
    await page.goto('/app/catalog');
    const start = card(page, NOT_STARTED).getByRole('link', { name: `Start: ${NOT_STARTED} (sign in first)` });
    await start.waitFor();
    await checkBoth(page, 'catalog-signed-out');
    await start.click();
    await page.waitForURL(/\/app\/signin\?next=%2Fapp%2Fcatalog$/);
    await fill(page, 'Email', 'learner@riverside.example');
    await fill(page, 'Password', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/catalog$/);
    // Back on the catalog, signed in: the learner's own state is on every card, with no error boxes.
    const earned = card(page, EARNED);
    await earned.getByText('Earned', { exact: true }).waitFor();
    assert.equal(await earned.getByRole('button', { name: /^Start/ }).count(), 0, 'no Start on an earned credential');
    assert.match((await earned.getByRole('link', { name: `View credential: ${EARNED}` }).getAttribute('href')) ?? '', /\/credentials\//);
    await card(page, 'Facilitating Online Discussions').getByText('Needs revision', { exact: true }).waitFor();
    await card(page, 'Creating Accessible Online Content')
      .getByRole('link', { name: 'Continue: Creating Accessible Online Content' })
      .waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await checkBoth(page, 'catalog-signed-in');
    await card(page, NOT_STARTED)
      .getByRole('button', { name: `Start: ${NOT_STARTED}` })
      .click();
    await page.waitForURL(/\/app\/me\/submissions\/[^/]+$/);
    // The catalog now offers Continue for it.
    await page.goto('/app/catalog');
    await card(page, NOT_STARTED)
      .getByRole('link', { name: `Continue: ${NOT_STARTED}` })
      .waitFor();
    await page.context().close();
  });

  it("shows the demo learner's home: feedback waiting, in progress with evidence counts, earned; and the unread badge until notifications are opened", async () => {
    const page = await signedIn('learner@riverside.example');
    await page.goto('/app/');
    await page.getByRole('heading', { level: 2, name: 'Your learning' }).waitFor();
    const feedback = page.getByRole('list', { name: 'Feedback waiting' });
    await feedback.getByRole('link', { name: 'Revise: Facilitating Online Discussions' }).waitFor();
    const inProgress = page.getByRole('list', { name: 'In progress' });
    await inProgress.getByText('1 of 3 required evidence items').waitFor();
    await page.getByRole('list', { name: 'Earned credentials' }).getByRole('link', { name: EARNED }).waitFor();
    assert.equal(await page.getByText(/not in any organisation/i).count(), 0);
    const badge = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await badge.waitFor();
    await checkBoth(page, 'learner-home');
    await badge.click();
    await page.waitForURL(/\/app\/notifications$/);
    // Opening the page marks what it lists as read: the badge goes, and stays gone on the next page.
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await check(page, 'notifications-opened');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Your learning' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).count(), 0);
    const unread = await apiCall(page, 'GET', '/me/notifications/unread-count');
    assert.deepEqual(unread.body, { unread: 0 });
    await page.context().close();
  });

  it("shows the demo assessor's queue summary first, and Start next opens the oldest waiting submission", async () => {
    const page = await signedIn('assessor2@riverside.example');
    await page.goto('/app/');
    await page.getByRole('heading', { level: 2, name: 'Reviewing' }).waitFor();
    const first = await page.getByRole('heading', { level: 2 }).first().textContent();
    assert.equal(first, 'Reviewing');
    const summary = page.getByRole('list', { name: 'Review queue of Riverside School District' });
    await summary.getByText('Overdue').waitFor();
    await checkBoth(page, 'assessor-home');
    await page.getByRole('button', { name: 'Start next review in Riverside School District' }).click();
    await page.waitForURL(/\/app\/orgs\/riverside\/submissions\/[^/]+$/);
    // The home's heading stays up while the next screen loads (router transitions): wait for the new one.
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Welcome' }).waitFor();
    await check(page, 'assessor-started');
    await page.context().close();
  });

  it('shows the owner an overview of the organisation with links to the details', async () => {
    const page = await signedIn('owner@riverside.example');
    await page.goto('/app/');
    await page.getByRole('heading', { level: 2, name: 'Your organisations' }).waitFor();
    const overview = page.getByRole('list', { name: 'Riverside School District at a glance' });
    // Six micro-credentials and the pathway's certificate.
    await overview.getByRole('link', { name: /7\s*Published/ }).waitFor();
    await overview.getByRole('link', { name: /Failed jobs/ }).waitFor();
    await overview.getByRole('link', { name: /Awaiting review/ }).waitFor();
    await checkBoth(page, 'owner-home');
    await overview.getByRole('link', { name: /Awaiting review/ }).click();
    await page.waitForURL(/\/app\/orgs\/riverside\/queue$/);
    await page.context().close();
  });
});

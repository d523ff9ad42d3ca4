/* global document -- code passed to page.evaluate runs in the browser */
// Accounts in the browser: password reset through the dev outbox, sign-in errors and rate limiting,
// returning to the requested page after sign-in, keyboard use (skip link), the mobile layout and the
// not-found page. Every page visited is screenshotted to artifacts/e2e/ and checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD, field, fill, launchBrowser, pageChecker, startServer } from './support.mjs';

const check = pageChecker('account');

const ADMIN = { name: 'Ada Admin', email: 'ada@tessera.example' };
const LEARNER = { name: 'Lena Learner', email: 'lena@tessera.example' };
const NEW_PASSWORD = 'a brand new passphrase';
const MAX_ATTEMPTS = 4;

describe('accounts: reset, sign-in, keyboard and mobile', () => {
  /** @type {import('./support.mjs').RunningServer} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let admin;
  /** @type {import('playwright-core').Page} */
  let learner;
  /** @type {string[]} */
  const pageErrors = [];

  /** @param {import('playwright-core').Browser} b @param {{ width: number, height: number }} viewport */
  async function newPage(b, viewport = { width: 1280, height: 900 }) {
    const context = await b.newContext({ baseURL: server.baseUrl, viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  /** @param {import('playwright-core').Page} page @param {{ name: string, email: string }} who */
  async function signUp(page, who) {
    await page.goto('/app/signup');
    await fill(page, 'Name', who.name);
    await fill(page, 'Email', who.email);
    await fill(page, 'Password', PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
  }

  before(async () => {
    server = await startServer({ env: { TESSERA_SIGNIN_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
    browser = await launchBrowser();
    admin = await newPage(browser);
    learner = await newPage(browser);
    // The first account on a fresh installation is the platform admin who can read the outbox.
    await signUp(admin, ADMIN);
    await signUp(learner, LEARNER);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('moves keyboard focus to the content with the skip link', async () => {
    await admin.goto('/app/');
    await admin.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    await admin.keyboard.press('Tab');
    const focused = await admin.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    assert.equal(focused.text, 'Skip to main content', 'the skip link is the first stop');
    assert.ok(focused.visible >= 0, 'the skip link is visible when focused');
    await check(admin, 'skip-link-focused');
    await admin.keyboard.press('Enter');
    assert.equal(await admin.evaluate(() => document.activeElement?.id), 'main');
    // The next Tab reaches the first control in the main region.
    await admin.keyboard.press('Tab');
    assert.equal(await admin.evaluate(() => document.activeElement?.closest('main')?.id), 'main');
  });

  it('resets a forgotten password with the emailed link', async () => {
    await learner.getByRole('button', { name: `Account menu for ${LEARNER.name}` }).click();
    await learner.getByRole('menuitem', { name: 'Sign out' }).click();
    await learner.getByRole('heading', { level: 1, name: 'Sign in to Tessera' }).waitFor();

    await learner.getByRole('link', { name: 'Forgot your password?' }).click();
    await learner.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await check(learner, 'forgot-password');
    await fill(learner, 'Email', LEARNER.email);
    await learner.getByRole('button', { name: 'Send reset link' }).click();
    await learner.getByText(`If an account exists for ${LEARNER.email}`).waitFor();
    await check(learner, 'forgot-password-sent');

    // The admin reads the reset email in the dev outbox.
    await admin.goto('/app/admin/outbox');
    await admin.getByRole('heading', { level: 1, name: 'Dev outbox' }).waitFor();
    // The learner also has a sign-up verification email; the reset email is sent by a background job, so wait
    // for the message that carries the reset link.
    const message = admin
      .getByTestId('outbox-message')
      .filter({ hasText: LEARNER.email })
      .filter({ hasText: '/app/reset-password?token=' });
    const deadline = Date.now() + 20_000;
    while ((await message.count()) === 0) {
      assert.ok(Date.now() < deadline, 'the reset email did not reach the outbox within 20 s');
      await admin.waitForTimeout(500);
      await admin.getByRole('button', { name: 'Refresh' }).click();
    }
    const link = message.first().getByRole('link').filter({ hasText: '/app/reset-password?token=' });
    assert.equal(await link.count(), 1, 'the email has one reset link');
    const resetLink = (await link.getAttribute('href')) ?? '';
    await check(admin, 'outbox-reset');

    await learner.goto(resetLink);
    await learner.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await fill(learner, 'New password', NEW_PASSWORD);
    await fill(learner, 'Repeat the new password', 'something else entirely');
    await learner.getByRole('button', { name: 'Change password' }).click();
    await learner.getByText('The passwords do not match').waitFor();
    await check(learner, 'reset-password-mismatch');
    await fill(learner, 'Repeat the new password', NEW_PASSWORD);
    await learner.getByRole('button', { name: 'Change password' }).click();
    await learner.getByText('Your password has been changed. Sign in with the new one.').waitFor();

    // The link is single-use.
    await learner.goto(resetLink);
    await fill(learner, 'New password', 'yet another passphrase');
    await fill(learner, 'Repeat the new password', 'yet another passphrase');
    await learner.getByRole('button', { name: 'Change password' }).click();
    await learner.getByRole('alert').first().waitFor();
    await check(learner, 'reset-password-used-token');
  });

  it('explains a failed sign-in and returns to the requested page after signing in', async () => {
    await learner.goto('/app/settings');
    await learner.waitForURL(/\/app\/signin\?next=%2Fapp%2Fsettings/);
    await fill(learner, 'Email', LEARNER.email);
    await fill(learner, 'Password', PASSWORD); // the old password no longer works
    await learner.getByRole('button', { name: 'Sign in' }).click();
    const alert = learner.getByRole('alert');
    await alert.waitFor();
    assert.ok(((await alert.textContent()) ?? '').length > 0, 'the problem detail is shown');
    await check(learner, 'signin-error');

    await fill(learner, 'Password', NEW_PASSWORD);
    await learner.getByRole('button', { name: 'Sign in' }).click();
    await learner.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    assert.equal(new URL(learner.url()).pathname, '/app/settings');
    assert.equal(await field(learner, 'Email').inputValue(), LEARNER.email);
  });

  it('hides the dev outbox from accounts that are not platform admins', async () => {
    await learner.goto('/app/admin/outbox');
    await learner.getByText('Only platform admins can read the outbox').waitFor();
    const status = await learner.evaluate(async () => (await fetch('/api/v1/admin/outbox')).status);
    assert.equal(status, 403);
  });

  it('shows a not-found page for unknown addresses and organisations', async () => {
    await learner.goto('/app/no-such-page');
    await learner.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await check(learner, 'not-found');
    await learner.goto('/app/orgs/no-such-org');
    await learner.getByRole('alert').waitFor();
    assert.match((await learner.getByRole('alert').textContent()) ?? '', /not found|access/i);
    await check(learner, 'org-not-found');
  });

  it('collapses the navigation behind a burger on a phone', async () => {
    const phone = await newPage(browser, { width: 390, height: 844 });
    await phone.goto('/app/signin');
    await fill(phone, 'Email', ADMIN.email);
    await fill(phone, 'Password', PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    const nav = phone.getByRole('navigation', { name: 'Main navigation' });
    assert.equal(await nav.getByRole('link', { name: 'Account settings' }).isVisible(), false, 'navigation is collapsed');
    await check(phone, 'mobile-home');
    const burger = phone.getByRole('button', { name: 'Open navigation' });
    assert.equal(await burger.getAttribute('aria-expanded'), 'false');
    await burger.click();
    await nav.getByRole('link', { name: 'Account settings' }).waitFor({ state: 'visible' });
    assert.equal(await phone.getByRole('button', { name: 'Close navigation' }).getAttribute('aria-expanded'), 'true');
    await check(phone, 'mobile-navigation-open');
    await nav.getByRole('link', { name: 'Account settings' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    await nav.getByRole('link', { name: 'Account settings' }).waitFor({ state: 'hidden' });
    await check(phone, 'mobile-settings');
    await phone.context().close();
  });

  it('rate-limits repeated failed sign-ins', async () => {
    const page = await newPage(browser);
    await page.goto('/app/signin');
    await fill(page, 'Email', 'nobody@tessera.example');
    /** @type {string} */
    let last = '';
    for (let i = 0; i <= MAX_ATTEMPTS; i += 1) {
      await fill(page, 'Password', `wrong password ${i}`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/signin'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      const res = await answer;
      last = `${res.status()}`;
      await page.getByRole('alert').waitFor();
    }
    assert.equal(last, '429', 'the attempt after the limit is refused with 429');
    await page.getByText('Too many sign-in attempts', { exact: false }).waitFor();
    await check(page, 'signin-rate-limited');
    await page.context().close();
  });

  it('raised no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});

/* global document -- code passed to page.evaluate runs in the browser */
// The foundation journey (issue 2, item 13): sign up → create an organisation → invite a member →
// the member accepts via the link from the dev outbox → role limits enforced in the UI and the API.
// Every page visited is screenshotted to artifacts/e2e/ and checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD, field, fill, launchBrowser, pageChecker, startServer } from './support.mjs';

const check = pageChecker('journey');

const OWNER = { name: 'Olivia Owner', email: 'olivia@riverside.example' };
const MEMBER = { name: 'Victor Viewer', email: 'victor@riverside.example' };
const ORG = { name: 'Riverside Teachers Academy', slug: 'riverside-teachers-academy' };

describe('journey: organisation with an invited viewer', () => {
  /** @type {import('./support.mjs').RunningServer} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let owner;
  /** @type {import('playwright-core').Page} */
  let member;
  /** @type {string} */
  let invitationLink;
  /** @type {string[]} */
  const pageErrors = [];

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ownerContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    owner = await ownerContext.newPage();
    owner.setDefaultTimeout(10_000);
    owner.on('pageerror', (err) => pageErrors.push(`owner: ${err.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('redirects a visitor to sign-in and signs up the first account', async () => {
    await owner.goto('/app/');
    await owner.waitForURL(/\/app\/signin\?next=/);
    await owner.getByRole('heading', { level: 1, name: 'Sign in to Tessera' }).waitFor();
    await check(owner, 'signin');

    await owner.getByRole('link', { name: 'Create an account' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Create your Tessera account' }).waitFor();
    // Client-side validation with the shared zod schema shows errors next to the fields.
    await owner.getByRole('button', { name: 'Create account' }).click();
    await owner.getByText('Enter a name').waitFor();
    await owner.getByText('Enter a valid email address').waitFor();
    await check(owner, 'signup-errors');

    await fill(owner, 'Name', OWNER.name);
    await fill(owner, 'Email', OWNER.email);
    await fill(owner, 'Password', PASSWORD);
    await owner.getByRole('button', { name: 'Create account' }).click();

    await owner.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    assert.match(new URL(owner.url()).pathname, /^\/app\/?$/);
    // A newcomer is welcomed as a learner; creating an organisation is the secondary action.
    await owner.getByRole('heading', { name: 'Earn your first micro-credential' }).waitFor();
    await check(owner, 'home-empty');
  });

  it('creates an organisation and edits its profile', async () => {
    await owner.getByRole('main').getByRole('link', { name: 'Create an organisation' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Create an organisation' }).waitFor();
    await fill(owner, 'Name', ORG.name);
    assert.equal(await field(owner, 'Short name (slug)').inputValue(), ORG.slug, 'slug is suggested from the name');
    await check(owner, 'org-new');
    await owner.getByRole('button', { name: 'Create organisation' }).click();

    await owner.waitForURL(`**/app/orgs/${ORG.slug}`);
    await owner.getByRole('heading', { level: 1, name: 'Organisation profile' }).waitFor();
    await owner.getByRole('cell', { name: ORG.slug }).waitFor();
    const did = await owner.locator('pre, code').filter({ hasText: 'did:web:' }).first().textContent();
    assert.match(did ?? '', new RegExp(`^did:web:.+${ORG.slug}`), 'the organisation has a did:web');
    await check(owner, 'org-profile-owner');

    // The organisation switcher in the header lists the new membership.
    await owner.getByRole('textbox', { name: 'Switch organisation' }).first().click();
    await owner.getByRole('option', { name: ORG.name }).waitFor();
    await owner.keyboard.press('Escape');

    await owner.getByRole('button', { name: 'Edit profile' }).click();
    await owner.getByRole('heading', { name: 'Edit profile' }).waitFor();
    await fill(owner, 'Website', 'not a url');
    await owner.getByRole('button', { name: 'Save profile' }).click();
    await owner.getByText('Enter a URL starting with http:// or https://').waitFor();
    await check(owner, 'org-profile-edit-errors');
    await fill(owner, 'Website', 'https://riverside.example');
    await fill(owner, 'Description', 'Professional learning for <b>teachers</b> in the Riverside district.');
    await owner.getByRole('button', { name: 'Save profile' }).click();
    await owner.getByText('Profile saved.').waitFor();
    // User-supplied text is rendered as text, never as HTML.
    await owner.getByText('Professional learning for <b>teachers</b> in the Riverside district.').waitFor();
    assert.equal(await owner.locator('main b').count(), 0);
    await owner.getByRole('link', { name: 'https://riverside.example' }).waitFor();
  });

  it('invites a member by email', async () => {
    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Members' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await owner.getByRole('heading', { name: 'No invitations yet' }).waitFor();
    await check(owner, 'members-owner-empty-invitations');

    await fill(owner, 'Email', MEMBER.email);
    await owner.getByRole('textbox', { name: 'Role', exact: true }).click();
    await owner.getByRole('option', { name: 'Viewer' }).click();
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${MEMBER.email}.`).waitFor();
    const row = owner.getByRole('row').filter({ hasText: MEMBER.email });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /pending/);
    await check(owner, 'members-owner-invited');
  });

  it('shows the invitation email in the dev outbox with a clickable link', async () => {
    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dev outbox' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Dev outbox' }).waitFor();
    const message = owner.getByTestId('outbox-message').filter({ hasText: MEMBER.email });
    // Mail may be delivered by a background job: refresh until it is there.
    const deadline = Date.now() + 20_000;
    while ((await message.count()) === 0) {
      assert.ok(Date.now() < deadline, 'the invitation email did not reach the outbox within 20 s');
      await owner.waitForTimeout(500);
      await owner.getByRole('button', { name: 'Refresh' }).click();
    }
    const link = message.first().getByRole('link').filter({ hasText: '/app/invitations/' });
    assert.equal(await link.count(), 1, 'the email has one invitation link');
    invitationLink = (await link.getAttribute('href')) ?? '';
    assert.match(invitationLink, new RegExp(`^${server.baseUrl}/app/invitations/[^/?#]+$`));
    await check(owner, 'outbox');
  });

  it('refuses the invitation to an account with another email address', async () => {
    await owner.goto(invitationLink);
    await owner.getByRole('heading', { level: 1, name: 'Invitation to join an organisation' }).waitFor();
    await owner.getByText('Different email address').waitFor();
    await owner.getByRole('button', { name: 'Accept invitation' }).click();
    const alert = owner.getByRole('main').getByRole('alert');
    await alert.waitFor();
    assert.ok(((await alert.textContent()) ?? '').trim().length > 0, 'the problem detail is shown');
    await check(owner, 'invitation-email-mismatch');
    // The invitation is still pending for the right person.
    const preview = await owner.evaluate(
      async (url) => (await fetch(`/api/v1/invitations/${url.split('/').pop()}`)).json(),
      invitationLink,
    );
    assert.equal(preview.status, 'pending');
  });

  it('lets the invited person sign up from the link and accept', async () => {
    const memberContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    member = await memberContext.newPage();
    member.setDefaultTimeout(10_000);
    member.on('pageerror', (err) => pageErrors.push(`member: ${err.message}`));

    await member.goto(invitationLink);
    await member.getByRole('heading', { level: 1, name: 'Invitation to join an organisation' }).waitFor();
    await member.getByText(ORG.name, { exact: true }).waitFor();
    await member.getByText(MEMBER.email, { exact: true }).waitFor();
    await check(member, 'invitation-signed-out');

    await member.getByRole('link', { name: 'Create an account' }).click();
    await member.getByRole('heading', { level: 1, name: 'Create your Tessera account' }).waitFor();
    assert.equal(await field(member, 'Email').inputValue(), MEMBER.email, 'the invited email is prefilled');
    await fill(member, 'Name', MEMBER.name);
    await fill(member, 'Password', PASSWORD);
    await member.getByRole('button', { name: 'Create account' }).click();

    // Back on the invitation, now signed in.
    await member.waitForURL(/\/app\/invitations\//);
    await member.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await check(member, 'invitation-signed-in');
    await member.getByRole('button', { name: 'Accept invitation' }).click();

    await member.waitForURL(`**/app/orgs/${ORG.slug}`);
    await member.getByRole('heading', { level: 1, name: 'Organisation profile' }).waitFor();
    await member.getByText('Viewer', { exact: true }).first().waitFor();
    await check(member, 'org-profile-viewer');

    // Home lists the new membership with its role.
    await member.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home', exact: true }).click();
    const card = member.getByRole('list', { name: 'Memberships' }).getByRole('listitem');
    await card.first().waitFor();
    assert.equal(await card.count(), 1);
    assert.match((await card.textContent()) ?? '', new RegExp(`${ORG.name}.*Viewer`));
    await check(member, 'home-with-organisation');
    await card.getByRole('link', { name: ORG.name }).click();
    await member.getByRole('heading', { level: 1, name: 'Organisation profile' }).waitFor();
  });

  it('hides owner controls from the viewer', async () => {
    // No edit button on the profile, no owner-only navigation.
    assert.equal(await member.getByRole('button', { name: 'Edit profile' }).count(), 0);
    const nav = member.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Members' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Signing keys' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Audit log' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Dev outbox' }).count(), 0, 'only the first account is platform admin');

    await nav.getByRole('link', { name: 'Members' }).click();
    await member.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await member.getByRole('row').filter({ hasText: OWNER.email }).waitFor();
    await member.getByRole('row').filter({ hasText: MEMBER.email }).waitFor();
    assert.equal(await member.getByRole('heading', { name: 'Invite a member' }).count(), 0, 'no invite form');
    assert.equal(await member.getByRole('button', { name: 'Send invitation' }).count(), 0);
    assert.equal(await member.getByRole('textbox', { name: /^Role of / }).count(), 0, 'no role pickers');
    assert.equal(await member.getByRole('heading', { name: 'Invitations' }).count(), 0, 'no pending invitations');
    await member.getByText('Only owners can invite members').waitFor();
    await check(member, 'members-viewer');

    await member.goto(`/app/orgs/${ORG.slug}/keys`);
    await member.getByRole('heading', { level: 1, name: 'Signing keys' }).waitFor();
    await member.getByText('Only owners manage signing keys').waitFor();
    assert.equal(await member.getByRole('button', { name: /rotate/i }).count(), 0, 'no rotate button');
    await check(member, 'keys-viewer');
  });

  it('refuses owner-only API calls from the viewer with 403 problem+json', async () => {
    const results = await member.evaluate(async (slug) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      /** @param {string} method @param {string} path @param {unknown} [body] */
      const call = async (method, path, body) => {
        /** @type {Record<string, string>} */
        const headers = { 'x-csrf-token': session.csrfToken };
        if (body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { path: `${method} ${path}`, status: res.status, contentType: res.headers.get('content-type'), body: await res.json() };
      };
      return [
        await call('POST', `/orgs/${slug}/keys/rotate`),
        await call('POST', `/orgs/${slug}/invitations`, { email: 'mallory@example.test', role: 'owner' }),
        await call('PATCH', `/orgs/${slug}`, { name: 'Taken over' }),
        await call('GET', `/orgs/${slug}/audit`),
        await call('GET', `/orgs/${slug}/keys`),
      ];
    }, ORG.slug);
    for (const r of results) {
      assert.equal(r.status, 403, `${r.path} answers 403`);
      assert.match(r.contentType ?? '', /^application\/problem\+json/, `${r.path} answers problem+json`);
      assert.equal(r.body.status, 403, `${r.path} problem.status`);
      assert.equal(typeof r.body.code, 'string', `${r.path} problem.code`);
      assert.equal(typeof r.body.title, 'string', `${r.path} problem.title`);
      assert.equal(typeof r.body.type, 'string', `${r.path} problem.type`);
    }
    // The viewer may read members (any member).
    const members = await member.evaluate(async (slug) => (await fetch(`/api/v1/orgs/${slug}/members`)).status, ORG.slug);
    assert.equal(members, 200);
  });

  it('shows server field errors next to the fields and switches organisations', async () => {
    // The viewer creates an organisation of their own; the taken slug is refused by the server.
    await member.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Create organisation' }).click();
    await member.getByRole('heading', { level: 1, name: 'Create an organisation' }).waitFor();
    await fill(member, 'Name', ORG.name);
    await member.getByRole('button', { name: 'Create organisation' }).click();
    await member.getByRole('alert').filter({ hasText: 'That address is taken' }).waitFor();
    const slug = field(member, 'Short name (slug)');
    assert.equal(await slug.getAttribute('aria-invalid'), 'true');
    const describedBy = (await slug.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => member.locator(`[id="${id}"]`).textContent()),
    );
    assert.ok(messages.includes('Choose another slug'), `the server's field error is tied to the slug field (${messages.join(' | ')})`);
    await check(member, 'org-new-slug-taken');

    await fill(member, 'Short name (slug)', 'victors-workshop');
    await fill(member, 'Name', "Victor's Workshop");
    await member.getByRole('button', { name: 'Create organisation' }).click();
    await member.waitForURL('**/app/orgs/victors-workshop');
    await member.getByText('Owner', { exact: true }).first().waitFor();

    // The switcher lists both memberships and navigates between them.
    await member.getByRole('textbox', { name: 'Switch organisation' }).first().click();
    const options = member.getByRole('option');
    await options.first().waitFor();
    assert.deepEqual((await options.allTextContents()).sort(), [ORG.name, "Victor's Workshop"].sort());
    await check(member, 'org-switcher-open');
    await member.getByRole('option', { name: ORG.name }).click();
    await member.waitForURL(`**/app/orgs/${ORG.slug}`);
    // The router changes the URL before it renders the new organisation, so the page of the organisation the viewer
    // owns (with its "Edit profile") can still be on screen for a moment: wait for this organisation's role badge.
    await member.getByText('Viewer', { exact: true }).first().waitFor();
    await member.getByRole('heading', { level: 1, name: 'Organisation profile' }).waitFor();
    assert.equal(await member.getByRole('button', { name: 'Edit profile' }).count(), 0, 'still a viewer here');
  });

  it('shows the owner the new member, rotates the key and reads the audit log', async () => {
    await owner.goto(`/app/orgs/${ORG.slug}/members`);
    const row = owner.getByRole('region', { name: 'Current members' }).getByRole('row').filter({ hasText: MEMBER.email });
    await row.waitFor();
    assert.equal(await row.getByRole('textbox', { name: `Role of ${MEMBER.name}` }).inputValue(), 'Viewer');
    const invitation = owner
      .getByRole('region', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: MEMBER.email })
      .filter({ hasText: 'accepted' });
    await invitation.waitFor();
    await check(owner, 'members-owner-after-accept');

    // Inviting someone who is already a member is refused, with the message next to the email field.
    await fill(owner, 'Email', MEMBER.email);
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByRole('region', { name: 'Invite a member' }).getByRole('alert').waitFor();
    assert.equal(await field(owner, 'Email').getAttribute('aria-invalid'), 'true');
    await check(owner, 'members-invite-already-member');

    // The last owner cannot leave: the server's 409 is shown in the dialog.
    await owner
      .getByRole('region', { name: 'Current members' })
      .getByRole('row')
      .filter({ hasText: OWNER.email })
      .getByRole('button', { name: /^Leave/ })
      .click();
    const dialog = owner.getByRole('dialog', { name: 'Leave organisation?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Leave' }).click();
    await dialog.getByRole('alert').waitFor();
    await check(owner, 'members-last-owner-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Owners change roles; the change is saved on the server.
    await owner.getByRole('textbox', { name: `Role of ${MEMBER.name}` }).click();
    const patched = owner.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/members/'));
    await owner.getByRole('option', { name: 'Assessor' }).click();
    assert.equal((await patched).status(), 200);
    await owner.reload();
    assert.equal(await owner.getByRole('textbox', { name: `Role of ${MEMBER.name}` }).inputValue(), 'Assessor');

    // Owners revoke pending invitations.
    await fill(owner, 'Email', 'someone.else@riverside.example');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText('Invitation sent to someone.else@riverside.example.').waitFor();
    await owner.getByRole('button', { name: 'Revoke invitation for someone.else@riverside.example' }).click();
    await owner
      .getByRole('region', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: 'someone.else@riverside.example' })
      .filter({ hasText: 'revoked' })
      .waitFor();
    assert.equal(await owner.getByRole('button', { name: 'Revoke invitation for someone.else@riverside.example' }).count(), 0);

    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Signing keys' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Signing keys' }).waitFor();
    const keyRows = owner.getByRole('table', { name: 'Signing keys' }).locator('tbody tr');
    await keyRows.first().waitFor();
    assert.equal(await keyRows.count(), 2, 'an Ed25519 and a P-256 key at creation');
    assert.deepEqual((await keyRows.locator('td:nth-child(2)').allTextContents()).map((t) => /^(Ed25519|P-256)/.exec(t)?.[1]).sort(), [
      'Ed25519',
      'P-256',
    ]);
    await check(owner, 'keys-owner');
    await owner.getByRole('button', { name: 'Rotate signing keys' }).click();
    const rotate = owner.getByRole('dialog', { name: 'Rotate the signing keys?' });
    await rotate.waitFor();
    await check(owner, 'keys-rotate-dialog');
    await rotate.getByRole('button', { name: 'Rotate keys' }).click();
    await owner.getByText('Keys rotated.', { exact: false }).waitFor();
    await owner.waitForFunction(() => document.querySelectorAll('table[aria-label="Signing keys"] tbody tr').length === 4);
    assert.deepEqual(
      (await keyRows.locator('td:first-child').allTextContents()).sort(),
      ['Current', 'Current', 'Retired', 'Retired'],
      'one current key per algorithm and the retired ones, still listed',
    );
    await check(owner, 'keys-owner-rotated');

    // The DID document linked from the page lists both keys: retired keys stay resolvable.
    const didHref = await owner.getByRole('link', { name: 'DID document' }).getAttribute('href');
    const didDoc = await owner.evaluate(async (href) => {
      const res = await fetch(href ?? '');
      return { status: res.status, body: await res.json() };
    }, didHref);
    assert.equal(didDoc.status, 200);
    assert.match(didDoc.body.id, new RegExp(`^did:web:.+${ORG.slug}$`));
    assert.equal(didDoc.body.verificationMethod.length, 4, 'current and retired keys are in the DID document');
    assert.equal(didDoc.body.verificationMethod.filter((m) => m.publicKeyMultibase.startsWith('zDn')).length, 2, 'P-256 keys as Multikeys');

    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const events = owner.getByRole('table', { name: 'Audit events' });
    await events.waitFor();
    const text = (await events.textContent()) ?? '';
    assert.match(text, /rotat/i, 'key rotation is audited');
    assert.match(text, /invit|member/i, 'membership changes are audited');
    await check(owner, 'audit');
  });

  it('updates account settings', async () => {
    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Account settings' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    await fill(owner, 'Decentralised identifier (DID)', 'not-a-did');
    await owner.getByRole('button', { name: 'Save settings' }).click();
    await owner.getByText('Enter a DID such as did:key:z6Mk…').waitFor();
    await fill(owner, 'Decentralised identifier (DID)', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
    await fill(owner, 'Name', 'Olivia O. Owner');
    await owner.getByRole('button', { name: 'Save settings' }).click();
    await owner.getByText('Settings saved.').waitFor();
    await owner.getByRole('button', { name: 'Account menu for Olivia O. Owner' }).waitFor();
    await check(owner, 'settings');

    // A wrong current password is refused by the server and explained.
    await fill(owner, 'Current password', 'wrong password 123');
    await fill(owner, 'New password', 'another long password');
    await fill(owner, 'Repeat the new password', 'another long password');
    await owner.getByRole('button', { name: 'Change password' }).click();
    await owner.getByRole('region', { name: 'Change password' }).getByRole('alert').waitFor();
    await check(owner, 'settings-password-error');
  });

  it('raised no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});

// Consent-based employer search (issue 16, last part), on the demo data: the demo learner turns employer visibility
// off (the owner's search then finds nobody) and on again with a headline; the demo owner finds them by a verified skill
// and by the employer role, opens the profile (matched against the search) and sends a contact request; the learner
// sees who found and viewed them, and accepts, and the owner then sees the learner's email. Every page is screenshotted
// at 375 px and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bothWidths, browserJourney, pageChecker } from './support.mjs';

const check = pageChecker('talent');
const checkBoth = bothWidths(check, { noSideways: true });

describe('talent: consent, employer search, profile, contact and who viewed', () => {
  const { signedIn } = browserJourney({ seed: true });

  it('learner opts in, the owner finds them by skill and role, views the profile and writes; the learner sees who viewed and accepts', async () => {
    const learner = await signedIn('learner@riverside.example');
    const owner = await signedIn('owner@riverside.example');

    // The learner turns visibility off: the owner's role search finds nobody.
    await learner.goto('/app/me/discoverability');
    await learner.getByRole('heading', { name: 'Employer visibility' }).waitFor();
    const toggle = learner.getByRole('switch', { name: /Let employers find me/ });
    if (await toggle.isChecked()) await toggle.click({ force: true });
    await learner.getByRole('button', { name: 'Save' }).click();
    await learner.getByText('Saved. Employers cannot find you.').waitFor();

    const searchByRole = async () => {
      await owner.getByText('Our roles', { exact: true }).click();
      await owner.getByRole('textbox', { name: 'Role' }).click();
      await owner.getByRole('option', { name: 'Online Course Lead' }).click();
      await owner.getByRole('button', { name: 'Search', exact: true }).click();
    };
    await owner.goto('/app/orgs/riverside/talent');
    await owner.getByRole('heading', { name: 'Talent search' }).waitFor();
    await searchByRole();
    await owner.getByText('Role: Online Course Lead: nobody found').waitFor();

    // The learner opts in with a headline.
    await toggle.click({ force: true });
    await learner.getByLabel('Headline').fill('Teacher moving into online course design');
    await learner.getByRole('button', { name: 'Save' }).click();
    await learner.getByText('Saved. Employers can find you.').waitFor();
    await checkBoth(learner, 'visibility');

    // By skill: the skill picker, then the result card with the verified skill and its credential.
    await owner.goto('/app/orgs/riverside/talent');
    await owner.getByLabel('Skills to find').fill('Align each assessment');
    await owner.getByRole('button', { name: /^Add .*Align each assessment item/ }).click();
    await owner.getByRole('button', { name: 'Search', exact: true }).click();
    const people = owner.getByRole('list', { name: 'People found' });
    await people.waitFor();
    const card = people.getByRole('listitem').filter({ hasText: 'Alex Kim' });
    await card.getByText('Teacher moving into online course design').waitFor();
    assert.match(await card.innerText(), /1 of 1 skills verified/i);
    assert.match(await card.innerText(), /Verified/i);
    await checkBoth(owner, 'search-skill');

    // By role: ranked by verified required skills.
    await searchByRole();
    await owner.getByText('Role: Online Course Lead: 1 person').waitFor();
    assert.match(await people.innerText(), /Alex Kim/);
    assert.match(await people.innerText(), /of 5 skills verified/i);
    await checkBoth(owner, 'search-role');

    // The profile, matched against the role search, and a contact request.
    await owner.getByRole('link', { name: 'View profile of Alex Kim' }).click();
    await owner.getByRole('heading', { name: 'Alex Kim', level: 1 }).waitFor();
    await owner.getByRole('heading', { name: 'Against your search' }).waitFor();
    await owner.getByText('Role: Online Course Lead', { exact: true }).waitFor();
    assert.equal(await owner.getByText('learner@riverside.example').count(), 0, 'no email before the learner accepts');
    await checkBoth(owner, 'profile');
    await owner.getByLabel(/^Subject/).fill('Online Course Lead at Riverside');
    await owner.getByLabel(/^Message/).fill('Hello Alex,\nyour assessment-design credential caught our eye. Would you like to talk?');
    await owner.getByRole('button', { name: 'Send request' }).click();
    await owner.getByText(/Your request is waiting for Alex Kim’s answer/).waitFor();
    await checkBoth(owner, 'contact-sent');

    // The learner sees who found and viewed them, and what for.
    await learner.goto('/app/me/discoverability');
    const activity = learner.getByRole('table');
    await activity.waitFor();
    const viewed = activity.getByRole('row').filter({ hasText: 'Viewed your profile' }).first();
    assert.match(await viewed.innerText(), /Riverside School District/);
    assert.match(await viewed.innerText(), /Role: Online Course Lead/);
    assert.ok((await activity.getByRole('row').filter({ hasText: 'Found you in a search' }).count()) >= 2);
    await checkBoth(learner, 'who-viewed');

    // The learner accepts from "Messages from employers".
    await learner.getByRole('link', { name: 'Messages from employers' }).first().click();
    await learner.getByRole('heading', { name: /Riverside School District: Online Course Lead at Riverside/ }).waitFor();
    await checkBoth(learner, 'messages');
    await learner.getByLabel('Reply (optional)').fill('Happy to talk next week.');
    await learner.getByRole('button', { name: 'Accept the request from Riverside School District' }).click();
    await learner.getByText('You shared your email address.', { exact: false }).waitFor();
    await checkBoth(learner, 'messages-accepted');

    // The owner now sees the learner's email and reply.
    await owner.reload();
    await owner.getByRole('link', { name: 'learner@riverside.example' }).waitFor();
    await owner.getByText(/Happy to talk next week/).waitFor();
    await checkBoth(owner, 'profile-accepted');
  });
});

// Skill profiles, career goals and recommendations (issue 16, second half), on the demo data: the demo learner sees
// skills proven by verified credentials with their evidence trail and levels, turns on the public skills page, picks an
// occupation as a goal and sees the gap and ranked, explained recommendations; the demo owner defines a role with
// required skills through the skill search, and the learner can pick it. Every page is screenshotted at 375 px and
// 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bothWidths, browserJourney, pageChecker } from './support.mjs';

const check = pageChecker('careers');
const checkBoth = bothWidths(check, { noSideways: true });

describe('careers: skill profile, goals, gap, recommendations and organisation roles', () => {
  const { newPage, signedIn } = browserJourney({ seed: true });

  it('the owner defines a role with required skills found through the skill search', async () => {
    const owner = await signedIn('owner@riverside.example');
    await owner.goto('/app/orgs/riverside/roles');
    await owner.getByRole('heading', { name: 'Roles and required skills' }).waitFor();
    await owner.getByRole('button', { name: 'New role' }).click();
    await owner.getByLabel(/^Title/).fill('Online Assessment Lead');
    await owner.getByLabel('Find a skill').fill('feedback');
    await owner.getByRole('button', { name: 'Search', exact: true }).click();
    const add = owner.getByRole('button', { name: /^Add Give timely/ });
    await add.click();
    await owner.getByRole('textbox', { name: /^Level for Give timely/ }).click();
    await owner.getByRole('option', { name: 'At least 4 of 5' }).click();
    await checkBoth(owner, 'role-form');
    await owner.getByRole('button', { name: 'Create role' }).click();
    const row = owner.getByRole('row', { name: /Online Assessment Lead/ });
    await row.waitFor();
    assert.match(await row.innerText(), /level 4\+/);
    await checkBoth(owner, 'roles');
  });

  it('the learner sees verified skills with evidence, turns on the public page, and sees a goal’s gap and recommendations', async () => {
    const learner = await signedIn('learner@riverside.example');
    await learner.goto('/app/me/skills');
    const skills = learner.getByRole('list', { name: 'Verified skills' });
    await skills.waitFor();
    assert.ok((await skills.getByRole('listitem').count()) >= 3, 'several verified skills');
    assert.ok((await learner.getByText(/^Proven by \d+ credential/).count()) >= 3);
    await learner.getByRole('switch', { name: /Public skills page/ }).click({ force: true });
    await learner.getByLabel('Link to your public skills page').waitFor();
    await checkBoth(learner, 'my-skills');
    const publicUrl = await learner.getByLabel('Link to your public skills page').inputValue();
    const visitor = await newPage();
    await visitor.goto(new URL(publicUrl).pathname);
    await visitor.getByRole('heading', { name: 'Alex Kim’s verified skills' }).waitFor();
    await checkBoth(visitor, 'public-skills');

    await learner.goto('/app/me/goals');
    await learner.getByRole('heading', { name: 'My goals' }).waitFor();
    await learner.getByRole('textbox', { name: 'Occupation' }).click();
    await learner.getByRole('option', { name: /Instructional Coordinators/ }).click();
    await learner.getByRole('button', { name: 'Add goal' }).click();
    await learner.getByRole('heading', { name: 'Your gap' }).waitFor();
    await learner.getByText(/^You have verified \d+ of \d+ required skills/).waitFor();
    const recs = learner.getByRole('heading', { name: 'Recommended next' });
    await recs.waitFor();
    await learner
      .getByText(/^Covers \d+ of your \d+ missing skills/)
      .first()
      .waitFor();
    await checkBoth(learner, 'my-goals');

    await learner.getByText('An organisation’s role', { exact: true }).click();
    await learner.getByRole('textbox', { name: 'Role' }).click();
    await learner.getByRole('option', { name: /Online Assessment Lead/ }).click();
    await learner.getByRole('button', { name: 'Add goal' }).click();
    await learner.getByRole('cell', { name: /Give timely/ }).waitFor();
    await checkBoth(learner, 'role-goal');
  });
});

// Bulk award from a CSV: the owner uploads a file with bad rows (a bad email, a duplicate, a future date), sees
// them in the problem grid, fixes each cell in place, starts the run, watches the progress bar to the end and
// downloads the per-row report. Pages are screenshotted at 375 and 1280 px and checked with axe.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { bothWidths, browserJourney, pageChecker, signIn } from './support.mjs';

const check = pageChecker('bulk');
/** Screenshot and axe at 375 px, then at 1280 px. */
const checkBoth = bothWidths(check);
const ORG = 'riverside';
const today = new Date().toISOString().slice(0, 10);
const nextYear = `${new Date().getUTCFullYear() + 1}-03-01`;
const CSV = [
  'email,name,issued_on',
  `ada@cohort.example,Ada Lovelace,${today}`,
  'grace-at-cohort.example,Grace Hopper,',
  'ADA@cohort.example,Ada Again,',
  `tim@cohort.example,Tim Berners,${nextYear}`,
].join('\r\n');

describe('bulk award: CSV with bad rows, fixed in the grid, run to the end, report', () => {
  const { newPage } = browserJourney({ seed: true });
  /** @type {import('playwright-core').Page} */
  let owner;

  before(async () => {
    owner = await newPage({ timeout: 20_000, acceptDownloads: true });
    await signIn(owner, 'owner@riverside.example');
  });

  it('shows the dry run’s problems per row and cell', async () => {
    await owner.goto(`/app/orgs/${ORG}`);
    await owner.getByRole('link', { name: 'Bulk award' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Bulk award' }).waitFor();
    // The demo's summer-institute cohort is listed as a finished run.
    await owner.getByRole('table', { name: 'Bulk award runs' }).getByText('summer-institute-cohort.csv').waitFor();
    await checkBoth(owner, 'start');
    await owner.getByRole('textbox', { name: /^Micro-credential( \*)?$/ }).click();
    await owner.getByRole('option').first().click();
    await owner.locator('input[type=file]').setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await owner.getByRole('button', { name: 'Check the file' }).click();
    await owner.getByText('3 of 4 rows have problems').waitFor();
    assert.equal(await owner.getByLabel('Row 3, Email').getAttribute('aria-invalid'), 'true');
    await owner.getByText('Same email as row 2: a person receives this achievement once').waitFor();
    await owner.getByText(/is in the future/).waitFor();
    await checkBoth(owner, 'problems');
  });

  it('fixes each bad cell in the grid and starts the run', async () => {
    await owner.getByLabel('Row 3, Email').fill('grace@cohort.example');
    await owner.getByLabel('Row 3, Email').press('Tab');
    await owner.getByLabel('Row 4, Email').fill('ada.again@cohort.example');
    await owner.getByLabel('Row 4, Email').press('Tab');
    await owner.getByLabel('Row 5, Issued on').fill(today);
    await owner.getByLabel('Row 5, Issued on').press('Tab');
    await owner.getByText('Every row is ready to award.').waitFor();
    assert.equal(await owner.getByLabel('Row 5, Issued on').getAttribute('aria-invalid'), 'false');
    await checkBoth(owner, 'fixed');
    await owner.getByRole('button', { name: 'Start awarding 4 rows' }).click();
  });

  it('shows live progress to the end, then the report downloads with one line per row', async () => {
    await owner.getByRole('progressbar', { name: 'Rows done' }).waitFor();
    await owner.getByText('4 of 4 rows done', { exact: false }).waitFor({ timeout: 60_000 });
    await owner.getByText('Finished').waitFor();
    await checkBoth(owner, 'done');
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByRole('link', { name: 'Download the report (CSV)' }).click(),
    ]);
    const path = await download.path();
    assert.ok(path, 'the report downloaded');
    const lines = (await readFile(path, 'utf8')).trim().split(/\r\n/);
    assert.equal(lines[0], 'row,email,name,outcome,credential_id,reason');
    assert.equal(lines.length, 5);
    for (const line of lines.slice(1)) assert.match(line, /,issued,http:\/\/127\.0\.0\.1:\d+\/credentials\/[0-9a-f-]{36},$/);
  });
});

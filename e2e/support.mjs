/* global window, document -- code passed to page.evaluate runs in the browser */
// Helpers for the browser tests: start a fresh Tessera server, launch Debian's Chromium,
// and check each visited page (screenshot artifact + axe-core with 0 serious/critical violations).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where screenshots go. */
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
/** Debian's Chromium (never downloaded by the tests). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A password that satisfies the platform policy. */
export const PASSWORD = 'correct horse battery staple';
/** The password of every demo account (`tessera seed-demo`). */
export const DEMO_PASSWORD = 'tessera-demo-2026';

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} RunningServer
 * @property {string} baseUrl  e.g. http://127.0.0.1:41234
 * @property {string} dataDir  the fresh TESSERA_DATA_DIR
 * @property {number | undefined} pid  the server process's id
 * @property {() => boolean} alive  whether the server process is still running
 * @property {() => string} logs  everything the server printed so far
 * @property {() => Promise<void>} stop  kill the server and remove its data directory
 */

/**
 * Start `tessera serve` (with `seed: true`, `tessera start`: the demo seeded first; with `seed: 'apart'`, `tessera seed-demo`
 * then `tessera serve`) on a free port with a fresh data directory and wait for /healthz.
 * @param {{ env?: Record<string, string>, seed?: boolean | 'apart' }} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  // Journeys run two at a time: another one may take the free port between our check and the server's listen.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(options);
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('EADDRINUSE')) throw e;
    }
  }
}

/**
 * @param {{ env?: Record<string, string>, seed?: boolean | 'apart' }} options
 * @returns {Promise<RunningServer>}
 */
async function startServerOnce(options) {
  // The `tessera` bin (packages/server/bin/tessera.js) runs the compiled CLI in dist/cli/main.js.
  const main = join(ROOT, 'packages/server/bin/tessera.js');
  assert.ok(existsSync(join(ROOT, 'packages/server/dist/cli/main.js')), 'packages/server/dist is missing: run npm run build first');
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    TESSERA_DATA_DIR: dataDir,
    TESSERA_MASTER_KEY: randomBytes(32).toString('hex'),
    TESSERA_BASE_URL: baseUrl,
    TESSERA_LOG_LEVEL: 'warn',
    ...options.env,
  };
  // With the demo: `tessera start` (what `npm start` runs after the build), which seeds an empty installation before it
  // listens, in one process; `tessera serve` never seeds. 'apart' seeds with `tessera seed-demo` in a process of its
  // own first, so that the server's memory starts without what seeding left behind (the soak measures its growth).
  if (options.seed === 'apart') {
    const seeded = spawnSync(process.execPath, [main, 'seed-demo'], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(seeded.status, 0, `tessera seed-demo failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }
  const child = spawn(process.execPath, [main, options.seed === true ? 'start' : 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  void exited.then((code) => (exitCode = code));

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== undefined) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`tessera serve exited with ${exitCode} before becoming healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`tessera serve did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, dataDir, pid: child.pid, alive: () => exitCode === undefined, logs: () => output, stop };
}

/** Launch headless Debian Chromium. */
export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

let axeSource = /** @type {string | null} */ (null);

/**
 * Run axe-core on the page and return serious and critical violations.
 * axe is evaluated through the DevTools protocol rather than an inline <script> tag because
 * the server's Content-Security-Policy (script-src 'self') rightly refuses inline scripts,
 * and the tests keep that CSP in force instead of bypassing it.
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  /** @type {Array<{ id: string, impact: string | null, help: string, nodes: Array<{ target: unknown[], failureSummary?: string }> }>} */
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (
        /** @type {{ id: string, impact: string | null, help: string, nodes: Array<{ target: unknown[], failureSummary?: string }> }} */ v,
      ) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }),
    );
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A page checker for one test file: each call saves a screenshot as
 * artifacts/e2e/<prefix>-<nn>-<name>.png and asserts that axe-core finds no serious or critical
 * violations. Screenshots left by an earlier run of the same file are removed first.
 * @param {string} prefix
 * @returns {(page: import('playwright-core').Page, name: string) => Promise<string>}
 */
export function pageChecker(prefix) {
  let counter = 0;
  let cleaned = false;
  return async (page, name) => {
    if (!cleaned) {
      await mkdir(ARTIFACTS, { recursive: true });
      for (const f of await readdir(ARTIFACTS)) if (f.startsWith(`${prefix}-`)) await rm(join(ARTIFACTS, f), { force: true });
      cleaned = true;
    }
    await page.waitForLoadState('networkidle').catch(() => {});
    // Let Mantine transitions (menus, modals) settle so the screenshot and axe see the final state.
    await page.waitForTimeout(200);
    counter += 1;
    const file = join(ARTIFACTS, `${prefix}-${String(counter).padStart(2, '0')}-${name}.png`);
    // A full-page shot of a scrolled page draws the fixed header where the viewport was, mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, fullPage: true });
    const serious = await axeViolations(page);
    assert.deepEqual(
      serious.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
      ),
      [],
      `axe found serious/critical violations on ${name} (${page.url()})`,
    );
    return file;
  };
}

/**
 * A form field by its label text. Mantine marks required fields with an aria-hidden " *" inside the
 * <label>, which Playwright's label matching includes, so the asterisk is allowed here.
 * @param {import('playwright-core').Page | import('playwright-core').Locator} scope
 * @param {string} label
 */
export function field(scope, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/**
 * Fill a form field found by its label text.
 * @param {import('playwright-core').Page | import('playwright-core').Locator} scope
 * @param {string} label
 * @param {string} value
 */
export async function fill(scope, label, value) {
  await field(scope, label).fill(value);
}

/**
 * Call the JSON API from inside a page, with its session cookie and CSRF token.
 * @param {import('playwright-core').Page} page
 * @param {string} method
 * @param {string} path  below /api/v1
 * @param {unknown} [body]
 * @returns {Promise<{ status: number, body: any }>}
 */
export async function apiCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await fetch('/api/v1/auth/session');
      const csrf = session.ok ? (await session.json()).csrfToken : '';
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/**
 * Sign `page` in through the API, from the sign-in screen (which gives it the app's origin).
 * @param {import('playwright-core').Page} page
 * @param {string} email
 * @param {string} [password]  the demo accounts' password unless given
 */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.goto('/app/signin');
  assert.equal((await apiCall(page, 'POST', '/auth/signin', { email, password })).status, 200);
}

/**
 * Wait up to 20 s for a dev-outbox email to `to` whose text matches `pattern`, and return the pattern's first group.
 * @param {import('playwright-core').Page} admin  a page signed in as a platform admin (who may read the outbox)
 * @param {RegExp} pattern
 * @param {string} to
 * @returns {Promise<string>}
 */
export async function fromOutbox(admin, pattern, to) {
  for (let i = 0; i < 100; i++) {
    const outbox = await apiCall(admin, 'GET', '/admin/outbox');
    const message = (Array.isArray(outbox.body) ? outbox.body : []).find((m) => m.to === to && pattern.test(m.text));
    const found = message ? pattern.exec(message.text)?.[1] : undefined;
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`no email to ${to} matching ${pattern}`);
}

/**
 * Check a page at both widths: `check` (a pageChecker) at 375 × 800 as "<name>-375", then at 1280 × 900 as "<name>-1280".
 * @param {(page: import('playwright-core').Page, name: string) => Promise<string>} check
 * @param {{ noSideways?: boolean, each?: (page: import('playwright-core').Page, name: string, width: number) => Promise<void> }} [options]
 *   noSideways: fail when the page scrolls sideways at 375 px; each: more checks after each width's check
 * @returns {(page: import('playwright-core').Page, name: string) => Promise<void>}
 */
export function bothWidths(check, options = {}) {
  return async (page, name) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await check(page, `${name}-375`);
    if (options.noSideways) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways at 375 px by ${overflow} px`);
    }
    await options.each?.(page, name, 375);
    await page.setViewportSize({ width: 1280, height: 900 });
    await check(page, `${name}-1280`);
    await options.each?.(page, name, 1280);
  };
}

/**
 * Full-page screenshots at 375 × 800 and 1280 × 900, without the axe check, as artifacts/e2e/<name>-<width>.png.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshotBoth(page, name) {
  for (const [width, height] of [
    [375, 800],
    [1280, 900],
  ]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
}

/**
 * @typedef {object} BrowserJourney
 * @property {() => RunningServer} server  the running server (from the first before hook on)
 * @property {string[]} pageErrors  uncaught errors of the journey's pages
 * @property {(options?: { timeout?: number, acceptDownloads?: boolean }) => Promise<import('playwright-core').Page>} newPage
 *   a page in a new browser context at 1280 × 900 on the server, default timeout 15 s, whose uncaught errors are recorded
 * @property {(email: string, password?: string) => Promise<import('playwright-core').Page>} signedIn  a new page signed in (see signIn)
 */

/**
 * Set up a browser journey; call it inside describe(). Before the tests it starts a server (`options` as for startServer)
 * and Chromium; after them it closes both and asserts that no page threw.
 * @param {{ env?: Record<string, string>, seed?: boolean | 'apart' }} [options]
 * @returns {BrowserJourney}
 */
export function browserJourney(options = {}) {
  /** @type {RunningServer | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {string[]} */
  const pageErrors = [];

  before(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });

  /** @param {{ timeout?: number, acceptDownloads?: boolean }} [pageOptions] */
  async function newPage(pageOptions = {}) {
    assert.ok(browser && server, 'the journey has not started: call newPage from a hook or a test');
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1280, height: 900 },
      ...(pageOptions.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(pageOptions.timeout ?? 15_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  /** @param {string} email @param {string} [password] */
  async function signedIn(email, password) {
    const page = await newPage();
    await signIn(page, email, password);
    return page;
  }

  return {
    server: () => {
      assert.ok(server, 'the journey has not started');
      return server;
    },
    pageErrors,
    newPage,
    signedIn,
  };
}

// Cold first load of the web app in Debian's Chromium: a fresh browser profile (empty cache) opens a screen and
// waits until its heading is on screen. Prints the figures; run after `npm run build`: `node e2e/measure-load.mjs`.
// Not a test: timings on a shared 2-core machine vary, so they are measured and written down, never asserted.
import { launchBrowser, startServer } from './support.mjs';

const SCREENS = ['/app/catalog', '/app/signin', '/app/verify', '/'];
const RUNS = Number(process.env.RUNS ?? 5);

const server = await startServer({ seed: true });
const browser = await launchBrowser();
try {
  for (const path of SCREENS) {
    const times = [];
    let bytes = 0;
    let encoded = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext(); // a new context has an empty cache
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(server.baseUrl + path, { waitUntil: 'load' });
      await page.locator('h1').first().waitFor({ state: 'visible' });
      times.push(performance.now() - t0);
      const resources = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => ({ encoded: r.encodedBodySize, decoded: r.decodedBodySize })),
      );
      bytes = resources.reduce((s, r) => s + r.decoded, 0);
      encoded = resources.reduce((s, r) => s + r.encoded, 0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      JSON.stringify({
        path,
        runs: RUNS,
        medianMs: Math.round(median),
        maxMs: Math.round(times[times.length - 1]),
        resourcesKb: Math.round(bytes / 1024),
        transferredKb: Math.round(encoded / 1024),
      }),
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

// Each server slice's public surface (index.js) and each entry point must load on its own, first, in a fresh
// process. Slices import each other through these files, so an import cycle that reads a constant before it is
// initialised would break whichever entry point happens to load that slice first; this finds it. It runs on the
// build (packages/server/dist) that the browser tests use.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './support.mjs';

const run = promisify(execFile);
const DIST = join(ROOT, 'packages/server/dist');

async function loadsAlone(file) {
  const script = `import(${JSON.stringify(join(DIST, file))}).then(() => console.log('loaded'), (e) => { console.error(e.message); process.exit(1); })`;
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 });
    return stdout.trim();
  } catch (err) {
    return `failed: ${err.stderr?.trim() ?? String(err)}`;
  }
}

describe('server slice surfaces', () => {
  it('loads every slice index.js and every entry point first, on its own', async () => {
    assert.ok(existsSync(DIST), 'packages/server/dist is missing: run npm run build first');
    const slices = readdirSync(DIST, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(DIST, d.name, 'index.js')))
      .map((d) => `${d.name}/index.js`);
    assert.ok(slices.length >= 15, `found ${slices.length} slices`);
    const files = [...slices, 'main.js', 'http/app.js', 'jobs/handlers.js', 'cli/main.js'];
    const results = {};
    for (let i = 0; i < files.length; i += 4) {
      const chunk = files.slice(i, i + 4);
      const outs = await Promise.all(chunk.map(loadsAlone));
      chunk.forEach((f, j) => (results[f] = outs[j]));
    }
    assert.deepEqual(results, Object.fromEntries(files.map((f) => [f, 'loaded'])));
  });
});

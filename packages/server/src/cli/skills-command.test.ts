import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { searchSkills } from '../skills/index.js';
import { skillsImport } from './skills-command.js';

const DEMO = new URL('../seed/frameworks/online-teaching.case.json', import.meta.url).pathname;
let ctx: TestContext;
const dir = mkdtempSync(join(tmpdir(), 'tessera-skills-cli-'));

/** Run the command, capturing stdout and stderr. */
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await skillsImport(ctx.deps, argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false });
  return { code, out, err };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const owner = new ApiClient(ctx);
  await owner.signUp('owner@cli.example');
  await owner.request('POST', 'orgs', { slug: 'cli-org', name: 'CLI Org' });
});
afterAll(async () => ctx.close());

describe('tessera skills import', () => {
  it('imports a CASE file platform-wide and prints {framework, skills, associations} with --json', async () => {
    const r = await run(DEMO, '--platform', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      framework: { title: 'Online Teaching Competencies', scope: 'platform', sourceKind: 'case', created: true },
      skills: 29,
      associations: 40,
    });
    const again = await run(DEMO, '--platform', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ framework: { created: false }, skills: 29 });
  });

  it('imports a CSV into an organisation, titled by the file name', async () => {
    const file = join(dir, 'district-skills.csv');
    writeFileSync(file, 'code,name,parent\nD,District skills,\nD.1,Coaching,D\n');
    const r = await run(file, '--org', 'cli-org');
    expect(r).toMatchObject({ code: 0, out: 'Imported "district-skills" (org, csv): 2 skills, 1 associations.\n' });
  });

  it('exits 2 with the JSON path of a malformed file, and 2 for bad arguments', async () => {
    const pkg = JSON.parse(readFileSync(DEMO, 'utf8')) as { CFAssociations: Array<Record<string, unknown>> };
    delete pkg.CFAssociations[12]?.['originNodeURI'];
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(pkg));
    const r = await run(file, '--platform', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ problems: [{ path: 'CFAssociations[12].originNodeURI' }] });
    expect(r.err).toContain('CFAssociations[12].originNodeURI:');
    expect((await run(DEMO)).code).toBe(2);
    expect((await run(DEMO, '--org', 'x', '--platform')).code).toBe(2);
    expect((await run(DEMO, '--org', 'no-such-org')).code).toBe(2);
    expect((await run(join(dir, 'missing.json'), '--platform')).code).toBe(2);
  });

  it('imports 50,000 items in batches: measured time and memory', async () => {
    const items: unknown[] = [];
    const assocs: unknown[] = [];
    const doc = {
      identifier: 'big-doc',
      uri: 'https://big.example/doc',
      title: 'Big framework',
      creator: 'Test',
      lastChangeDateTime: '2026-01-01T00:00:00Z',
    };
    const node = (id: string) => ({ identifier: id, uri: `https://big.example/items/${id}`, title: id });
    for (let i = 0; i < 50_000; i++) {
      const id = `item-${i}`;
      items.push({
        identifier: id,
        uri: `https://big.example/items/${id}`,
        fullStatement: `Skill number ${i} about topic ${i % 97}`,
        humanCodingScheme: `B.${i}`,
        lastChangeDateTime: '2026-01-01T00:00:00Z',
      });
      const parent = i < 100 ? 'big-doc' : `item-${i % 100}`;
      assocs.push({
        identifier: `a-${i}`,
        uri: `https://big.example/assoc/${i}`,
        associationType: 'isChildOf',
        originNodeURI: node(id),
        destinationNodeURI: node(parent),
        lastChangeDateTime: '2026-01-01T00:00:00Z',
      });
    }
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ CFDocument: doc, CFItems: items, CFAssociations: assocs }));
    items.length = 0;
    assocs.length = 0;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const r = await run(file, '--platform', '--json');
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ skills: 50_000, associations: 50_000 });
    expect((await searchSkills(ctx.deps.db, { q: 'B.49999', orgId: null })).map((s) => s.code)).toEqual(['B.49999']);
    console.log(`50k CASE import: ${seconds.toFixed(1)} s, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (${ctx.deps.dbKind})`);
    expect(peak).toBeLessThan(1.5 * 1024 ** 3);
  }, 300_000);
});

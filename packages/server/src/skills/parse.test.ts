import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFramework, findChildOfCycle } from './check-framework.js';
import { parseFrameworkFile } from './import-framework.js';
import { SkillImportError } from './parsed.js';

const DEMO = readFileSync(new URL('../seed/frameworks/online-teaching.case.json', import.meta.url), 'utf8');
type Pkg = { CFDocument: Record<string, unknown>; CFItems: Array<Record<string, unknown>>; CFAssociations: Array<Record<string, unknown>> };
const demo = (): Pkg => JSON.parse(DEMO) as Pkg;

/** The problems a parse + check throws (fails the test when it does not throw). */
function problemsOf(text: string, format: 'auto' | 'case' | 'rsd' | 'csv' = 'auto', title?: string) {
  try {
    checkFramework(parseFrameworkFile({ format, text, ...(title ? { title } : {}) }));
  } catch (e) {
    if (e instanceof SkillImportError) return e.problems;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe('CASE 1.0 packages', () => {
  it('reads the demo framework: 29 items, 40 associations, 5 domains at the top, licence noted', () => {
    const { parsed, parentOf } = checkFramework(parseFrameworkFile({ format: 'auto', text: DEMO }));
    expect(parsed.framework).toMatchObject({
      sourceKind: 'case',
      title: 'Online Teaching Competencies',
      licence: 'CC BY 4.0',
      version: '1.0',
    });
    expect(parsed.skills).toHaveLength(29);
    expect(parsed.associations).toHaveLength(40);
    const roots = parsed.skills.filter((s) => !parentOf.has(s.identifier));
    expect(roots.map((s) => s.code)).toEqual(['OTC.1', 'OTC.2', 'OTC.3', 'OTC.4', 'OTC.5']);
    const child = parsed.skills.find((s) => s.code === 'OTC.2.1');
    expect(parentOf.get(child?.identifier ?? '')).toBe(parsed.skills.find((s) => s.code === 'OTC.2')?.identifier);
  });

  it('names the JSON path of a missing fullStatement and a bad association type', () => {
    const p = demo();
    delete p.CFItems[3]?.['fullStatement'];
    if (p.CFAssociations[5]) p.CFAssociations[5]['associationType'] = 'isCousinOf';
    const problems = problemsOf(JSON.stringify(p));
    expect(problems.map((x) => x.path)).toEqual(['CFItems[3].fullStatement', 'CFAssociations[5].associationType']);
  });

  it('refuses a package without a CFDocument, at CFDocument', () => {
    const p = demo();
    const { CFDocument: _d, ...rest } = p;
    expect(problemsOf(JSON.stringify(rest), 'case')[0]?.path).toBe('CFDocument');
  });

  it('refuses text that is not JSON, at $', () => {
    expect(problemsOf('{"CFDocument": ', 'case')[0]?.path).toBe('$');
  });

  it('names an isChildOf cycle by code', () => {
    const p = demo();
    const item = (code: string) =>
      p.CFItems.find((i) => i['humanCodingScheme'] === code) as { identifier: string; uri: string; fullStatement: string };
    const [a, b] = [item('OTC.1'), item('OTC.1.1')];
    // OTC.1.1 is already a child of OTC.1; making OTC.1 a child of OTC.1.1 closes the loop.
    p.CFAssociations.push({
      identifier: 'loop',
      uri: 'urn:x:loop',
      associationType: 'isChildOf',
      lastChangeDateTime: '2026-01-01T00:00:00Z',
      originNodeURI: { identifier: a.identifier, uri: a.uri, title: 'x' },
      destinationNodeURI: { identifier: b.identifier, uri: b.uri, title: 'y' },
    });
    const [problem] = problemsOf(JSON.stringify(p));
    expect(problem?.message).toMatch(/^isChildOf cycle: "OTC\.1(\.1)? .*" → "OTC\.1(\.1)? .*" → "OTC\.1(\.1)? /);
  });

  it('refuses duplicate item identifiers with both places', () => {
    const p = demo();
    if (p.CFItems[4] && p.CFItems[2]) p.CFItems[4]['identifier'] = p.CFItems[2]['identifier'];
    const [problem] = problemsOf(JSON.stringify(p));
    expect(problem).toMatchObject({ path: 'CFItems[4].identifier', message: expect.stringContaining('first at CFItems[2]') });
  });

  it('keeps an association to an item outside the package as a link, with a warning', () => {
    const p = demo();
    const dest = p.CFAssociations.find((a) => a['associationType'] === 'isRelatedTo')?.['destinationNodeURI'] as Record<string, string>;
    dest['identifier'] = 'elsewhere';
    dest['uri'] = 'https://case.example/items/elsewhere';
    const { parsed } = checkFramework(parseFrameworkFile({ format: 'case', text: JSON.stringify(p) }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringContaining('"elsewhere" is outside this framework')]);
    expect(parsed.associations.find((a) => a.toUri === 'https://case.example/items/elsewhere')?.to).toBeNull();
  });
});

describe('cycle search', () => {
  it('walks a 60,000-long chain without overflowing and finds no cycle', () => {
    const m = new Map<string, string[]>();
    for (let i = 1; i < 60_000; i++) m.set(`n${i}`, [`n${i - 1}`]);
    expect(findChildOfCycle(m)).toBeNull();
    m.set('n0', ['n59999']);
    expect(findChildOfCycle(m)).toHaveLength(60_001);
  });
});

describe('Open Skills Network RSDs', () => {
  const rsd = (extra: Record<string, unknown> = {}) => ({
    id: 'https://osmt.example/api/skills/1',
    uuid: 'a1',
    type: 'RichSkillDescriptor',
    skillName: 'Discussion facilitation',
    skillStatement: 'Facilitate online discussions.',
    category: 'Teaching',
    ...extra,
  });

  it('reads one RSD as a one-skill framework', () => {
    const { parsed } = checkFramework(parseFrameworkFile({ format: 'auto', text: JSON.stringify(rsd()) }));
    expect(parsed.framework).toMatchObject({
      sourceKind: 'rsd',
      sourceId: 'https://osmt.example/api/skills/1',
      title: 'Discussion facilitation',
    });
    expect(parsed.skills[0]).toMatchObject({
      name: 'Discussion facilitation',
      uri: 'https://osmt.example/api/skills/1',
      type: 'Teaching',
      code: 'a1',
    });
  });

  it('accepts a collection and reports unknown fields as warnings with their paths', () => {
    const text = JSON.stringify({
      id: 'https://osmt.example/api/collections/c',
      name: 'Teaching skills',
      skills: [rsd({ favouriteColour: 'blue' }), rsd({ id: 'https://osmt.example/api/skills/2', skillName: 'Feedback' })],
      mascot: 'owl',
    });
    const { parsed } = checkFramework(parseFrameworkFile({ format: 'auto', text }));
    expect(parsed.skills).toHaveLength(2);
    expect(parsed.warnings.map((w) => w.path).sort()).toEqual(['mascot', 'skills[0].favouriteColour']);
  });

  it('refuses an RSD without a skillName, at its path', () => {
    const text = JSON.stringify({ id: 'c', name: 'C', skills: [rsd(), { id: 'x', skillStatement: 'no name' }] });
    expect(problemsOf(text, 'rsd')).toEqual([{ path: 'skills[1].skillName', message: expect.any(String) }]);
  });
});

describe('CSV', () => {
  it('reads ids, codes and parents into a tree', () => {
    const text = 'id,code,name,description,parent\nt,T,Teaching,,\nt1,T.1,Plan lessons,Plans,t\nt2,T.2,Assess,,T\n';
    const { parsed, parentOf } = checkFramework(parseFrameworkFile({ format: 'csv', text, title: 'Local skills' }));
    expect(parsed.framework).toMatchObject({ sourceKind: 'csv', sourceId: 'local-skills', title: 'Local skills' });
    expect(parentOf.get('t1')).toBe('t');
    expect(parentOf.get('t2')).toBe('t');
  });

  it('names both rows of a duplicate id', () => {
    const text = 'id,name\na,One\nb,Two\na,Three\n';
    expect(problemsOf(text, 'csv', 'x')).toEqual([{ path: 'row 4', message: 'Duplicate id "a" (first on row 2)' }]);
  });

  it('names an unknown parent and an unknown column', () => {
    expect(problemsOf('id,name,parent\na,One,zzz\n', 'csv', 'x')).toEqual([
      { path: 'row 2', message: expect.stringContaining('Parent "zzz"') },
    ]);
    expect(problemsOf('id,name,colour\na,One,red\n', 'csv', 'x')[0]).toMatchObject({
      path: 'row 1',
      message: expect.stringContaining('colour'),
    });
  });

  it('names a cycle made by parents', () => {
    const [p] = problemsOf('id,name,parent\na,Alpha,c\nb,Beta,a\nc,Gamma,b\n', 'csv', 'x');
    expect(p?.message).toMatch(
      /^isChildOf cycle: "(Alpha|Beta|Gamma)" → "(Alpha|Beta|Gamma)" → "(Alpha|Beta|Gamma)" → "(Alpha|Beta|Gamma)"$/,
    );
  });
});

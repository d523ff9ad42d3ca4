import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A plain clone must be enough to build and test Tessera: no file may reach for material beside the
 * repository (such as a sibling shared/ folder). This walks every source, script and config file and
 * resolves each relative path that climbs with "../" from the file's folder; one that lands outside the
 * repository is a failure.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'artifacts', 'coverage', '.git']);
const CHECKED = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.sh', '.yml', '.yaml', '']);
const UP = '..' + '/';
const CLIMB = new RegExp(`(?<![\\w/.])((?:${UP.replace(/\./g, '\\.')})+)`, 'g');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) yield* files(path);
    else if (info.isFile() && info.size < 2_000_000 && CHECKED.has(extname(name))) yield path;
  }
}

/** Each climbing path in `text` that, resolved from `fromDir`, leaves `root`. */
export function escapingPaths(text: string, fromDir: string, root: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(CLIMB)) {
    const target = resolve(fromDir, match[1] ?? '');
    if (target !== root && !target.startsWith(root + sep)) out.push(match[0]);
  }
  return out;
}

describe('the repository is self-contained', () => {
  it('the check finds a path that climbs out of the repository, and accepts one that stays inside', () => {
    const deep = join(ROOT, 'packages', 'server', 'src');
    expect(escapingPaths(`new URL('${UP.repeat(4)}shared/fixtures/x.json', import.meta.url)`, deep, ROOT)).toHaveLength(1);
    expect(escapingPaths(`new URL('${UP.repeat(3)}packages/credentials/schemas/', import.meta.url)`, deep, ROOT)).toEqual([]);
  });

  it('no file refers to a path outside the repository', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const file of files(ROOT)) {
      checked += 1;
      for (const hit of escapingPaths(readFileSync(file, 'utf8'), dirname(file), ROOT)) offenders.push(`${relative(ROOT, file)}: ${hit}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});

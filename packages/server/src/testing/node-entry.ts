import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How tests start a Tessera process (the CLI, a crash worker): the compiled JavaScript in dist when it is at least as
 * new as every TypeScript source it was built from, otherwise the sources through tsx. `npm test` typechecks with
 * `tsc -b` (which writes dist) before it runs vitest, so the suite gets the fast path; a lone `npx vitest` after an
 * edit falls back to tsx and still runs the code as it is now. Loading dist takes about a third of tsx's time.
 */
const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGES = ['server', 'shared', 'credentials'].map((p) => resolve(SERVER, '..', p));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let fresh: boolean | undefined;
/** Whether every package's dist was built after its last source change (checked once per test process). */
export function distIsCurrent(): boolean {
  fresh ??= PACKAGES.every((pkg) => {
    const info = join(pkg, 'dist', '.tsbuildinfo');
    return existsSync(info) && statSync(info).mtimeMs >= newestSource(join(pkg, 'src'));
  });
  return fresh;
}

const TSX = ['--conditions=source', '--import', 'tsx'];

/** Node arguments that run the server module `file` (a path to a .ts file under packages/server/src) as a script. */
export function scriptArgs(file: string): string[] {
  if (distIsCurrent()) return [join(SERVER, 'dist', relative(join(SERVER, 'src'), file)).replace(/\.ts$/, '.js')];
  return [...TSX, file];
}

/** Node arguments that run the `tessera` CLI; the CLI's own arguments follow them. */
export function cliArgs(): string[] {
  if (distIsCurrent()) return [join(SERVER, 'bin', 'tessera.js')];
  const main = join(SERVER, 'src', 'cli', 'main.ts');
  const code = `import(${JSON.stringify(new URL(`file://${main}`).href)}).then((m) => m.main(process.argv.slice(1))).then((code) => process.exit(code))`;
  return [...TSX, '-e', code];
}

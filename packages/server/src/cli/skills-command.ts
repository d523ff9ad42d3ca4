import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Deps } from '../context.js';
import { ConfigError, loadEnv } from '../env.js';
import { bootstrap } from '../main.js';
import { findOrgBySlug } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { fetchFrameworkText, frameworkFetcher, importFramework, SkillImportError } from '../skills/index.js';
import type { ImportFormat } from '../skills/index.js';

const USAGE = 'Usage: tessera skills import FILE|URL (--org SLUG | --platform) [--format auto|case|rsd|csv] [--title TITLE] [--json]\n';
const FORMATS: readonly ImportFormat[] = ['auto', 'case', 'rsd', 'csv'];

/** Where the command writes. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only then). */
  tty: boolean;
}

/** Parsed `skills import` arguments. */
interface ImportArgs {
  source: string;
  org: string | null;
  json: boolean;
  format: ImportFormat;
  title: string | null;
}

function parseImportArgs(argv: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      org: { type: 'string' },
      platform: { type: 'boolean' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      title: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [source, ...extra] = positionals;
  if (!source || extra.length) throw new Error('give one FILE or URL');
  if (!!values.org === !!values.platform) throw new Error('give --org SLUG or --platform (one of them)');
  const format = (values.format ?? 'auto') as ImportFormat;
  if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
  return { source, org: values.org ?? null, json: values.json === true, format, title: values.title ?? null };
}

/**
 * `tessera skills import` on given deps: exit 0 imported, 2 could not run (bad arguments, unknown organisation,
 * unreadable or malformed file: each problem printed with its JSON path or CSV row).
 */
export async function skillsImport(deps: Deps, argv: string[], io: CommandIo): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    io.err(`tessera skills import: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const isUrl = /^https?:\/\//i.test(args.source);
  const fail = (message: string, problems: Array<{ path: string; message: string }>) => {
    io.err(`tessera skills import: ${message}\n${problems.map((p) => `  ${p.path}: ${p.message}\n`).join('')}`);
    if (args.json) io.out(`${JSON.stringify({ error: message, problems })}\n`);
    return 2;
  };
  try {
    let orgId: string | null = null;
    if (args.org) {
      const org = await findOrgBySlug(deps.db, args.org);
      if (!org) return fail(`No organisation "${args.org}"`, []);
      orgId = org.id;
    }
    let text: string;
    if (isUrl) text = await fetchFrameworkText(frameworkFetcher(deps), args.source);
    else {
      if (!existsSync(args.source) || !statSync(args.source).isFile()) return fail(`cannot read ${args.source}`, []);
      text = readFileSync(args.source, 'utf8');
    }
    const defaultTitle = basename(isUrl ? new URL(args.source).pathname : args.source, extname(args.source)) || 'Imported skills';
    const out = await importFramework(deps, {
      actorId: null,
      orgId,
      format: args.format,
      text,
      title: args.title ?? defaultTitle,
      sourceUri: isUrl ? args.source : null,
      onProgress: (done, total) =>
        io.tty && !args.json && io.err(`\r  skills ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
    });
    if (io.tty && !args.json) io.err('\n');
    const framework = {
      id: out.framework.id,
      title: out.framework.title,
      scope: out.framework.orgId ? 'org' : 'platform',
      sourceKind: out.framework.sourceKind,
      sourceId: out.framework.sourceId,
      version: out.framework.version,
      created: out.created,
    };
    if (args.json)
      io.out(
        `${JSON.stringify({ framework, skills: out.skills, associations: out.associations, retired: out.retired, warnings: out.warnings })}\n`,
      );
    else {
      io.out(
        `${out.created ? 'Imported' : 'Updated'} "${framework.title}" (${framework.scope}, ${framework.sourceKind}): ${out.skills} skills, ${out.associations} associations${out.retired ? `, ${out.retired} retired` : ''}.\n`,
      );
      for (const w of out.warnings) io.err(`  warning ${w.path}: ${w.message}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof SkillImportError) return fail(e.message, e.problems);
    if (e instanceof AppError) return fail(e.message, e.errors ?? []);
    throw e;
  }
}

/** `tessera skills …`: boots the configured database and runs the subcommand. */
export async function runSkills(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'import') {
    process.stderr.write(`tessera skills: unknown subcommand ${sub ?? '(none)'}\n${USAGE}`);
    return 2;
  }
  let database;
  try {
    const booted = await bootstrap(loadEnv());
    database = booted.database;
    return await skillsImport(booted.deps, rest, {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      tty: process.stderr.isTTY === true,
    });
  } catch (err) {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : `tessera skills: ${err instanceof Error ? err.message : String(err)}`}\n`,
    );
    return 2;
  } finally {
    await database?.close();
  }
}

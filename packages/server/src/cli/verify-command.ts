import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFetcher, verifyCredential } from '@tessera/credentials';
import type { Report, Step } from '@tessera/credentials';
import { z } from 'zod';

/** The engine's report types. */
export type { Step, Report } from '@tessera/credentials';

/** A `--documents` map file: URL → path of a JSON file, relative to the map. */
const DocumentMap = z.record(z.string().min(1), z.string().min(1));

/** Read a `--documents` map (URL → file path relative to the map) into parsed documents. */
export async function loadDocumentMap(file: string): Promise<Map<string, object>> {
  const parsed = DocumentMap.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a documents map (a JSON object of URL → file path): ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  const map = parsed.data;
  const out = new Map<string, object>();
  for (const [url, path] of Object.entries(map)) out.set(url, JSON.parse(await readFile(resolve(dirname(file), path), 'utf8')) as object);
  return out;
}

/** Verify a credential into the engine's step report (documents by URL, the verifier's clock). */
export async function verifyReport(
  credential: Record<string, unknown> | string | Uint8Array,
  opts: { documents: Map<string, object>; now: Date },
): Promise<Report> {
  return verifyCredential(credential, { documents: opts.documents, now: opts.now });
}

const SYMBOL: Record<Step['status'], string> = { passed: '✓', failed: '✗', warning: '!', unknown: '?' };

/** `tessera verify FILE|- [--json] [--documents MAP.json] [--now ISO]`: exit 0 valid, 1 invalid or indeterminate, 2 could not run. */
export async function runVerify(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, documents: { type: 'string' }, now: { type: 'string' }, fetch: { type: 'boolean' } },
    });
  } catch (e) {
    process.stderr.write(`tessera verify: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const [input] = parsed.positionals;
  if (!input) {
    process.stderr.write('Usage: tessera verify FILE|URL|- [--json] [--documents MAP.json] [--now ISO] [--fetch]\n');
    return 2;
  }
  try {
    const now = parsed.values.now ? new Date(parsed.values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${parsed.values.now}`);
    const documents = parsed.values.documents ? await loadDocumentMap(parsed.values.documents) : new Map<string, object>();
    // Offline unless --fetch: then anything not in --documents goes through the guarded fetcher.
    const fetcher = parsed.values.fetch ? createFetcher({ mode: 'on' }) : undefined;
    let input_: Uint8Array | Record<string, unknown>;
    if (input === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      input_ = new Uint8Array(Buffer.concat(chunks));
    } else if (/^https?:\/\//.test(input)) {
      const doc = documents.get(input);
      if (doc) input_ = doc as Record<string, unknown>;
      else if (fetcher)
        input_ = (await fetcher.get(input, 'application/vc+ld+json, application/json, application/jwt, image/png, image/svg+xml;q=0.9'))
          .body;
      else throw new Error(`${input} is not in --documents; add --fetch to fetch it (https only, public addresses only)`);
    } else input_ = new Uint8Array(await readFile(input));
    const report = fetcher ? await verifyCredential(input_, { documents, now, fetcher }) : await verifyReport(input_, { documents, now });
    if (parsed.values.json)
      process.stdout.write(`${JSON.stringify({ verdict: report.verdict, format: report.format, steps: report.steps }, null, 2)}\n`);
    else
      process.stdout.write(
        `${report.steps.map((s) => `${SYMBOL[s.status]} ${s.id}: ${s.message}`).join('\n')}\nverdict: ${report.verdict}\n`,
      );
    return report.verdict === 'valid' ? 0 : 1;
  } catch (e) {
    process.stderr.write(`tessera verify: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

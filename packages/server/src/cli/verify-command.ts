import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { decodeList, getBit } from '../credentials/bitstring.js';
import { bundledDocumentLoader } from '../credentials/documents.js';
import { didWebUrl } from '../orgs/did.js';

/** One step of a verification report. */
export interface Step {
  id: string;
  status: 'passed' | 'failed' | 'warning' | 'unknown';
  message: string;
}

/** A verification report: ordered steps and a verdict. */
export interface Report {
  verdict: 'valid' | 'invalid' | 'indeterminate';
  steps: Step[];
}

type Loader = ReturnType<typeof bundledDocumentLoader>;

/** Read a `--documents` map (URL → file path relative to the map) into parsed documents. */
export async function loadDocumentMap(file: string): Promise<Map<string, object>> {
  const map = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  const out = new Map<string, object>();
  for (const [url, path] of Object.entries(map)) out.set(url, JSON.parse(await readFile(resolve(dirname(file), path), 'utf8')) as object);
  return out;
}

/** A loader that also resolves did:web DIDs and their verification methods through the documents map. */
function loaderWith(documents: Map<string, object>): Loader {
  const base = bundledDocumentLoader(documents);
  const fragmentControllers = new Map<string, string[]>();
  return async (url: string) => {
    const methods = fragmentControllers.get(url);
    if (methods && !documents.has(url)) {
      // The controller of a key-in-fragment method: it controls exactly the keys named that way.
      return { contextUrl: null, documentUrl: url, document: { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: url, assertionMethod: methods } };
    }
    if (url.startsWith('did:key:z6Mk')) {
      const did = url.split('#')[0] ?? url;
      const key = did.slice('did:key:'.length);
      const vm = { '@context': 'https://w3id.org/security/multikey/v1', id: `${did}#${key}`, type: 'Multikey', controller: did, publicKeyMultibase: key };
      return { contextUrl: null, documentUrl: url, document: url.includes('#') ? vm : { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [vm], assertionMethod: [vm.id] } };
    }
    const fragmentKey = /^https:\/\/[^#]+#(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(url);
    if (fragmentKey && !documents.has(url)) {
      // An https verification method whose fragment is the key itself (as 1EdTech's validator reads it).
      const controller = url.split('#')[0] ?? url;
      fragmentControllers.set(controller, [...new Set([...(fragmentControllers.get(controller) ?? []), url])]);
      return { contextUrl: null, documentUrl: url, document: { '@context': 'https://w3id.org/security/multikey/v1', id: url, type: 'Multikey', controller, publicKeyMultibase: fragmentKey[1] } };
    }
    if (url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#') as [string, string | undefined];
      const httpUrl = didWebUrl(did);
      const doc = (documents.get(httpUrl) ?? documents.get(httpUrl.replace(/^http:/, 'https:')) ?? documents.get(httpUrl.replace(/^https:/, 'http:'))) as
        | { verificationMethod?: Array<{ id: string }> }
        | undefined;
      if (!doc) throw new Error(`DID document of ${did} not available offline (map ${httpUrl} in --documents)`);
      if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
      const vm = doc.verificationMethod?.find((m) => m.id === url || m.id === `#${fragment}`);
      if (!vm) throw new Error(`${url} is not in its DID document`);
      return { contextUrl: null, documentUrl: url, document: { '@context': 'https://w3id.org/security/multikey/v1', ...vm } };
    }
    return base(url);
  };
}

async function checkProof(credential: Record<string, unknown>, loader: Loader, now: Date): Promise<Step> {
  const proofs = ([] as unknown[]).concat(credential['proof'] ?? []) as Array<{ cryptosuite?: string; type?: string }>;
  if (proofs.length === 0) return { id: 'proof', status: 'failed', message: 'The credential has no proof' };
  const suites = proofs.map((p) => p.cryptosuite ?? p.type);
  if (!suites.every((s) => s === 'eddsa-rdfc-2022')) return { id: 'proof', status: 'unknown', message: `This verifier checks eddsa-rdfc-2022 proofs; found ${suites.join(', ')}` };
  try {
    const result = await verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: loader, checkStatus: async () => ({ verified: true }), now });
    if (result.verified) return { id: 'proof', status: 'passed', message: 'The eddsa-rdfc-2022 signature is valid for the issuer’s key' };
    const err = result.error as { message?: string; errors?: Array<{ message?: string }> } | undefined;
    const why = err?.errors?.map((e) => e.message).join('; ') ?? err?.message ?? 'signature does not match';
    return { id: 'proof', status: /not available offline/.test(why) ? 'unknown' : 'failed', message: `The proof does not verify: ${why}` };
  } catch (e) {
    return { id: 'proof', status: 'unknown', message: `The proof could not be checked: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function checkDates(credential: Record<string, unknown>, now: Date): Step {
  const from = credential['validFrom'] ?? credential['issuanceDate'];
  const until = credential['validUntil'] ?? credential['expirationDate'];
  if (typeof from === 'string' && new Date(from) > now) return { id: 'dates', status: 'failed', message: `Not valid before ${from}` };
  if (typeof until === 'string' && new Date(until) <= now) return { id: 'dates', status: 'failed', message: `Expired on ${until}` };
  return { id: 'dates', status: 'passed', message: until ? `Valid until ${String(until)}` : 'No expiry date' };
}

async function checkStatus(credential: Record<string, unknown>, loader: Loader, documents: Map<string, object>, now: Date): Promise<Step[]> {
  const entries = ([] as unknown[]).concat(credential['credentialStatus'] ?? []) as Array<Record<string, string>>;
  if (entries.length === 0) return [{ id: 'status', status: 'passed', message: 'The credential declares no status list' }];
  const steps: Step[] = [];
  for (const e of entries) {
    const id = `status.${e['statusPurpose'] ?? 'unknown'}`;
    if (e['type'] !== 'BitstringStatusListEntry') {
      steps.push({ id, status: 'unknown', message: `Status type ${e['type']} is not checked by this verifier` });
      continue;
    }
    const list = documents.get(e['statusListCredential'] ?? '') as Record<string, unknown> | undefined;
    if (!list) {
      steps.push({ id, status: 'unknown', message: `The status list ${e['statusListCredential']} is not available offline` });
      continue;
    }
    const proof = await checkProof(list, loader, now);
    if (proof.status !== 'passed') {
      steps.push({ id, status: proof.status === 'failed' ? 'failed' : 'unknown', message: `The status list's own proof: ${proof.message}` });
      continue;
    }
    const subject = list['credentialSubject'] as Record<string, string> | undefined;
    const set = getBit(decodeList(subject?.['encodedList'] ?? ''), Number(e['statusListIndex']));
    const purpose = e['statusPurpose'] ?? 'revocation';
    steps.push(set ? { id, status: 'failed', message: purpose === 'suspension' ? 'The credential is suspended' : 'The credential has been revoked' } : { id, status: 'passed', message: purpose === 'suspension' ? 'Not suspended' : 'Not revoked' });
  }
  return steps;
}

/** Verify a credential (JSON object) into a step report. */
export async function verifyReport(credential: Record<string, unknown>, opts: { documents: Map<string, object>; now: Date }): Promise<Report> {
  const steps: Step[] = [{ id: 'parse', status: 'passed', message: 'Parsed JSON' }];
  const ctx = ([] as unknown[]).concat(credential['@context'] ?? []);
  const types = ([] as unknown[]).concat(credential['type'] ?? []);
  const v2 = ctx[0] === 'https://www.w3.org/ns/credentials/v2';
  const v1 = ctx[0] === 'https://www.w3.org/2018/credentials/v1';
  const ob3 = types.includes('OpenBadgeCredential') || types.includes('AchievementCredential') || types.includes('EndorsementCredential') || types.includes('ClrCredential');
  steps.push(
    v2 || v1
      ? { id: 'format', status: ob3 ? (v1 ? 'warning' : 'passed') : 'warning', message: `${v2 ? 'VC Data Model 2.0' : 'VC Data Model 1.1'}${ob3 ? ', Open Badges 3.0 / CLR 2.0' : ', not an Open Badges type'}` }
      : { id: 'format', status: 'failed', message: 'Not a W3C Verifiable Credential (unknown @context)' },
  );
  const loader = loaderWith(opts.documents);
  steps.push(await checkProof(credential, loader, opts.now));
  steps.push(checkDates(credential, opts.now));
  steps.push(...(await checkStatus(credential, loader, opts.documents, opts.now)));
  const verdict = steps.some((s) => s.status === 'failed') ? 'invalid' : steps.some((s) => s.status === 'unknown') ? 'indeterminate' : 'valid';
  return { verdict, steps };
}

const SYMBOL: Record<Step['status'], string> = { passed: '✓', failed: '✗', warning: '!', unknown: '?' };

/** `tessera verify FILE|- [--json] [--documents MAP.json] [--now ISO]`: exit 0 valid, 1 invalid or indeterminate, 2 could not run. */
export async function runVerify(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, documents: { type: 'string' }, now: { type: 'string' } } });
  } catch (e) {
    process.stderr.write(`tessera verify: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const [input] = parsed.positionals;
  if (!input) {
    process.stderr.write('Usage: tessera verify FILE|- [--json] [--documents MAP.json] [--now ISO]\n');
    return 2;
  }
  try {
    const now = parsed.values.now ? new Date(parsed.values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${parsed.values.now}`);
    const documents = parsed.values.documents ? await loadDocumentMap(parsed.values.documents) : new Map<string, object>();
    let text: string;
    if (input === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      text = Buffer.concat(chunks).toString('utf8');
    } else if (/^https?:\/\//.test(input)) {
      const doc = documents.get(input);
      if (!doc) throw new Error(`${input} is not in --documents, and this command does not fetch over the network`);
      text = JSON.stringify(doc);
    } else text = await readFile(input, 'utf8');
    let credential: Record<string, unknown>;
    try {
      credential = JSON.parse(text) as Record<string, unknown>;
    } catch {
      const report: Report = { verdict: 'invalid', steps: [{ id: 'parse', status: 'failed', message: 'The input is not JSON' }] };
      process.stdout.write(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : `✗ parse: The input is not JSON\nverdict: invalid\n`);
      return 1;
    }
    const report = await verifyReport(credential, { documents, now });
    if (parsed.values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${report.steps.map((s) => `${SYMBOL[s.status]} ${s.id}: ${s.message}`).join('\n')}\nverdict: ${report.verdict}\n`);
    return report.verdict === 'valid' ? 0 : 1;
  } catch (e) {
    process.stderr.write(`tessera verify: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

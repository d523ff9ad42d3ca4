import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Verdict } from './report.js';
import { verifyCredential } from './verify.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url);
const OB30 = new URL('1edtech-validator/ob30/', FIXTURES);
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const NOW = new Date('2026-11-24T00:00:00Z');

/** The official OB 3.0 JSON Schemas, resolved offline from their canonical URLs. */
function schemaDocuments(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(SCHEMAS)) {
    const schema = JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as { $id: string };
    // The schemas' $id says /json-ld/; credentials name them under /json/ (the URL 1EdTech publishes).
    docs.set(schema.$id, schema);
    docs.set(schema.$id.replace('/schema/json-ld/', '/schema/json/'), schema);
  }
  return docs;
}

async function verifyFixture(name: string, documents = schemaDocuments()) {
  const bytes = new Uint8Array(readFileSync(new URL(name, OB30)));
  return verifyCredential(bytes, { now: NOW, documents });
}

/** Expected verdicts from test/fixtures/README.md; `step` is a step that must carry the given status. */
const EXPECTED: Array<{ file: string; verdict: Verdict | Verdict[]; step?: [string, 'passed' | 'failed' | 'warning' | 'unknown'] }> = [
  { file: 'simple.json', verdict: 'valid', step: ['proof', 'passed'] },
  { file: 'simple.1ob', verdict: 'valid' },
  { file: 'simple-context-alias.json', verdict: 'valid' },
  { file: 'simple-multiple-proofs.json', verdict: 'valid', step: ['proof[1]', 'passed'] },
  { file: 'simple-did-web-method.json', verdict: 'valid' },
  { file: 'simple-did-key-method.json', verdict: 'valid', step: ['proof', 'passed'] },
  { file: 'simple-json.png', verdict: 'valid', step: ['parse', 'passed'] },
  { file: 'simple-json.svg', verdict: 'valid', step: ['parse', 'passed'] },
  { file: 'simple-jwt.png', verdict: 'valid', step: ['proof.jwt', 'passed'] },
  { file: 'simple-jwt.svg', verdict: 'valid', step: ['proof.jwt', 'passed'] },
  { file: 'simple_v1.json', verdict: 'valid', step: ['format', 'warning'] },
  { file: 'simple-jwt_v1.png', verdict: 'valid', step: ['format', 'warning'] },
  { file: 'simple-jwt_v1.svg', verdict: 'valid', step: ['format', 'warning'] },
  { file: 'simple-eddsa-2022.json', verdict: 'valid', step: ['proof.suite', 'warning'] },
  { file: 'simple-context-version.json', verdict: 'valid', step: ['context.version', 'warning'] },
  { file: 'endorsement-valid.json', verdict: 'valid', step: ['type', 'passed'] },
  { file: 'sd/derivedcredential.json', verdict: 'valid', step: ['proof', 'passed'] },
  { file: 'simple-noproof.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-proof-value.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-proof-method.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-proof-method-no-scheme.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-proof-method-unknown-scheme.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-proof-method-unknown-did-method.json', verdict: 'invalid', step: ['proof', 'failed'] },
  { file: 'simple-err-expired.json', verdict: 'invalid', step: ['dates', 'failed'] },
  { file: 'simple-err-issued.json', verdict: 'invalid', step: ['dates', 'failed'] },
  { file: 'simple-err-type.json', verdict: 'invalid', step: ['type', 'failed'] },
  { file: 'simple-err-context.json', verdict: 'invalid', step: ['format', 'failed'] },
  { file: 'simple-err-issuer.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-credential-subject-achievement-result-description-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-credential-subject-identifier-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-credential-subject-profile-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-credential-subject-result-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-credential-subject-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-evidence-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-issuer-otheridentifier-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-issuer-parentorg-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'simple-err-issuer-type.json', verdict: 'invalid', step: ['structure', 'failed'] },
  { file: 'complete.json', verdict: ['invalid', 'indeterminate'], step: ['status.revocation', 'unknown'] },
  { file: 'complete_v1.json', verdict: 'invalid', step: ['dates', 'failed'] },
  { file: 'endorsement-err-schema-status-refresh.json', verdict: 'invalid' },
  { file: 'credential-status-revoked.json', verdict: ['invalid', 'indeterminate'], step: ['status.revocation', 'unknown'] },
  { file: 'simple.jwt', verdict: 'invalid', step: ['proof.jwt', 'failed'] },
  { file: 'velocity.jwt', verdict: 'invalid' },
];

describe('1EdTech validator fixtures get the verdicts the fixtures README gives', () => {
  it.each(EXPECTED)('$file → $verdict', async ({ file, verdict, step }) => {
    const report = await verifyFixture(file);
    expect([verdict].flat(), JSON.stringify(report.steps, null, 1)).toContain(report.verdict);
    if (step) expect(report.steps.find((s) => s.id === step[0])?.status, JSON.stringify(report.steps, null, 1)).toBe(step[1]);
    // A step that could not be checked is never reported as passed.
    for (const s of report.steps) if (s.status === 'passed') expect(s.message).not.toMatch(/not available|could not/);
  });

  it('runs the official JSON Schema named by credentialSchema when it is available offline', async () => {
    const report = await verifyFixture('complete.json');
    expect(report.steps.find((s) => s.id === 'schema')?.status).toBe('passed');
    const withoutSchemas = await verifyFixture('complete.json', new Map());
    expect(withoutSchemas.steps.find((s) => s.id === 'schema')?.status).toBe('warning');
    // The official schema requires `proof` to be an array: a single proof object fails it.
    const single = await verifyFixture('simple-err-proof-method.json');
    expect(single.steps.find((s) => s.id === 'schema')).toMatchObject({ status: 'failed', message: expect.stringContaining('/proof must be array') });
  });

  it('shows a revoked Bitstring entry as failed when the list is mapped offline', async () => {
    const dir = new URL('bit-string-list/', OB30);
    const files = readdirSync(dir);
    const revoked = files.filter((f) => f.startsWith('credential-status-revoked'));
    expect(revoked.length).toBeGreaterThan(0);
    for (const f of revoked) {
      const credential = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { credentialStatus: { statusListCredential: string } | Array<{ statusListCredential: string }> };
      const url = [credential.credentialStatus].flat()[0]?.statusListCredential ?? '';
      const list = JSON.parse(readFileSync(new URL('testlist', dir), 'utf8')) as unknown;
      const report = await verifyCredential(credential as unknown as Record<string, unknown>, { now: NOW, documents: new Map([[url, list]]) });
      expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('invalid');
      expect(report.steps.some((s) => s.id.startsWith('status.') && s.status === 'failed' && /revoked/.test(s.message))).toBe(true);
    }
  });

  it('refuses bytes that are neither JSON, JWT, PNG nor SVG, and images without a credential', async () => {
    expect((await verifyCredential(new Uint8Array([1, 2, 3]))).steps[0]).toMatchObject({ id: 'parse', status: 'failed' });
    const bare = '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>';
    expect((await verifyCredential(bare)).steps[0]).toMatchObject({ id: 'parse', status: 'failed', message: 'The SVG has no baked credential' });
    const entity = '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>';
    expect((await verifyCredential(entity)).steps[0]).toMatchObject({ id: 'parse', status: 'failed' });
  });
});

describe('CLR 2.0 samples', () => {
  const CLR = new URL('1edtech-validator/clr20/', FIXTURES);
  const load = (f: string) => JSON.parse(readFileSync(new URL(f, CLR), 'utf8')) as Record<string, unknown>;

  it('clr20/simple.json is valid: its own proof and every credential it holds verify', async () => {
    const report = await verifyCredential(load('simple.json'), { now: NOW });
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'type')).toMatchObject({ status: 'passed', message: 'ClrCredential' });
    expect(report.steps.find((s) => s.id === 'proof')?.status).toBe('passed');
    expect(report.steps.find((s) => s.id === 'clr.credential[0]')?.status).toBe('passed');
  });

  it('clr20/simple-noproof.json is not valid', async () => {
    const report = await verifyCredential(load('simple-noproof.json'), { now: NOW });
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.id === 'proof')?.status).toBe('failed');
  });

  it('a CLR holding a tampered credential is not valid, even though the CLR proof itself is not what changed', async () => {
    const clr = load('simple.json');
    const subject = clr['credentialSubject'] as { verifiableCredential: Array<Record<string, unknown>> };
    const inner = structuredClone(subject.verifiableCredential[0]) as Record<string, unknown>;
    // Verify the inner credential alone after tampering: its own proof fails.
    inner['name'] = 'Tampered';
    const alone = await verifyCredential(inner, { now: NOW });
    expect(alone.steps.find((s) => s.id === 'proof')?.status).toBe('failed');
    subject.verifiableCredential[0] = inner;
    const report = await verifyCredential(clr, { now: NOW });
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.id === 'clr.credential[0]')?.status).toBe('failed');
  });
});

import { describe, expect, it } from 'vitest';
import {
  VerificationReport,
  shownEndorsements,
  stepName,
  verdictSummary,
  verificationProblem,
  verificationReason,
} from './verification.js';
import type { VerificationStep } from './verification.js';

describe('stepName', () => {
  it('names every step the engine reports in plain words', () => {
    const names: Record<string, string> = {
      parse: 'Read the credential',
      format: 'Credential format',
      type: 'Credential type',
      structure: 'Structure',
      schema: 'Official JSON Schema',
      jsonld: 'Strict JSON-LD',
      proof: 'Digital signature',
      'proof.jwt': 'Digital signature (JWT)',
      'proof.jws': 'Digital signature (JWS)',
      'jwt.claims': 'JWT claims',
      issuer: 'Issuer owns the key',
      dates: 'Validity dates',
      'status.revocation': 'Revocation',
      'status.suspension': 'Suspension',
      context: 'JSON-LD context',
      'context.version': 'Context version',
    };
    for (const [id, name] of Object.entries(names)) expect(stepName(id), id).toBe(name);
  });

  it('numbers indexed steps for people: proofs by ordinal, endorsements and CLR credentials from 1', () => {
    expect(stepName('proof[0]')).toBe('Digital signature (1st proof)');
    expect(stepName('proof[1]')).toBe('Digital signature (2nd proof)');
    expect(stepName('proof[2]')).toBe('Digital signature (3rd proof)');
    expect(stepName('proof[10]')).toBe('Digital signature (11th proof)');
    expect(stepName('proof[20]')).toBe('Digital signature (21st proof)');
    expect(stepName('proof[1].suite')).toBe('Signature suite (2nd proof)');
    expect(stepName('proof[0].created')).toBe('Signature date (1st proof)');
    expect(stepName('endorsement[0]')).toBe('Endorsement 1');
    expect(stepName('endorsement[3]')).toBe('Endorsement 4');
    expect(stepName('clr.credential[0]')).toBe('Credential 1 in the record');
  });

  it('names Open Badges 2.0 steps, and other status purposes', () => {
    expect(stepName('ob2.hosted')).toBe('Hosted by the issuer');
    expect(stepName('ob2.origin')).toBe('Hosted on the issuer’s site');
    expect(stepName('ob2.badge')).toBe('Badge class');
    expect(stepName('ob2.issuer')).toBe('Issuer profile');
    expect(stepName('ob2.revocation')).toBe('Revocation');
    expect(stepName('ob2.dates')).toBe('Validity dates');
    expect(stepName('ob2.recipientHash')).toBe('Recipient hash');
    expect(stepName('status.refresh')).toBe('Status (refresh)');
  });

  it('falls back to readable words, never the raw id', () => {
    const unknown = ['holder', 'keyAgreement', 'did_resolution', 'vc.jwtHeader', 'proof.nonce', 'thing[4]', 'endorsement[1].proof', ''];
    const names = unknown.map(stepName);
    expect(names).toEqual([
      'Holder',
      'Key agreement',
      'DID resolution',
      'VC: JWT header',
      'Digital signature: nonce',
      'Thing 5',
      'Endorsement 2: Digital signature',
      'Check',
    ]);
    for (const [i, id] of unknown.entries()) if (id) expect(names[i]).not.toBe(id);
  });
});

describe('verification reasons', () => {
  const steps: VerificationStep[] = [
    { id: 'parse', status: 'passed', message: 'Read JSON' },
    { id: 'status.revocation', status: 'unknown', message: 'The status list is not available' },
    { id: 'issuer', status: 'failed', message: 'The signing key is controlled by did:key:z6MkX, not by the issuer did:web:example.org' },
    { id: 'dates', status: 'failed', message: 'Expired' },
  ];

  it('names the first failed step, else the first that could not be checked', () => {
    expect(verificationProblem(steps)?.id).toBe('issuer');
    expect(verificationReason(steps)).toBe(
      'Issuer owns the key: The signing key is controlled by did:key:z6MkX, not by the issuer did:web:example.org',
    );
    expect(verificationReason(steps.filter((s) => s.status !== 'failed'))).toBe('Revocation: The status list is not available');
    expect(
      verificationReason([
        { id: 'proof', status: 'passed', message: 'ok' },
        { id: 'schema', status: 'warning', message: 'not mapped' },
      ]),
    ).toBeNull();
  });

  it('parses a report as the API returns it, and refuses a malformed one', () => {
    const report = { verdict: 'invalid', steps, format: 'Open Badges 3.0', credential: { id: 'urn:uuid:1' } };
    expect(VerificationReport.parse(report)).toEqual(report);
    expect(VerificationReport.safeParse({ ...report, verdict: 'maybe' }).success).toBe(false);
    expect(VerificationReport.safeParse({ ...report, steps: [{ id: 'proof', status: 'ok', message: '' }] }).success).toBe(false);
  });
});

describe('verdict summaries', () => {
  const steps: VerificationStep[] = [
    { id: 'parse', status: 'passed', message: 'Read JSON' },
    { id: 'issuer', status: 'unknown', message: 'The issuer’s DID document could not be fetched' },
    { id: 'status.revocation', status: 'unknown', message: 'The status list is not available' },
  ];

  it('words indeterminate as "Could not be fully verified" with the first unknown step, invalid as "Not valid", valid alone', () => {
    expect(verdictSummary('indeterminate', steps)).toBe(
      'Could not be fully verified — Issuer owns the key: The issuer’s DID document could not be fetched',
    );
    expect(verdictSummary('invalid', [...steps, { id: 'dates', status: 'failed', message: 'Expired' }])).toBe(
      'Not valid — Validity dates: Expired',
    );
    expect(verdictSummary('valid', steps)).toBe('Valid');
    expect(verdictSummary('indeterminate', [])).toBe('Could not be fully verified');
  });
});

describe('endorsements in a report', () => {
  const cred = (name: string) => ({ type: ['VerifiableCredential', 'EndorsementCredential'], issuer: { id: 'did:example:e', name } });
  const endorsements = [
    { index: 0, outcome: 'verified' as const, credential: cred('Good') },
    { index: 1, outcome: 'expired' as const, credential: cred('Old') },
    { index: 2, outcome: 'rejected' as const, credential: null },
    // A rejected endorsement is never shown, even if a report carried a copy of it.
    { index: 3, outcome: 'rejected' as const, credential: cred('Forged') },
  ];

  it('keeps the checked endorsements when a report is parsed (they are not stripped), and refuses unknown outcomes', () => {
    const report = { verdict: 'valid', steps: [], format: 'Open Badges 3.0', credential: {}, endorsements };
    expect(VerificationReport.parse(report)).toEqual(report);
    expect(VerificationReport.parse({ ...report, endorsements: undefined }).endorsements).toBeUndefined();
    expect(VerificationReport.safeParse({ ...report, endorsements: [{ index: 0, outcome: 'trusted', credential: null }] }).success).toBe(
      false,
    );
  });

  it('shows only verified and expired endorsements (expired marked), from the checked copies', () => {
    expect(shownEndorsements({ endorsements })).toEqual([
      { credential: cred('Good'), expired: false },
      { credential: cred('Old'), expired: true },
    ]);
    expect(shownEndorsements({})).toEqual([]);
  });
});

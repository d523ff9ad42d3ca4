import { AchievementCredential, identityMatches } from '@tessera/credentials';
import type { IdentityObject } from '@tessera/credentials';
import { describe, expect, it } from 'vitest';
import { normaliseContent } from '../achievements/content.js';
import type { OrgRow } from '../orgs/store.js';
import { IssuedAchievementCredential, buildAchievementCredential } from './build-credential.js';
import type { CredentialInput } from './build-credential.js';

const now = new Date('2026-11-25T10:00:00.123Z');
const org: OrgRow = {
  id: 'org_1',
  slug: 'riverside',
  name: 'Riverside School District',
  url: 'https://riverside.example',
  email: 'badges@riverside.example',
  description: 'A district.',
  image: null,
  address: { addressLocality: 'Riverside', addressRegion: 'CA', addressCountry: '', streetAddress: '  ' },
  brandColor: '#1f5fbf',
  reviewSlaDays: 14,
  doubleScorePercent: 10,
  blindReviews: true,
  suspensionEnabled: false,
  reviewLabelSecret: null,
  verifiedDomain: null,
  domainVerifiedAt: null,
  domainVerificationMethod: null,
  pendingDomain: null,
  domainToken: null,
  awardRoles: [],
  createdAt: now,
  updatedAt: now,
};
const content = normaliseContent({
  name: 'Facilitating Online Discussions',
  description: 'Plans and runs a discussion.',
  learningGoal: 'Run discussions',
  criteriaNarrative: 'Submit a plan and a transcript.',
  skills: ['facilitation'],
  alignments: [{ targetName: 'ISTE 2.5', targetUrl: 'https://iste.example/2.5' }],
  evidenceRequirements: [{ id: 'plan', prompt: 'Upload your plan', kinds: ['file', 'text'] }],
  rubric: {
    criteria: [
      {
        id: 'c1',
        name: 'Planning',
        description: 'Plans',
        requiredLevelId: 'ok',
        levels: [
          { id: 'no', name: 'Not yet', points: 0 },
          { id: 'ok', name: 'Proficient', description: 'Good', points: 3 },
        ],
      },
    ],
  },
});

function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    id: 'urn:uuid:7f0c7c8e-0c3f-4f4e-9a51-5c1a3f1d2b11',
    baseUrl: 'https://tessera.test',
    issuerDid: 'did:web:tessera.test:orgs:riverside',
    org,
    achievementId: 'ach_1',
    version: 2,
    content,
    imageUrl: 'https://tessera.test/api/v1/achievements/ach_1/image',
    learner: { email: 'alex@example.edu', accountRef: 'https://tessera.test/people/acc_1', name: 'Alex Kim', did: null, showName: true },
    scores: [{ criterionId: 'c1', levelId: 'ok' }],
    evidence: [
      {
        requirementId: 'plan',
        url: 'https://tessera.test/credentials/c1/evidence/plan',
        served: 'file',
        sha256: 'ab'.repeat(32),
        mediaType: 'application/pdf',
      },
      {
        requirementId: 'gone',
        url: 'https://tessera.test/credentials/c1/evidence/gone',
        served: 'text',
        sha256: 'cd'.repeat(32),
        mediaType: null,
      },
    ],
    issuedAt: now,
    validUntil: null,
    status: { revocation: { url: 'https://tessera.test/orgs/riverside/status/r1', index: 7 }, suspension: null },
    saltSource: () => 'pepper',
    ...overrides,
  };
}

describe('buildAchievementCredential (server)', () => {
  it('builds a credential the OB 3.0 model accepts, from the rubric, scores, evidence and organisation', () => {
    const c = buildAchievementCredential(input());
    expect(AchievementCredential.safeParse(c).success).toBe(true);
    expect(c.validFrom).toBe('2026-11-25T10:00:00Z');
    expect(c.credentialStatus).toEqual({
      id: 'https://tessera.test/orgs/riverside/status/r1#7',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: 'https://tessera.test/orgs/riverside/status/r1',
    });
    expect(c.issuer).toMatchObject({
      id: 'did:web:tessera.test:orgs:riverside',
      type: ['Profile'],
      name: 'Riverside School District',
      address: { type: ['Address'], addressLocality: 'Riverside', addressRegion: 'CA' },
    });
    // Blank address parts are left out.
    expect(JSON.stringify(c.issuer)).not.toContain('addressCountry');
    const subject = c.credentialSubject;
    const [email, name] = (subject.identifier ?? []) as IdentityObject[];
    expect(email && identityMatches(email, 'alex@example.edu')).toBe(true);
    expect(email && identityMatches(email, 'someone@example.edu')).toBe(false);
    expect(email?.salt).toBe('pepper');
    expect(name).toEqual({ type: 'IdentityObject', identityHash: 'Alex Kim', identityType: 'name', hashed: false });
    const rd = subject.achievement.resultDescription?.[0];
    expect(rd?.requiredLevel).toBe('https://tessera.test/achievements/ach_1/versions/2#criterion-c1-level-ok');
    expect(rd?.['rubricCriterionLevel']).toHaveLength(2);
    expect(subject.result?.[0]).toMatchObject({
      type: ['Result'],
      resultDescription: rd?.id,
      achievedLevel: rd?.requiredLevel,
      status: 'Completed',
    });
    expect(subject.achievement.alignment?.[0]).toMatchObject({ type: ['Alignment'], targetName: 'ISTE 2.5' });
    expect(subject.achievement.criteria.narrative).toBe('Learning goal: Run discussions\n\nSubmit a plan and a transcript.');
    // Evidence goes by reference (issue 13): the URL on this server that serves it to the people the learner allows,
    // the requirement's name, a neutral description and a digest. It used to carry the learner's text as
    // `narrative` and the file's name; neither may reach what we sign any more.
    expect(c.evidence?.[0]).toEqual({
      type: ['Evidence'],
      id: 'https://tessera.test/credentials/c1/evidence/plan',
      name: 'Upload your plan',
      description:
        'A file (application/pdf). The URL serves it to the people the learner allows; digestSRI is the SHA-256 of what it serves.',
      digestSRI: `sha256-${Buffer.from('ab'.repeat(32), 'hex').toString('base64')}`,
    });
    // Evidence for a requirement no longer in the content is named by its id.
    expect(c.evidence?.[1]).toMatchObject({
      id: 'https://tessera.test/credentials/c1/evidence/gone',
      name: 'gone',
      digestSRI: `sha256-${Buffer.from('cd'.repeat(32), 'hex').toString('base64')}`,
    });
    expect(JSON.stringify(c.evidence)).not.toMatch(/narrative|plan\.pdf/);
  });

  it('leaves the name out when the learner hides it, and carries a second entry when suspension is on', () => {
    const c = buildAchievementCredential(
      input({
        learner: {
          email: 'alex@example.edu',
          accountRef: 'https://tessera.test/people/acc_1',
          name: 'Alex Kim',
          did: 'did:key:z6MkExample',
          showName: false,
        },
        status: { revocation: { url: 'https://tessera.test/s/r', index: 1 }, suspension: { url: 'https://tessera.test/s/s', index: 2 } },
        validUntil: new Date('2027-11-25T10:00:00Z'),
      }),
    );
    expect(c.credentialSubject.identifier).toHaveLength(1);
    expect(c.credentialSubject.id).toBe('did:key:z6MkExample');
    expect(c.validUntil).toBe('2027-11-25T10:00:00Z');
    expect(c.credentialStatus).toEqual([
      expect.objectContaining({ statusPurpose: 'revocation', statusListIndex: '1' }),
      expect.objectContaining({ statusPurpose: 'suspension', statusListIndex: '2' }),
    ]);
    expect(IssuedAchievementCredential.safeParse(c).success).toBe(true);
    // The official OB 3.0 model takes only one entry.
    expect(AchievementCredential.safeParse(c).success).toBe(false);
  });

  it('binds no unverified address: without a verified email the learner is a salted hash of the account', () => {
    const c = buildAchievementCredential(
      input({ learner: { email: null, accountRef: 'https://tessera.test/people/acc_1', name: 'Alex Kim', did: null, showName: false } }),
    );
    expect(c.credentialSubject.identifier).toEqual([expect.objectContaining({ identityType: 'accountId', hashed: true })]);
    expect(JSON.stringify(c)).not.toContain('alex@example.edu');
    expect(JSON.stringify(c)).not.toContain('acc_1');
  });

  it('names the field when stored data cannot make a valid credential', () => {
    expect(() => buildAchievementCredential(input({ content: { ...content, description: '' } }))).toThrow(/description/);
  });
});

describe('the achievement shared by credentials of one version', () => {
  const achievementOf = (c: ReturnType<typeof buildAchievementCredential>) =>
    (c.credentialSubject as { achievement: { name: string } }).achievement;

  it('is built once for the same frozen parts, and afresh when a part that is not frozen changed in place', () => {
    const frozen = structuredClone(content);
    const freeze = (v: unknown) => {
      if (v && typeof v === 'object') {
        Object.values(v).forEach(freeze);
        Object.freeze(v);
      }
    };
    freeze(frozen);
    const first = achievementOf(buildAchievementCredential(input({ content: frozen })));
    expect(achievementOf(buildAchievementCredential(input({ content: frozen }))), 'the same object, built once').toBe(first);
    const open = structuredClone(content);
    const before = achievementOf(buildAchievementCredential(input({ content: open })));
    open.name = 'Renamed in place';
    const after = achievementOf(buildAchievementCredential(input({ content: open })));
    expect(before.name).toBe(content.name);
    expect(after.name, 'a change to an object that is not frozen is seen').toBe('Renamed in place');
  });
});

describe('the issuer profile shared by credentials of one organisation', () => {
  it('is the same checked object for the same organisation, and afresh when the organisation changed', () => {
    const org = structuredClone(input().org);
    const a = buildAchievementCredential(input({ org }));
    const b = buildAchievementCredential(input({ org: structuredClone(org) }));
    expect(b.issuer, 'an equal organisation gives the same profile object').toBe(a.issuer);
    expect(Object.isFrozen(a.issuer)).toBe(true);
    const renamed = buildAchievementCredential(input({ org: { ...org, name: 'Renamed District' } }));
    expect(renamed.issuer).not.toBe(a.issuer);
    expect((renamed.issuer as { name: string }).name).toBe('Renamed District');
    expect(IssuedAchievementCredential.safeParse(renamed).success).toBe(true);
  });
});

// OB 3.0 models and builders: what they build parses, signs, verifies and passes the official JSON Schemas;
// the 1EdTech samples parse and their broken variants are rejected at the bad field.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ZodError, type ZodType } from 'zod';
import { documentLoader } from '../engine/contexts.js';
import { seedSigner, signDataIntegrity } from '../engine/data-integrity.js';
import { multikeyFromEd25519 } from '../engine/multikey.js';
import { Bitstring } from '../engine/status-list.js';
import { verifyCredential } from '../engine/verify.js';
import {
  Achievement,
  AchievementCredential,
  type BuilderInput,
  AchievementSubject,
  Address,
  Alignment,
  EndorsementCredential,
  EndorsementSubject,
  Evidence,
  IdentifierEntry,
  IdentityObject,
  Image,
  OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA,
  OB3_CREDENTIAL_CONTEXTS,
  Profile,
  Related,
  Result,
  ResultDescription,
  RubricCriterionLevel,
  buildAchievement,
  buildAchievementCredential,
  buildAchievementSubject,
  buildAddress,
  buildAlignment,
  buildEndorsementCredential,
  buildEndorsementSubject,
  buildEvidence,
  buildIdentifierEntry,
  buildIdentityObject,
  buildImage,
  buildIssuerProfile,
  buildProfile,
  buildRelated,
  buildResult,
  buildResultDescription,
  buildRubricCriterionLevel,
  identityHash,
  identityMatches,
  ob3Issues,
} from './ob3.js';

const OB30 = new URL('../../test/fixtures/1edtech-validator/ob30/', import.meta.url);
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const NOW = new Date('2026-11-24T00:00:00Z');
const fixture = (f: string) => JSON.parse(readFileSync(new URL(f, OB30), 'utf8')) as Record<string, unknown>;

/** The official schemas by the URL credentials name them with (their $id says /json-ld/, credentials /json/). */
const schemaDocuments = () => {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(SCHEMAS).filter((n) => n.endsWith('.json'))) {
    const s = JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as { $id: string };
    docs.set(s.$id.replace('/schema/json-ld/', '/schema/json/'), s);
  }
  return docs;
};
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats.default(ajv);
const official = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as object);
const officialCredential = official('ob_v3p0_achievementcredential_schema.json');
const officialEndorsement = official('ob_v3p0_endorsementcredential_schema.json');
const officialProfile = official('ob_v3p0_profile_schema.json');

function didKeySigner() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(String(privateKey.export({ format: 'jwk' }).d), 'base64url');
  const mk = multikeyFromEd25519(Buffer.from(String(createPublicKey(privateKey).export({ format: 'jwk' }).x), 'base64url'));
  return { did: `did:key:${mk}`, signer: seedSigner(seed, `did:key:${mk}#${mk}`) };
}
type Signer = ReturnType<typeof didKeySigner>['signer'];
const sign = (doc: Record<string, unknown>, signer: Signer, created = '2026-11-01T09:00:00Z') =>
  signDataIntegrity(doc, { signer, created, loader: documentLoader() });

const base = 'https://badges.example.edu/achievements/facilitation/versions/1';
const STATUS_LIST = 'https://badges.example.edu/status/1';
const level = (c: string, l: string, name: string, points: string) =>
  buildRubricCriterionLevel({ id: `${base}#${c}-${l}`, name, level: l, points, description: `${name} on ${c}` });
const alignment = () =>
  buildAlignment({
    targetName: 'ISTE Standard 2.5.a',
    targetUrl: 'https://www.iste.org/standards/iste-standards-for-teachers',
    targetFramework: 'ISTE Standards for Educators',
    targetCode: '2.5.a',
    targetType: 'ext:Standard',
  });
const rubric = () =>
  buildResultDescription({
    id: `${base}#c1`,
    name: 'Questioning',
    resultType: 'RubricCriterionLevel',
    requiredLevel: `${base}#c1-l3`,
    rubricCriterionLevel: [level('c1', 'l1', 'Beginning', '1'), level('c1', 'l2', 'Developing', '2'), level('c1', 'l3', 'Proficient', '3')],
    alignment: [alignment()],
  });
const issuerOf = (id: string): BuilderInput<typeof Profile> => ({
  id,
  name: 'Riverside School District',
  url: 'https://riverside.example',
  email: 'badges@riverside.example',
  image: buildImage({ id: 'https://riverside.example/logo.png', caption: 'Riverside logo' }),
  address: buildAddress({
    addressCountry: 'United States',
    addressCountryCode: 'US',
    addressRegion: 'CA',
    geo: { type: 'GeoCoordinates', latitude: 37.3, longitude: -121.9 },
  }),
  otherIdentifier: [buildIdentifierEntry({ identifier: '06-1234', identifierType: 'ext:NCESDistrictId' })],
  parentOrg: buildProfile({ id: 'https://state.example/education', name: 'State Department of Education' }),
});

/** An endorsement of the achievement, signed by `signer`. */
async function signedEndorsement(did: string, signer: Signer) {
  const unsigned = buildEndorsementCredential({
    id: 'urn:uuid:0a7d4c3e-1b2f-4e5d-8c9a-112233445566',
    issuer: { id: did, name: 'State Department of Education' },
    name: 'State endorsement of Facilitating Online Discussions',
    description: 'The state recognises this micro-credential.',
    validFrom: new Date('2026-11-02T00:00:00Z'),
    validUntil: new Date('2030-01-01T00:00:00Z'),
    subject: { id: base, endorsementComment: 'Meets the state framework for educator micro-credentials.' },
  });
  return EndorsementCredential.parse(await sign(unsigned, signer, '2026-11-02T00:00:00Z'));
}

/** An OpenBadgeCredential with every part the builders make. */
function fullCredential(issuerId: string, endorsement: EndorsementCredential[] = []) {
  const issuer = issuerOf(issuerId);
  const criterion = rubric();
  return buildAchievementCredential({
    id: 'https://badges.example.edu/credentials/7c1e0d36-4f5f-4d7e-9a1b-2a6f1c2d3e4f',
    issuer,
    name: 'Facilitating Online Discussions',
    description: 'Awarded to Alex Kim for facilitating online discussions.',
    image: buildImage({ id: 'https://badges.example.edu/images/facilitation.png', caption: 'Facilitating Online Discussions' }),
    validFrom: new Date('2026-11-01T09:00:00Z'),
    validUntil: new Date('2028-11-01T09:00:00Z'),
    awardedDate: new Date('2026-11-01T09:00:00Z'),
    credentialStatus: {
      id: `${STATUS_LIST}#42`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: STATUS_LIST,
    },
    termsOfUse: [{ type: 'ext:TesseraTerms', id: 'https://badges.example.edu/terms' }],
    subject: buildAchievementSubject({
      id: 'did:example:alex',
      identifier: [buildIdentityObject({ identity: 'alex@riverside.example', salt: 'pepper' })],
      activityStartDate: '2026-09-01T00:00:00Z',
      activityEndDate: '2026-10-15T00:00:00Z',
      creditsEarned: 1.5,
      narrative: 'Ran four moderated discussions with a 7th-grade cohort.',
      role: 'Teacher',
      term: 'Fall 2026',
      achievement: buildAchievement({
        id: base,
        name: 'Facilitating Online Discussions',
        description: 'Plans and runs an online discussion in which every learner contributes.',
        criteria: {
          id: `${base}/criteria`,
          narrative: 'Submit a discussion plan, a transcript and a reflection, scored against the rubric.',
        },
        achievementType: 'MicroCredential',
        image: buildImage({ id: 'https://badges.example.edu/images/facilitation.png' }),
        creator: buildProfile(issuer),
        alignment: [alignment()],
        resultDescription: [criterion],
        creditsAvailable: 1.5,
        fieldOfStudy: 'Education',
        humanCode: 'FOD-1',
        inLanguage: 'en-US',
        otherIdentifier: [buildIdentifierEntry({ identifier: 'FOD-1', identifierType: 'identifier' })],
        related: [
          buildRelated({ id: 'https://badges.example.edu/achievements/facilitation/versions/1/es', inLanguage: 'es', version: '1' }),
        ],
        specialization: 'Online learning',
        tag: ['facilitation', 'online learning'],
        version: '1',
        endorsement,
      }),
      result: [
        buildResult({
          resultDescription: criterion.id,
          achievedLevel: `${base}#c1-l3`,
          status: 'Completed',
          value: '3',
          alignment: [alignment()],
        }),
      ],
    }),
    evidence: [
      buildEvidence({
        id: 'https://portfolio.example/alex/plan.pdf',
        name: 'Discussion plan',
        description: 'The week 4 plan',
        narrative: 'Week 4 plan.',
        genre: 'Lesson plan',
        audience: 'Assessors',
      }),
      buildEvidence({ narrative: 'A reflection on what worked.' }),
    ],
  });
}

/** A signed BitstringStatusListCredential with `revoked` set. */
async function statusList(did: string, signer: Signer, revoked: number[]) {
  const bits = new Bitstring();
  for (const i of revoked) bits.set(i, true);
  return sign(
    {
      '@context': [OB3_CREDENTIAL_CONTEXTS[0]],
      id: STATUS_LIST,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: did,
      validFrom: '2026-11-01T00:00:00Z',
      credentialSubject: {
        id: `${STATUS_LIST}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: bits.encode(),
      },
    },
    signer,
  );
}

/** Run `f`, expect a ZodError, and return the paths of its issues (unions resolved), dotted. */
function issuePaths(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ZodError);
    return ob3Issues(e as ZodError).map((i) => i.path.join('.'));
  }
  throw new Error('expected a ZodError');
}

describe('OB 3.0 builders', () => {
  const { did } = didKeySigner();
  const cases: Array<[string, () => unknown, ZodType]> = [
    ['buildImage', () => buildImage({ id: 'data:image/png;base64,iVBORw0KGgo=' }), Image],
    ['buildAlignment', alignment, Alignment],
    ['buildIdentifierEntry', () => buildIdentifierEntry({ identifier: 'x', identifierType: 'sourcedId' }), IdentifierEntry],
    ['buildIdentityObject', () => buildIdentityObject({ identity: 'alex@riverside.example' }), IdentityObject],
    ['buildAddress', () => buildAddress({ addressLocality: 'Riverside' }), Address],
    ['buildRubricCriterionLevel', () => level('c1', 'l1', 'Beginning', '1'), RubricCriterionLevel],
    ['buildResultDescription', rubric, ResultDescription],
    ['buildResult', () => buildResult({ status: 'Completed' }), Result],
    ['buildProfile', () => buildProfile(issuerOf(did)), Profile],
    ['buildRelated', () => buildRelated({ id: `${base}/fr`, inLanguage: 'fr-CA' }), Related],
    ['buildAchievement', () => buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'Z' } }), Achievement],
    ['buildEvidence', () => buildEvidence({ narrative: 'n' }), Evidence],
    [
      'buildAchievementSubject',
      () =>
        buildAchievementSubject({
          achievement: buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { id: `${base}/c` } }),
        }),
      AchievementSubject,
    ],
    ['buildEndorsementSubject', () => buildEndorsementSubject({ id: base }), EndorsementSubject],
    ['buildAchievementCredential', () => fullCredential(did), AchievementCredential],
    [
      'buildEndorsementCredential',
      () => buildEndorsementCredential({ id: 'urn:uuid:1', issuer: { id: did }, name: 'E', validFrom: NOW, subject: { id: base } }),
      EndorsementCredential,
    ],
  ];

  it.each(cases)('%s output parses with its schema', (_name, build, schema) => {
    const built = build();
    const r = schema.safeParse(built);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    expect(r.data).toEqual(built);
  });

  it('fill in the type lists, contexts and credentialSchema', () => {
    const c = fullCredential(did);
    expect(c['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.credentialSchema).toEqual([{ id: OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }]);
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.achievement.type).toEqual(['Achievement']);
    expect(c.credentialSubject.achievement.resultDescription?.[0]?.rubricCriterionLevel?.map((l) => l.type)).toEqual([
      ['RubricCriterionLevel'],
      ['RubricCriterionLevel'],
      ['RubricCriterionLevel'],
    ]);
    expect(c.evidence?.map((e) => e.type)).toEqual([['Evidence'], ['Evidence']]);
    expect(c.validFrom).toBe('2026-11-01T09:00:00Z');
    expect(typeof c.issuer === 'object' && c.issuer.type).toEqual(['Profile']);
  });

  it('build a full OpenBadgeCredential that signs, passes the official JSON Schema and verifies as valid', async () => {
    const { did: signerDid, signer } = didKeySigner();
    const unsigned = fullCredential(signerDid, [await signedEndorsement(signerDid, signer)]);
    const signed = await sign(unsigned, signer);
    expect(AchievementCredential.safeParse(signed).success).toBe(true);
    expect(officialCredential(signed), JSON.stringify(officialCredential.errors)).toBe(true);
    const documents = schemaDocuments();
    documents.set(STATUS_LIST, await statusList(signerDid, signer, [7]));
    const report = await verifyCredential(signed, { now: NOW, documents });
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    for (const id of ['schema', 'proof', 'status.revocation', 'endorsement[0]'])
      expect(report.steps.find((s) => s.id === id)?.status, id).toBe('passed');
    // The same credential, once its index is set in the list, is revoked.
    documents.set(STATUS_LIST, await statusList(signerDid, signer, [7, 42]));
    expect((await verifyCredential(signed, { now: NOW, documents })).verdict).toBe('invalid');
    // The official schema does reject: without a required property the document fails.
    const { issuer: _issuer, ...noIssuer } = signed;
    expect(officialCredential(noIssuer)).toBe(false);
  });

  it('build an EndorsementCredential that signs, passes the official JSON Schema and verifies as valid', async () => {
    const { did: signerDid, signer } = didKeySigner();
    const signed = await signedEndorsement(signerDid, signer);
    expect(EndorsementCredential.safeParse(signed).success).toBe(true);
    expect(officialEndorsement(signed), JSON.stringify(officialEndorsement.errors)).toBe(true);
    const report = await verifyCredential(signed, { now: NOW, documents: schemaDocuments() });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'type')?.message).toBe('EndorsementCredential');
    expect(report.steps.find((s) => s.id === 'schema')?.status).toBe('passed');
  });

  it('build a Profile that passes the official Profile schema', () => {
    const profile = buildProfile({
      ...issuerOf(did),
      givenName: 'Alex',
      familyName: 'Kim',
      dateOfBirth: '1990-04-01',
      phone: '+1 555 0100',
    });
    expect(officialProfile(profile), JSON.stringify(officialProfile.errors)).toBe(true);
  });

  it('make the salted sha256 identity hash of the OB 3.0 spec, with an injectable salt', () => {
    const handComputed = 'sha256$b5c1af569a41ed089dc9e39d8c73a54b8889b0e432c68cc026d1a1ec45d46a8b';
    expect(`sha256$${createHash('sha256').update('alex@riverside.examplepepper').digest('hex')}`).toBe(handComputed);
    expect(identityHash('alex@riverside.example', 'pepper')).toBe(handComputed);
    expect(buildIdentityObject({ identity: 'alex@riverside.example', salt: 'pepper' })).toEqual({
      type: 'IdentityObject',
      hashed: true,
      identityHash: handComputed,
      identityType: 'emailAddress',
      salt: 'pepper',
    });
    expect(buildIdentityObject({ identity: 'alex@riverside.example', saltSource: () => 'pepper' }).identityHash).toBe(handComputed);
    const random = buildIdentityObject({ identity: 'alex@riverside.example' });
    expect(random.salt).toMatch(/^[0-9a-f]{16}$/);
    expect(random.identityHash).toBe(identityHash('alex@riverside.example', random.salt ?? ''));
    expect(identityMatches(random, 'alex@riverside.example')).toBe(true);
    expect(identityMatches(random, 'sam@riverside.example')).toBe(false);
    expect(
      identityMatches(
        { type: 'IdentityObject', hashed: false, identityHash: 'student@1edtech.edu', identityType: 'emailAddress' },
        'student@1edtech.edu',
      ),
    ).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['a non-URI targetUrl', () => buildAlignment({ targetName: 'X', targetUrl: 'not a url' }), 'targetUrl'],
    [
      'an unknown targetType',
      () => buildAlignment({ targetName: 'X', targetUrl: 'https://x.example', targetType: 'Skill' as 'CFItem' }),
      'targetType',
    ],
    ['an empty description', () => buildAchievement({ id: base, name: 'X', description: '', criteria: { narrative: 'n' } }), 'description'],
    ['criteria with neither id nor narrative', () => buildAchievement({ id: base, name: 'X', description: 'Y', criteria: {} }), 'criteria'],
    [
      'an unknown achievementType',
      () =>
        buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'n' }, achievementType: 'Nanodegree' as 'Badge' }),
      'achievementType',
    ],
    [
      'a bad language tag',
      () => buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'n' }, inLanguage: 'English' }),
      'inLanguage',
    ],
    [
      'an unknown resultType',
      () => buildResultDescription({ id: `${base}#c`, name: 'C', resultType: 'Whatever' as 'Status' }),
      'resultType',
    ],
    ['an unknown result status', () => buildResult({ status: 'Done' as 'Completed' }), 'status'],
    ['an empty level name', () => buildRubricCriterionLevel({ id: `${base}#l`, name: '' }), 'name'],
    ['an impossible dateOfBirth', () => buildProfile({ id: did, dateOfBirth: '1990-13-45' }), 'dateOfBirth'],
    [
      'an Image with extra properties',
      () => buildProfile({ id: did, image: { id: 'https://x.example/i.png', type: 'Image', alt: 'x' } as Image }),
      'image',
    ],
    ['an empty identity', () => buildIdentityObject({ identity: '' }), 'identity'],
    ['an unknown identityType', () => buildIdentityObject({ identity: 'x', identityType: 'phone' as 'name' }), 'identityType'],
    [
      'a non-URI issuer id',
      () => buildEndorsementCredential({ id: 'urn:uuid:1', issuer: { id: 'nope' }, name: 'E', validFrom: NOW, subject: { id: base } }),
      'issuer.id',
    ],
    [
      'an invalid validFrom',
      () =>
        buildEndorsementCredential({
          id: 'urn:uuid:1',
          issuer: { id: did },
          name: 'E',
          validFrom: new Date('nope'),
          subject: { id: base },
        }),
      'validFrom',
    ],
    [
      'an empty endorsement name',
      () => buildEndorsementCredential({ id: 'urn:uuid:1', issuer: { id: did }, name: '', validFrom: NOW, subject: { id: base } }),
      'name',
    ],
    [
      'a bad nested result',
      () =>
        buildAchievementCredential({
          id: 'urn:uuid:2',
          issuer: { id: did },
          name: 'C',
          validFrom: NOW,
          subject: {
            achievement: buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'n' } }),
            result: [{ type: ['Result'], status: 'Done' as 'Completed' }],
          },
        }),
      'credentialSubject.result.0.status',
    ],
    [
      'credentialStatus as a list',
      () =>
        AchievementCredential.parse({
          ...fullCredential(did),
          credentialStatus: [{ id: `${STATUS_LIST}#1`, type: 'BitstringStatusListEntry' }],
        }),
      'credentialStatus',
    ],
    ['proof as one object', () => AchievementCredential.parse({ ...fullCredential(did), proof: { type: 'DataIntegrityProof' } }), 'proof'],
    ['a type string instead of a list', () => AchievementCredential.parse({ ...fullCredential(did), type: 'OpenBadgeCredential' }), 'type'],
  ])('refuse %s with a ZodError naming the field', (_what, f, path) => {
    expect(issuePaths(f)).toContain(path);
  });
});

describe('an achievement built once, embedded in many credentials', () => {
  const did = 'did:example:issuer';
  const credentialOf = (achievement: unknown) =>
    buildAchievementCredential({
      id: 'urn:uuid:3',
      issuer: { id: did },
      name: 'C',
      validFrom: NOW,
      subject: { achievement: achievement as Achievement },
    });

  it('is frozen by buildAchievement and embedded as the same object, unchanged', () => {
    const achievement = buildAchievement({
      id: base,
      name: 'X',
      description: 'Y',
      criteria: { narrative: 'n' },
      resultDescription: [rubric()],
    });
    expect(Object.isFrozen(achievement)).toBe(true);
    expect(Object.isFrozen(achievement.resultDescription?.[0]?.rubricCriterionLevel?.[0])).toBe(true);
    expect(() => {
      (achievement as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    const a = credentialOf(achievement);
    const b = credentialOf(achievement);
    expect(a.credentialSubject.achievement).toBe(achievement);
    expect(b.credentialSubject.achievement).toBe(achievement);
    expect(AchievementCredential.parse(JSON.parse(JSON.stringify(a)))).toEqual(JSON.parse(JSON.stringify(a)));
  });

  it('freezes its own copy, never the caller’s objects', () => {
    const extra = { note: { text: 'kept by reference by the schema' } };
    const achievement = buildAchievement({
      id: base,
      name: 'X',
      description: 'Y',
      criteria: { narrative: 'n' },
      ...{ 'ext:extra': extra },
    });
    expect(Object.isFrozen(extra)).toBe(false);
    expect(Object.isFrozen(extra.note)).toBe(false);
    const copy = (achievement as Record<string, unknown>)['ext:extra'] as typeof extra;
    expect(copy).toEqual(extra);
    expect(Object.isFrozen(copy.note)).toBe(true);
  });

  it('still checks in full an achievement that buildAchievement did not make, even a copy of one', () => {
    const built = buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'n' } });
    // The step that must fail is the Achievement schema's check of the copy's name (a copy is not a built object).
    expect(issuePaths(() => credentialOf({ ...built, name: '' }))).toContain('credentialSubject.achievement.name');
    expect(issuePaths(() => credentialOf({ ...built, id: 'not a uri' }))).toContain('credentialSubject.achievement.id');
  });
});

describe('an issuer profile built once, named by many credentials', () => {
  const credentialOf = (issuer: unknown) =>
    buildAchievementCredential({
      id: 'urn:uuid:4',
      issuer: issuer as Profile,
      name: 'C',
      validFrom: NOW,
      subject: { achievement: buildAchievement({ id: base, name: 'X', description: 'Y', criteria: { narrative: 'n' } }) },
    });

  it('is checked, frozen and named as the same object; the credential equals one built from the plain profile', () => {
    const plain = { id: 'did:example:issuer', name: 'Riverside', address: { type: ['Address'], addressCountry: 'US' } };
    const issuer = buildIssuerProfile(plain);
    expect(Object.isFrozen(issuer)).toBe(true);
    expect(Object.isFrozen(issuer.address)).toBe(true);
    expect(issuer.type).toEqual(['Profile']);
    const a = credentialOf(issuer);
    expect(a.issuer).toBe(issuer);
    expect(credentialOf(issuer).issuer).toBe(issuer);
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(credentialOf(plain))));
  });

  it('refuses what buildProfile refuses', () => {
    expect(() => buildIssuerProfile({ id: 'not a uri', name: 'Riverside' })).toThrow(ZodError);
  });

  it('still checks in full a profile buildIssuerProfile did not make, even a copy of one', () => {
    const built = buildIssuerProfile({ id: 'did:example:issuer', name: 'Riverside' });
    // The step that must fail is the Profile schema's check of the copy's id (a copy is not a built object).
    expect(issuePaths(() => credentialOf({ ...built, id: 'not a uri' }))).toContain('issuer.id');
  });
});

describe('OB 3.0 schemas read the 1EdTech samples', () => {
  it.each(['simple.json', 'complete.json', 'simple-did-key-method.json', 'simple-multiple-proofs.json', 'simple-context-version.json'])(
    '%s parses as an AchievementCredential',
    (f) => {
      const r = AchievementCredential.safeParse(fixture(f));
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    },
  );

  it('complete.json parses into the typed model', () => {
    const c = AchievementCredential.parse(fixture('complete.json'));
    expect(c.credentialSubject.achievement.name).toBeTruthy();
    expect(c.credentialSubject.identifier?.[0]?.hashed).toBe(false);
  });

  it('endorsement-valid.json parses as an EndorsementCredential', () => {
    const r = EndorsementCredential.safeParse(fixture('endorsement-valid.json'));
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  });

  it.each([
    ['simple-err-type.json', 'type'],
    ['simple-err-context.json', '@context'],
    ['simple-err-credential-subject-type.json', 'credentialSubject.type'],
    ['simple-err-credential-subject-result-type.json', 'credentialSubject.result.1.type'],
    ['simple-err-credential-subject-identifier-type.json', 'credentialSubject.identifier.0.type'],
    ['simple-err-credential-subject-profile-type.json', 'credentialSubject.source.type'],
    ['simple-err-credential-subject-achievement-result-description-type.json', 'credentialSubject.achievement.resultDescription.2.type'],
    ['simple-err-evidence-type.json', 'evidence.1.type'],
    ['simple-err-issuer-type.json', 'issuer.type'],
    ['simple-err-issuer-parentorg-type.json', 'issuer.parentOrg.type'],
    ['simple-err-issuer-otheridentifier-type.json', 'issuer.otherIdentifier.1.type'],
  ])('%s is rejected at %s', (f, path) => {
    expect(issuePaths(() => AchievementCredential.parse(fixture(f)))).toContain(path);
  });
});

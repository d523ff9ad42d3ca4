/**
 * Open Badges 3.0 data model: zod schemas with inferred types for the credential classes, and builders that
 * fill in the `type` values and the standard contexts. Property names, required properties and value types
 * follow the official 1EdTech JSON Schemas (`type` is an array, `proof` an array, `credentialStatus` one
 * object, `issuer` a URI or a Profile), so what the builders make and the engine signs validates against them.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OB3_LATEST_CONTEXT, VC2_CONTEXT } from '../engine/shape.js';
import { DateTime, Text, Uri, typesIncluding } from './common.js';
import { randomPool } from './random-pool.js';

/** The context that defines `1EdTechJsonSchemaValidator2019`. */
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** The official AchievementCredential JSON Schema (as credentials name it). */
export const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** The official EndorsementCredential JSON Schema (as credentials name it). */
export const OB3_ENDORSEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';
/** The `credentialSchema` type for the 1EdTech JSON Schemas. */
export const OB3_SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';
/** The contexts the builders put on a credential, in order. */
export const OB3_CREDENTIAL_CONTEXTS = [VC2_CONTEXT, OB3_LATEST_CONTEXT, OB3_EXTENSIONS_CONTEXT] as const;

const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, { message: 'Must be a BCP 47 language tag such as en or en-US' });
const CompactJws = z.string().regex(/^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$/, { message: 'Must be a compact JWS' });
const ExtensionTerm = z.string().regex(/^ext:[A-Za-z0-9.|_-]+$/, { message: 'Must be a listed value or an ext: extension term' });

/** An OB 3.0 vocabulary: one of `values`, or an `ext:` term. */
const extensible = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), ExtensionTerm]);

/** Kinds of achievement (OB 3.0 AchievementType, extensible). */
export const AchievementType = extensible([
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
]);
/** Kinds of alignment target (OB 3.0 AlignmentTargetType, extensible). */
export const AlignmentTargetType = extensible([
  'ceasn:Competency',
  'ceterms:Credential',
  'CFItem',
  'CFRubric',
  'CFRubricCriterion',
  'CFRubricCriterionLevel',
  'CTDL',
]);
/** Kinds of identifier (OB 3.0 IdentifierTypeEnum, extensible). */
export const IdentifierType = extensible([
  'name',
  'sourcedId',
  'systemId',
  'productId',
  'userName',
  'accountId',
  'emailAddress',
  'nationalIdentityNumber',
  'isbn',
  'issn',
  'lisSourcedId',
  'oneRosterSourcedId',
  'sisSourcedId',
  'ltiContextId',
  'ltiDeploymentId',
  'ltiToolId',
  'ltiPlatformId',
  'ltiUserId',
  'identifier',
]);
/** Kinds of result (OB 3.0 ResultType, extensible). */
export const ResultType = extensible([
  'GradePointAverage',
  'LetterGrade',
  'Percent',
  'PerformanceLevel',
  'PredictedScore',
  'RawScore',
  'Result',
  'RubricCriterion',
  'RubricCriterionLevel',
  'RubricScore',
  'ScaledScore',
  'Status',
]);
/** Where the recipient stands (OB 3.0 ResultStatusType). */
export const ResultStatus = z.enum(['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew']);

/** An image: its URL (or data: URI) and an optional caption. No other properties. */
export const Image = z.strictObject({ id: Uri, type: z.literal('Image'), caption: z.string().optional() });
/** Criteria for earning an achievement: a URL, a narrative (Markdown), or both. */
export const Criteria = z.looseObject({ id: Uri.optional(), narrative: z.string().optional() });
/** A link to a competency, standard or framework item. */
export const Alignment = z.looseObject({
  type: typesIncluding('Alignment'),
  targetName: Text,
  targetUrl: Uri,
  targetCode: z.string().optional(),
  targetDescription: z.string().optional(),
  targetFramework: z.string().optional(),
  targetType: AlignmentTargetType.optional(),
});
/** An identifier of the recipient, plain or salted-and-hashed (`identityHash` = `sha256$` + hex). No other properties. */
export const IdentityObject = z.strictObject({
  type: z.literal('IdentityObject'),
  hashed: z.boolean(),
  identityHash: Text,
  identityType: IdentifierType,
  salt: z.string().optional(),
});
/** Another identifier of a profile or achievement. No other properties. */
export const IdentifierEntry = z.strictObject({ type: z.literal('IdentifierEntry'), identifier: Text, identifierType: IdentifierType });
/** A point on the globe. */
export const GeoCoordinates = z.looseObject({ type: z.literal('GeoCoordinates'), latitude: z.number(), longitude: z.number() });
/** A postal address. */
export const Address = z.looseObject({
  type: typesIncluding('Address'),
  addressCountry: z.string().optional(),
  addressCountryCode: z.string().optional(),
  addressRegion: z.string().optional(),
  addressLocality: z.string().optional(),
  streetAddress: z.string().optional(),
  postOfficeBoxNumber: z.string().optional(),
  postalCode: z.string().optional(),
  geo: GeoCoordinates.optional(),
});
/** One level of a rubric criterion (e.g. "Proficient", 3 points). */
export const RubricCriterionLevel = z.looseObject({
  id: Uri,
  type: typesIncluding('RubricCriterionLevel'),
  name: Text,
  description: z.string().optional(),
  level: z.string().optional(),
  points: z.string().optional(),
  alignment: z.array(Alignment).optional(),
});
/** What a result of an achievement may be, e.g. a rubric criterion and its levels. */
export const ResultDescription = z.looseObject({
  id: Uri,
  type: typesIncluding('ResultDescription'),
  name: Text,
  resultType: ResultType,
  requiredLevel: Uri.optional(),
  requiredValue: z.string().optional(),
  allowedValue: z.array(z.string()).optional(),
  valueMax: z.string().optional(),
  valueMin: z.string().optional(),
  rubricCriterionLevel: z.array(RubricCriterionLevel).optional(),
  alignment: z.array(Alignment).optional(),
});
/** A result the recipient achieved, pointing to its ResultDescription and level. */
export const Result = z.looseObject({
  type: typesIncluding('Result'),
  resultDescription: Uri.optional(),
  achievedLevel: Uri.optional(),
  status: ResultStatus.optional(),
  value: z.string().optional(),
  alignment: z.array(Alignment).optional(),
});
/** Where the credential's status is published (OB 3.0 allows one entry). */
export const CredentialStatus = z.looseObject({ id: Uri, type: Text });
/** A JSON Schema the credential declares. */
export const CredentialSchema = z.looseObject({ id: Uri, type: Text });
/** Where a fresh copy of the credential can be had. */
export const RefreshService = z.looseObject({ id: Uri, type: Text });
/** A policy the issuer attaches to the credential. */
export const TermsOfUse = z.looseObject({ id: Uri.optional(), type: Text });
/** A proof (its cryptography is checked by the verifier, not here). */
export const Proof = z.looseObject({
  type: Text,
  created: DateTime.optional(),
  cryptosuite: z.string().optional(),
  challenge: z.string().optional(),
  domain: z.string().optional(),
  nonce: z.string().optional(),
  proofPurpose: z.string().optional(),
  proofValue: z.string().optional(),
  verificationMethod: z.string().optional(),
});
/** `@context`: the VC 2.0 context, then an OB 3.0 context, then any others. */
export const Ob3Contexts = z
  .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
  .min(2)
  .superRefine((c, ctx) => {
    if (c[0] !== VC2_CONTEXT) ctx.addIssue({ code: 'custom', path: [0], message: `Must be ${VC2_CONTEXT}`, input: c[0] });
    if (typeof c[1] !== 'string' || !/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/.test(c[1]))
      ctx.addIssue({ code: 'custom', path: [1], message: 'Must be an Open Badges 3.0 context', input: c[1] });
  });

/** The subject of an endorsement (a profile, an achievement or a credential), with the endorser's comment. */
export const EndorsementSubject = z.looseObject({
  id: Uri,
  type: typesIncluding('EndorsementSubject'),
  endorsementComment: z.string().optional(),
});

/** A person or organisation: issuer, creator, endorser or source. `parentOrg` and `endorsement` nest. */
export const Profile = z.looseObject({
  id: Uri,
  type: typesIncluding('Profile'),
  name: z.string().optional(),
  url: Uri.optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
  image: Image.optional(),
  email: z.string().optional(),
  address: Address.optional(),
  otherIdentifier: z.array(IdentifierEntry).optional(),
  official: z.string().optional(),
  familyName: z.string().optional(),
  givenName: z.string().optional(),
  additionalName: z.string().optional(),
  patronymicName: z.string().optional(),
  honorificPrefix: z.string().optional(),
  honorificSuffix: z.string().optional(),
  familyNamePrefix: z.string().optional(),
  dateOfBirth: z.iso.date().optional(),
  endorsementJwt: z.array(CompactJws).optional(),
  get parentOrg(): z.ZodOptional<typeof Profile> {
    return Profile.optional();
  },
  get endorsement(): z.ZodOptional<z.ZodArray<typeof EndorsementCredential>> {
    return z.array(EndorsementCredential).optional();
  },
});
/** An issuer: its URI, or its Profile. */
export const ProfileRef = z.union([Uri, Profile]);

/** The properties every OB 3.0 credential has. */
const credentialShape = {
  '@context': Ob3Contexts,
  id: Uri,
  name: z.string().optional(),
  description: z.string().optional(),
  awardedDate: DateTime.optional(),
  issuer: ProfileRef,
  validFrom: DateTime,
  validUntil: DateTime.optional(),
  credentialSchema: z.array(CredentialSchema).optional(),
  credentialStatus: CredentialStatus.optional(),
  refreshService: RefreshService.optional(),
  termsOfUse: z.array(TermsOfUse).optional(),
  proof: z.array(Proof).optional(),
};

/** An EndorsementCredential: a third party vouches for a profile, an achievement or a credential. */
export const EndorsementCredential = z.looseObject({
  ...credentialShape,
  type: typesIncluding('VerifiableCredential', 'EndorsementCredential'),
  name: Text,
  credentialSubject: EndorsementSubject,
});

/** Another version or language of the same achievement. */
export const Related = z.looseObject({
  id: Uri,
  type: typesIncluding('Related'),
  inLanguage: LanguageTag.optional(),
  version: z.string().optional(),
});
/** What is certified: the micro-credential itself. */
export const Achievement = z.looseObject({
  id: Uri,
  type: typesIncluding('Achievement'),
  name: Text,
  description: Text,
  criteria: Criteria,
  achievementType: AchievementType.optional(),
  image: Image.optional(),
  creator: Profile.optional(),
  alignment: z.array(Alignment).optional(),
  resultDescription: z.array(ResultDescription).optional(),
  creditsAvailable: z.number().optional(),
  fieldOfStudy: z.string().optional(),
  humanCode: z.string().optional(),
  inLanguage: LanguageTag.optional(),
  otherIdentifier: z.array(IdentifierEntry).optional(),
  related: z.array(Related).optional(),
  specialization: z.string().optional(),
  tag: z.array(z.string()).optional(),
  version: z.string().optional(),
  endorsement: z.array(EndorsementCredential).optional(),
  endorsementJwt: z.array(CompactJws).optional(),
});
/** Evidence of the work: a URL, a narrative (Markdown), or both. */
export const Evidence = z.looseObject({
  id: Uri.optional(),
  type: typesIncluding('Evidence'),
  name: z.string().optional(),
  description: z.string().optional(),
  narrative: z.string().optional(),
  genre: z.string().optional(),
  audience: z.string().optional(),
});
/** The recipient and what they achieved. */
export const AchievementSubject = z.looseObject({
  id: Uri.optional(),
  type: typesIncluding('AchievementSubject'),
  achievement: Achievement,
  identifier: z.array(IdentityObject).optional(),
  result: z.array(Result).optional(),
  activityStartDate: DateTime.optional(),
  activityEndDate: DateTime.optional(),
  creditsEarned: z.number().optional(),
  image: Image.optional(),
  licenseNumber: z.string().optional(),
  narrative: z.string().optional(),
  role: z.string().optional(),
  source: Profile.optional(),
  term: z.string().optional(),
});

/** An OpenBadgeCredential (also typed AchievementCredential), unsigned or signed. */
export const AchievementCredential = z.looseObject({
  ...credentialShape,
  type: z
    .array(z.string())
    .min(1)
    .refine((t) => t.includes('VerifiableCredential') && (t.includes('OpenBadgeCredential') || t.includes('AchievementCredential')), {
      message: 'Must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential)',
    }),
  image: Image.optional(),
  credentialSubject: AchievementSubject,
  evidence: z.array(Evidence).optional(),
  endorsement: z.array(EndorsementCredential).optional(),
  endorsementJwt: z.array(CompactJws).optional(),
});
/** OpenBadgeCredential is the OB 3.0 name of the same class. */
export const OpenBadgeCredential = AchievementCredential;

export type AchievementType = z.infer<typeof AchievementType>;
export type AlignmentTargetType = z.infer<typeof AlignmentTargetType>;
export type IdentifierType = z.infer<typeof IdentifierType>;
export type ResultType = z.infer<typeof ResultType>;
export type ResultStatus = z.infer<typeof ResultStatus>;
export type Image = z.infer<typeof Image>;
export type Criteria = z.infer<typeof Criteria>;
export type Alignment = z.infer<typeof Alignment>;
export type IdentityObject = z.infer<typeof IdentityObject>;
export type IdentifierEntry = z.infer<typeof IdentifierEntry>;
export type GeoCoordinates = z.infer<typeof GeoCoordinates>;
export type Address = z.infer<typeof Address>;
export type RubricCriterionLevel = z.infer<typeof RubricCriterionLevel>;
export type ResultDescription = z.infer<typeof ResultDescription>;
export type Result = z.infer<typeof Result>;
export type CredentialStatus = z.infer<typeof CredentialStatus>;
export type CredentialSchema = z.infer<typeof CredentialSchema>;
export type RefreshService = z.infer<typeof RefreshService>;
export type TermsOfUse = z.infer<typeof TermsOfUse>;
export type Proof = z.infer<typeof Proof>;
export type EndorsementSubject = z.infer<typeof EndorsementSubject>;
export type Profile = z.infer<typeof Profile>;
export type ProfileRef = z.infer<typeof ProfileRef>;
export type EndorsementCredential = z.infer<typeof EndorsementCredential>;
export type Related = z.infer<typeof Related>;
export type Achievement = z.infer<typeof Achievement>;
export type Evidence = z.infer<typeof Evidence>;
export type AchievementSubject = z.infer<typeof AchievementSubject>;
export type AchievementCredential = z.infer<typeof AchievementCredential>;
export type OpenBadgeCredential = AchievementCredential;

/** A builder's input: the schema's input without `type`, which the builder sets. */
export type BuilderInput<T extends z.ZodType> = { [K in keyof z.input<T> as K extends 'type' ? never : K]: z.input<T>[K] };

/** A builder: sets `type` and parses, so the result is valid or a ZodError names the field. */
function builder<T extends z.ZodType>(schema: T, type: string[]) {
  return (input: BuilderInput<T>): z.output<T> => schema.parse({ ...input, type: [...type] });
}

export const buildAlignment = builder(Alignment, ['Alignment']);
export const buildRubricCriterionLevel = builder(RubricCriterionLevel, ['RubricCriterionLevel']);
export const buildResultDescription = builder(ResultDescription, ['ResultDescription']);
export const buildResult = builder(Result, ['Result']);
export const buildProfile = builder(Profile, ['Profile']);
export const buildEvidence = builder(Evidence, ['Evidence']);
export const buildAchievementSubject = builder(AchievementSubject, ['AchievementSubject']);
export const buildEndorsementSubject = builder(EndorsementSubject, ['EndorsementSubject']);
export const buildAddress = builder(Address, ['Address']);
export const buildRelated = builder(Related, ['Related']);

/** An Image. */
export const buildImage = (input: Omit<z.input<typeof Image>, 'type'>): Image => Image.parse({ ...input, type: 'Image' });
/** An IdentifierEntry. */
export const buildIdentifierEntry = (input: Omit<z.input<typeof IdentifierEntry>, 'type'>): IdentifierEntry =>
  IdentifierEntry.parse({ ...input, type: 'IdentifierEntry' });

const buildAchievementUnchecked = builder(Achievement, ['Achievement']);

/**
 * Achievements made by `buildAchievement` and issuer profiles made by `buildIssuerProfile`: checked against the
 * schema and deep-frozen, so they cannot have changed since. A credential that embeds one of them (the same
 * object) is not made to check it again, which matters when one achievement and one issuer go into thousands of
 * credentials (bulk issuance).
 */
const checkedAchievements = new WeakSet<object>();
const checkedProfiles = new WeakSet<object>();

/** Freeze every object and array in a JSON-like value (the value is the builder's own copy, so no caller's object is frozen). */
function deepFreeze<T>(value: T, depth = 0): T {
  if (value && typeof value === 'object' && depth <= 100) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v, depth + 1);
  }
  return value;
}

/** A checked value as the builder's own frozen copy, remembered in `checked` (zod keeps the caller's objects for properties it does not know). */
function frozenCopy<T extends object>(value: T, checked: WeakSet<object>): T {
  const own = deepFreeze(structuredClone(value));
  checked.add(own);
  return own;
}

/** An Achievement; its criteria must give a URL or a narrative. The result is frozen (see `checkedAchievements`). */
export function buildAchievement(input: BuilderInput<typeof Achievement>): Achievement {
  const achievement = buildAchievementUnchecked(input);
  if (achievement.criteria.id === undefined && !achievement.criteria.narrative) {
    throw new z.ZodError([
      { code: 'custom', path: ['criteria'], message: 'Criteria need an id (URL) or a narrative', input: achievement.criteria },
    ]);
  }
  return frozenCopy(achievement, checkedAchievements);
}

/**
 * An issuer Profile for credentials, checked like `buildProfile` and frozen: a credential whose `issuer` is this
 * very object takes it as it is (see `checkedProfiles`).
 */
export function buildIssuerProfile(input: BuilderInput<typeof Profile>): Profile {
  return frozenCopy(buildProfile(input), checkedProfiles);
}

/** Whether a value is an achievement made by `buildAchievement`. */
const isCheckedAchievement = (v: unknown): v is Achievement => typeof v === 'object' && v !== null && checkedAchievements.has(v);
/** Whether a value is a profile made by `buildIssuerProfile`. */
const isCheckedProfile = (v: unknown): v is Profile => typeof v === 'object' && v !== null && checkedProfiles.has(v);

/** The credential schema for a subject whose achievement was made by `buildAchievement`: it is taken as it is. */
const AchievementCredentialOfBuilt = AchievementCredential.extend({
  credentialSubject: AchievementSubject.extend({ achievement: z.custom<Achievement>(isCheckedAchievement) }),
});
/** The credential schemas for an issuer made by `buildIssuerProfile`, which is taken as it is. */
const checkedIssuer = { issuer: z.custom<Profile>(isCheckedProfile) };
const AchievementCredentialOfBuiltIssuer = AchievementCredential.extend(checkedIssuer);
const AchievementCredentialOfBuiltBoth = AchievementCredentialOfBuilt.extend(checkedIssuer);

/** The OB 3.0 identity hash: `sha256$` and the hex SHA-256 of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt)
    .digest('hex')}`;
}

/** 16 random hex digits: the default salt. */
export const randomSalt = (): string => randomPool.bytes(8).toString('hex');

/** What `buildIdentityObject` takes: the plain identity (an email address unless `identityType` says otherwise). */
export interface IdentityInput {
  identity: string;
  identityType?: IdentifierType;
  /** A fixed salt; otherwise `saltSource()` (default `randomSalt`) makes one. */
  salt?: string;
  saltSource?: () => string;
}

/** What `buildIdentityObject` checks of its input. */
const IdentityInputSchema = z.object({ identity: Text, identityType: IdentifierType.default('emailAddress') });

/** A hashed IdentityObject: `hashed: true`, the salt, and `identityHash` = `sha256$` + hex(sha256(identity + salt)). */
export function buildIdentityObject(input: IdentityInput): IdentityObject {
  const { identity, identityType } = IdentityInputSchema.parse(input);
  const salt = input.salt ?? (input.saltSource ?? randomSalt)();
  if (typeof salt !== 'string') throw new z.ZodError([{ code: 'custom', path: ['salt'], message: 'A salt is a string', input: salt }]);
  // Every field is checked above or made here, so the object is not parsed again.
  const object: IdentityObject = { type: 'IdentityObject', hashed: true, identityHash: identityHash(identity, salt), identityType, salt };
  return object;
}

/** Whether `identity` is the one an IdentityObject names: plain, or hashed as `sha256$…` (or legacy `md5$…`). */
export function identityMatches(object: IdentityObject, identity: string): boolean {
  if (!object.hashed) return object.identityHash === identity;
  const [, algorithm, hex] = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(object.identityHash) ?? [];
  if (!algorithm || !hex) return false;
  return (
    createHash(algorithm)
      .update(identity + (object.salt ?? ''))
      .digest('hex') === hex.toLowerCase()
  );
}

/** A Date as an XSD dateTime without milliseconds; an invalid Date stays invalid, so the schema names the field. */
const iso = (d: Date) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** What every credential builder takes. Dates are passed in; nothing reads the clock. */
export interface CredentialInput {
  id: string;
  issuer: BuilderInput<typeof Profile>;
  name: string;
  description?: string;
  validFrom: Date;
  validUntil?: Date;
  awardedDate?: Date;
  credentialStatus?: z.input<typeof CredentialStatus>;
  termsOfUse?: Array<z.input<typeof TermsOfUse>>;
  refreshService?: z.input<typeof RefreshService>;
}

function credentialFields(input: CredentialInput, schemaUrl: string) {
  return {
    '@context': [...OB3_CREDENTIAL_CONTEXTS],
    id: input.id,
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    issuer: isCheckedProfile(input.issuer) ? input.issuer : { ...input.issuer, type: ['Profile'] },
    validFrom: iso(input.validFrom),
    ...(input.validUntil ? { validUntil: iso(input.validUntil) } : {}),
    ...(input.awardedDate ? { awardedDate: iso(input.awardedDate) } : {}),
    credentialSchema: [{ id: schemaUrl, type: OB3_SCHEMA_VALIDATOR_TYPE }],
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
    ...(input.termsOfUse?.length ? { termsOfUse: input.termsOfUse } : {}),
    ...(input.refreshService ? { refreshService: input.refreshService } : {}),
  };
}

/** What `buildAchievementCredential` takes. */
export interface AchievementCredentialInput extends CredentialInput {
  subject: BuilderInput<typeof AchievementSubject>;
  image?: z.input<typeof Image>;
  evidence?: Array<BuilderInput<typeof Evidence>>;
  /** Signed EndorsementCredentials to embed. */
  endorsement?: Array<z.input<typeof EndorsementCredential>>;
}

/** An unsigned OpenBadgeCredential naming the official schema; sign it with `signDataIntegrity` or as a VC-JWT. */
export function buildAchievementCredential(input: AchievementCredentialInput): AchievementCredential {
  const builtAchievement = isCheckedAchievement(input.subject.achievement);
  const schema = isCheckedProfile(input.issuer)
    ? builtAchievement
      ? AchievementCredentialOfBuiltBoth
      : AchievementCredentialOfBuiltIssuer
    : builtAchievement
      ? AchievementCredentialOfBuilt
      : AchievementCredential;
  return schema.parse({
    ...credentialFields(input, OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    ...(input.image ? { image: input.image } : {}),
    credentialSubject: { ...input.subject, type: ['AchievementSubject'] },
    ...(input.evidence?.length ? { evidence: input.evidence.map((e) => ({ ...e, type: ['Evidence'] })) } : {}),
    ...(input.endorsement?.length ? { endorsement: input.endorsement } : {}),
  });
}

/** What `buildEndorsementCredential` takes. */
export interface EndorsementCredentialInput extends CredentialInput {
  subject: BuilderInput<typeof EndorsementSubject>;
}

/** An unsigned EndorsementCredential about `subject.id` (a profile, an achievement or a credential). */
export function buildEndorsementCredential(input: EndorsementCredentialInput): EndorsementCredential {
  return EndorsementCredential.parse({
    ...credentialFields(input, OB3_ENDORSEMENT_CREDENTIAL_SCHEMA),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    credentialSubject: { ...input.subject, type: ['EndorsementSubject'] },
  });
}

/** One problem found when parsing: the path to the bad field and what is wrong with it. */
export interface Ob3Issue {
  path: Array<string | number>;
  message: string;
}

/**
 * The issues of a ZodError with each failed union (an issuer that is "a URI or a Profile") resolved into the
 * branch the value's shape picked, so that the path reaches the bad field (`issuer.otherIdentifier.1.type`).
 */
export function ob3Issues(error: z.ZodError): Ob3Issue[] {
  const expand = (issues: readonly z.core.$ZodIssue[], prefix: Array<string | number>): Ob3Issue[] =>
    issues.flatMap((issue) => {
      const path = [...prefix, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))];
      if (issue.code === 'invalid_union') {
        const fitting = issue.errors.filter((branch) => !branch.some((b) => b.path.length === 0 && b.code === 'invalid_type'));
        if (fitting.length === 1 && fitting[0]) return expand(fitting[0], path);
      }
      return [{ path, message: issue.message }];
    });
  return expand(error.issues, []);
}

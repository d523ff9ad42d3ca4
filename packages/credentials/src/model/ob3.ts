/**
 * Open Badges 3.0 data model: zod schemas with inferred types for the credential classes, and builders that
 * fill in the `type` values and the standard contexts. The required properties follow the official 1EdTech
 * JSON Schemas (`proof` is an array, `credentialStatus` one object), so what the builders make and the
 * engine signs validates against them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { OB3_LATEST_CONTEXT, VC2_CONTEXT } from '../engine/shape.js';

/** The context that defines `1EdTechJsonSchemaValidator2019`. */
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** The official AchievementCredential JSON Schema. */
export const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** The official EndorsementCredential JSON Schema. */
export const OB3_ENDORSEMENT_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';
/** The contexts the builders put on a credential, in order. */
export const OB3_CREDENTIAL_CONTEXTS = [VC2_CONTEXT, OB3_LATEST_CONTEXT, OB3_EXTENSIONS_CONTEXT] as const;

const Uri = z.string().min(1).refine((v) => URL.canParse(v), { message: 'Must be a URI' });
const DateTime = z.iso.datetime({ offset: true });
const Text = z.string().min(1);

/** A `type` value: one string or a list, which must include `name`. */
const typeIncluding = (...names: string[]) =>
  z.union([z.string(), z.array(z.string()).min(1)]).refine((t) => names.every((n) => [t].flat().includes(n)), { message: `Must include ${names.join(' and ')}` });

/** An image: its URL (or data: URI) and an optional caption. */
export const Image = z.looseObject({ id: Uri, type: z.literal('Image'), caption: z.string().optional() });
/** Criteria for earning an achievement: a URL, a narrative, or both. */
export const Criteria = z.looseObject({ id: Uri.optional(), narrative: z.string().optional() }).refine((c) => c.id !== undefined || c.narrative !== undefined, { message: 'Give an id or a narrative' });
/** A link to a competency, standard or framework item. */
export const Alignment = z.looseObject({
  type: typeIncluding('Alignment'),
  targetName: Text,
  targetUrl: Uri,
  targetCode: z.string().optional(),
  targetDescription: z.string().optional(),
  targetFramework: z.string().optional(),
  targetType: z.string().optional(),
});
/** A (possibly hashed) identifier of the recipient. */
export const IdentityObject = z.looseObject({ type: z.literal('IdentityObject'), hashed: z.boolean(), identityHash: Text, identityType: Text, salt: z.string().optional() });
/** Another identifier of a profile or achievement. */
export const IdentifierEntry = z.looseObject({ type: z.literal('IdentifierEntry'), identifier: Text, identifierType: Text });
/** One level of a rubric criterion. */
export const RubricCriterionLevel = z.looseObject({
  id: Uri,
  type: typeIncluding('RubricCriterionLevel'),
  name: Text,
  description: z.string().optional(),
  level: z.string().optional(),
  points: z.string().optional(),
  alignment: z.array(Alignment).optional(),
});
/** The result types of OB 3.0 (extensions are `ext:` prefixed). */
export const ResultType = z.union([
  z.enum(['GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore', 'Result', 'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status']),
  z.string().regex(/^ext:[a-z|A-Z|0-9|.|-|_]+$/, { message: 'An extension result type starts with ext:' }),
]);
/** What a result of an achievement may be, e.g. a rubric criterion and its levels. */
export const ResultDescription = z.looseObject({
  id: Uri,
  type: typeIncluding('ResultDescription'),
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
  type: typeIncluding('Result'),
  resultDescription: Uri.optional(),
  achievedLevel: Uri.optional(),
  status: z.enum(['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew']).optional(),
  value: z.string().optional(),
  alignment: z.array(Alignment).optional(),
});
/** A person or organisation: issuer, creator or endorser. */
export const Profile = z.looseObject({
  id: Uri,
  type: typeIncluding('Profile'),
  name: z.string().optional(),
  url: Uri.optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
  image: Image.optional(),
  otherIdentifier: z.array(IdentifierEntry).optional(),
  official: z.string().optional(),
});
/** What is certified: the micro-credential itself. */
export const Achievement = z.looseObject({
  id: Uri,
  type: typeIncluding('Achievement'),
  name: Text,
  description: Text,
  criteria: Criteria,
  achievementType: z.string().optional(),
  image: Image.optional(),
  creator: Profile.optional(),
  alignment: z.array(Alignment).optional(),
  resultDescription: z.array(ResultDescription).optional(),
  tag: z.array(z.string()).optional(),
  version: z.string().optional(),
  creditsAvailable: z.number().optional(),
  humanCode: z.string().optional(),
  fieldOfStudy: z.string().optional(),
  specialization: z.string().optional(),
  inLanguage: z.string().optional(),
  otherIdentifier: z.array(IdentifierEntry).optional(),
});
/** Evidence of the work: a URL, a narrative, or both. */
export const Evidence = z.looseObject({
  id: Uri.optional(),
  type: typeIncluding('Evidence'),
  name: z.string().optional(),
  description: z.string().optional(),
  narrative: z.string().optional(),
  genre: z.string().optional(),
  audience: z.string().optional(),
});
/** The recipient and what they achieved. */
export const AchievementSubject = z.looseObject({
  id: Uri.optional(),
  type: typeIncluding('AchievementSubject'),
  achievement: Achievement,
  identifier: z.array(IdentityObject).optional(),
  result: z.array(Result).optional(),
  creditsEarned: z.number().optional(),
  activityStartDate: DateTime.optional(),
  activityEndDate: DateTime.optional(),
  licenseNumber: z.string().optional(),
  narrative: z.string().optional(),
  role: z.string().optional(),
  term: z.string().optional(),
  image: Image.optional(),
});
/** Where the credential's status is published (OB 3.0 allows one). */
export const CredentialStatus = z.looseObject({ id: Uri, type: Text });
/** A JSON Schema the credential declares. */
export const CredentialSchema = z.looseObject({ id: Uri, type: Text });
/** A proof (checked by the verifier, not here). */
export const Proof = z.looseObject({ type: Text });

const contexts = z.array(z.string()).refine((c) => c[0] === VC2_CONTEXT && c.some((u) => /\/spec\/ob\/v3p0\/context/.test(u)), { message: 'Needs the VC 2.0 context first and an Open Badges 3.0 context' });
const credentialBase = {
  '@context': contexts,
  id: Uri,
  name: z.string().optional(),
  description: z.string().optional(),
  image: Image.optional(),
  issuer: Profile,
  validFrom: DateTime,
  validUntil: DateTime.optional(),
  credentialSchema: z.array(CredentialSchema).optional(),
  credentialStatus: CredentialStatus.optional(),
  proof: z.array(Proof).optional(),
};

/** An OpenBadgeCredential (also typed AchievementCredential), unsigned or signed. */
export const AchievementCredential = z.looseObject({
  ...credentialBase,
  type: z
    .union([z.string(), z.array(z.string()).min(1)])
    .refine((t) => [t].flat().includes('VerifiableCredential') && ([t].flat().includes('OpenBadgeCredential') || [t].flat().includes('AchievementCredential')), { message: 'Must include VerifiableCredential and OpenBadgeCredential' }),
  credentialSubject: AchievementSubject,
  evidence: z.array(Evidence).optional(),
  endorsement: z.array(z.record(z.string(), z.unknown())).optional(),
});
/** OpenBadgeCredential is the OB 3.0 name of the same class. */
export const OpenBadgeCredential = AchievementCredential;

/** What an endorsement is about, with the endorser's comment. */
export const EndorsementSubject = z.looseObject({ id: Uri, type: typeIncluding('EndorsementSubject'), endorsementComment: z.string().optional() });
/** An EndorsementCredential: a third party vouches for a profile, an achievement or a credential. */
export const EndorsementCredential = z.looseObject({ ...credentialBase, name: Text, type: typeIncluding('VerifiableCredential', 'EndorsementCredential'), credentialSubject: EndorsementSubject });

export type Image = z.infer<typeof Image>;
export type Criteria = z.infer<typeof Criteria>;
export type Alignment = z.infer<typeof Alignment>;
export type IdentityObject = z.infer<typeof IdentityObject>;
export type IdentifierEntry = z.infer<typeof IdentifierEntry>;
export type RubricCriterionLevel = z.infer<typeof RubricCriterionLevel>;
export type ResultDescription = z.infer<typeof ResultDescription>;
export type Result = z.infer<typeof Result>;
export type Profile = z.infer<typeof Profile>;
export type Achievement = z.infer<typeof Achievement>;
export type Evidence = z.infer<typeof Evidence>;
export type AchievementSubject = z.infer<typeof AchievementSubject>;
export type CredentialStatus = z.infer<typeof CredentialStatus>;
export type AchievementCredential = z.infer<typeof AchievementCredential>;
export type OpenBadgeCredential = AchievementCredential;
export type EndorsementSubject = z.infer<typeof EndorsementSubject>;
export type EndorsementCredential = z.infer<typeof EndorsementCredential>;

/** A builder's input: the schema's input without `type`, which the builder sets. */
export type BuilderInput<T extends z.ZodType> = { [K in keyof z.input<T> as K extends 'type' ? never : K]: z.input<T>[K] };

/** A builder: sets `type` and parses, so the result is valid or a ZodError names the field. */
function builder<T extends z.ZodType>(schema: T, type: string[]) {
  return (input: BuilderInput<T>): z.output<T> => schema.parse({ ...input, type });
}

export const buildAlignment = builder(Alignment, ['Alignment']);
export const buildRubricCriterionLevel = builder(RubricCriterionLevel, ['RubricCriterionLevel']);
export const buildResultDescription = builder(ResultDescription, ['ResultDescription']);
export const buildResult = builder(Result, ['Result']);
export const buildProfile = builder(Profile, ['Profile']);
export const buildAchievement = builder(Achievement, ['Achievement']);
export const buildEvidence = builder(Evidence, ['Evidence']);
export const buildAchievementSubject = builder(AchievementSubject, ['AchievementSubject']);
export const buildEndorsementSubject = builder(EndorsementSubject, ['EndorsementSubject']);

/** The OB 3.0 identity hash: `sha256$` and the hex SHA-256 of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${createHash('sha256').update(identity + salt).digest('hex')}`;
}

/** A hashed IdentityObject (an email address by default), salted with `salt` or 16 random hex digits. */
export function buildIdentityObject(input: { identity: string; identityType?: string; salt?: string }): IdentityObject {
  const salt = input.salt ?? randomBytes(8).toString('hex');
  return IdentityObject.parse({ type: 'IdentityObject', hashed: true, identityHash: identityHash(z.string().min(1).parse(input.identity), salt), identityType: input.identityType ?? 'emailAddress', salt });
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What every credential builder takes. */
interface CredentialInput {
  id: string;
  issuer: BuilderInput<typeof Profile>;
  validFrom: Date;
  validUntil?: Date;
  name?: string;
  description?: string;
  credentialStatus?: z.input<typeof CredentialStatus>;
}

function credentialFields(input: CredentialInput, schemaUrl: string) {
  return {
    '@context': [...OB3_CREDENTIAL_CONTEXTS],
    id: input.id,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    issuer: { ...input.issuer, type: ['Profile'] },
    validFrom: iso(input.validFrom),
    ...(input.validUntil ? { validUntil: iso(input.validUntil) } : {}),
    credentialSchema: [{ id: schemaUrl, type: '1EdTechJsonSchemaValidator2019' }],
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}

/** An unsigned OpenBadgeCredential naming the official schema; sign it with `signDataIntegrity` or `signJwt`. */
export function buildAchievementCredential(input: CredentialInput & { name: string; subject: BuilderInput<typeof AchievementSubject>; evidence?: Array<BuilderInput<typeof Evidence>> }): AchievementCredential {
  return AchievementCredential.parse({
    ...credentialFields(input, OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: { ...input.subject, type: ['AchievementSubject'] },
    ...(input.evidence?.length ? { evidence: input.evidence.map((e) => ({ ...e, type: ['Evidence'] })) } : {}),
  });
}

/** An unsigned EndorsementCredential about `subject.id` (a profile, an achievement or a credential). */
export function buildEndorsementCredential(input: CredentialInput & { name: string; subject: BuilderInput<typeof EndorsementSubject> }): EndorsementCredential {
  return EndorsementCredential.parse({
    ...credentialFields(input, OB3_ENDORSEMENT_CREDENTIAL_SCHEMA),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    credentialSubject: { ...input.subject, type: ['EndorsementSubject'] },
  });
}

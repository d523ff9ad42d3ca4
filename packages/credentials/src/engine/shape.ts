import { z } from 'zod';

/** Contexts a VC 2.0 or 1.1 credential starts with. */
export const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const OB3_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.0\.\d)?\.json$/;
const CLR2_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-2\.0\.\d)?\.json$/;
/** The newest OB 3.0 context. */
export const OB3_LATEST_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const typed = (name: string) =>
  z
    .looseObject({ type: z.union([z.string(), z.array(z.string())]) })
    .refine((o) => list(o.type).includes(name), { message: `type must include "${name}"`, path: ['type'] });
const iri = z.string().regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, { message: 'must be an IRI' });
const many = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

const Profile: z.ZodType = z.lazy(() =>
  typed('Profile').and(
    z.looseObject({
      id: iri,
      otherIdentifier: many(typed('IdentifierEntry')).optional(),
      parentOrg: Profile.optional(),
    }),
  ),
);

const Achievement = typed('Achievement').and(
  z.looseObject({
    id: iri,
    name: z.string(),
    criteria: z.looseObject({}),
    creator: Profile.optional(),
    resultDescription: many(typed('ResultDescription')).optional(),
    alignment: many(typed('Alignment')).optional(),
    endorsement: z.array(z.unknown()).optional(),
  }),
);

const AchievementSubject = typed('AchievementSubject').and(
  z.looseObject({
    achievement: Achievement,
    identifier: many(typed('IdentityObject')).optional(),
    result: many(typed('Result')).optional(),
    source: Profile.optional(),
  }),
);

const Issuer = z.union([iri, Profile]);

/** The credential kinds the engine understands. */
export type CredentialKind = 'OpenBadgeCredential' | 'EndorsementCredential' | 'ClrCredential' | 'BitstringStatusListCredential' | 'other';

/** Which kind of credential this is, by its `type`. */
export function credentialKind(doc: Record<string, unknown>): CredentialKind {
  const types = list(doc['type']);
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'OpenBadgeCredential';
  if (types.includes('EndorsementCredential')) return 'EndorsementCredential';
  if (types.includes('ClrCredential')) return 'ClrCredential';
  if (types.includes('BitstringStatusListCredential') || types.includes('StatusList2021Credential')) return 'BitstringStatusListCredential';
  return 'other';
}

/** The data model version from the first context, or null. */
export function dataModelOf(doc: Record<string, unknown>): '2.0' | '1.1' | null {
  const first = list(doc['@context'])[0];
  return first === VC2_CONTEXT ? '2.0' : first === VC1_CONTEXT ? '1.1' : null;
}

/** The OB/CLR context versions the credential uses. */
export function standardContexts(doc: Record<string, unknown>): { ob: string[]; clr: string[] } {
  const urls = list(doc['@context']).filter((c): c is string => typeof c === 'string');
  return { ob: urls.filter((u) => OB3_CONTEXT.test(u)), clr: urls.filter((u) => CLR2_CONTEXT.test(u)) };
}

/** VC 1.1 / 2.0: the issuer is an IRI or an object with an IRI id (Open Badges narrows it to a Profile). */
const VcIssuer = z.union([iri, z.looseObject({ id: iri })]);

const Base = z.looseObject({
  '@context': z.array(z.unknown()).min(1),
  type: z.union([z.string(), z.array(z.string())]),
  issuer: VcIssuer,
  credentialSubject: z.unknown(),
});
const OpenBadgesBase = Base.and(z.looseObject({ issuer: Issuer }));

const OpenBadge = OpenBadgesBase.and(
  z.looseObject({ name: z.string().optional(), credentialSubject: AchievementSubject, evidence: many(typed('Evidence')).optional() }),
);
const Endorsement = OpenBadgesBase.and(z.looseObject({ credentialSubject: typed('EndorsementSubject').and(z.looseObject({ id: iri })) }));
const Clr = OpenBadgesBase.and(
  z.looseObject({ credentialSubject: typed('ClrSubject').and(z.looseObject({ verifiableCredential: z.array(z.unknown()).min(1) })) }),
);

/** Check the Open Badges 3.0 / CLR 2.0 structure: required properties and the `type` of every nested object. */
export function structureProblems(doc: Record<string, unknown>): string[] {
  const kind = credentialKind(doc);
  const schema =
    kind === 'EndorsementCredential' ? Endorsement : kind === 'ClrCredential' ? Clr : kind === 'OpenBadgeCredential' ? OpenBadge : Base;
  const result = schema.safeParse(doc);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const model = dataModelOf(doc);
  // VC 2.0 makes validFrom optional; Open Badges 3.0 and CLR 2.0 require it.
  const openBadges = kind === 'OpenBadgeCredential' || kind === 'EndorsementCredential' || kind === 'ClrCredential';
  if (model === '2.0' && doc['validFrom'] === undefined && openBadges) problems.push('validFrom: required by Open Badges 3.0 and CLR 2.0');
  if (model === '1.1' && doc['issuanceDate'] === undefined) problems.push('issuanceDate: required in VC Data Model 1.1');
  return [...new Set(problems)];
}

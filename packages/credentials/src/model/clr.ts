/**
 * CLR 2.0: the ClrCredential, its ClrSubject and Associations, as zod schemas with inferred types, and a
 * builder for an unsigned ClrCredential that bundles signed OB 3.0 credentials.
 */
import { z } from 'zod';
import { CLR_CONTEXT_2_0_1 } from '../engine/clr-context.js';
import { asRecord } from '../engine/json.js';
import { VC2_CONTEXT } from '../engine/shape.js';
import { Uri, typesIncluding } from './common.js';

/** The OB 3.0 context the CLR's own terms (Profile, Achievement) come from. */
export const OB3_CONTEXT_3_0_3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** The CLR 2.0 JSON Schema for ClrCredential. */
export const CLR_SCHEMA = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** How one achievement relates to another (CLR 2.0 AssociationType). */
export const AssociationType = z.enum([
  'exactMatchOf',
  'exemplar',
  'hasSkillLevel',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
]);
/** An AssociationType value. */
export type AssociationType = z.infer<typeof AssociationType>;

/** A typed link between two achievements of the CLR. */
export const Association = z.object({
  type: z.literal('Association'),
  associationType: AssociationType,
  sourceId: Uri,
  targetId: Uri,
});
/** An Association. */
export type Association = z.infer<typeof Association>;

/** The issuer profile (the part the CLR needs). */
export const ClrIssuer = z.looseObject({ id: Uri, type: typesIncluding('Profile'), name: z.string().min(1) });

/** The subject of a CLR: the learner, the achievements, their associations and the credentials. */
export const ClrSubject = z.looseObject({
  id: Uri.optional(),
  type: typesIncluding('ClrSubject'),
  achievement: z.array(z.looseObject({ id: Uri, type: z.array(z.string()) })).optional(),
  association: z.array(Association).optional(),
  verifiableCredential: z.array(z.record(z.string(), z.unknown())).min(1, { message: 'A CLR holds at least one credential' }),
});
/** A ClrSubject. */
export type ClrSubject = z.infer<typeof ClrSubject>;

/** A ClrCredential (unsigned or signed). */
export const ClrCredential = z.looseObject({
  '@context': z.array(z.string()).refine((c) => c[0] === VC2_CONTEXT && c.some((u) => /\/spec\/clr\/v2p0\/context/.test(u)), {
    message: 'Needs the VC 2.0 and CLR 2.0 contexts',
  }),
  id: Uri,
  type: typesIncluding('VerifiableCredential', 'ClrCredential'),
  issuer: ClrIssuer,
  name: z.string().min(1),
  description: z.string().optional(),
  validFrom: z.iso.datetime({ offset: true }),
  partial: z.boolean().optional(),
  credentialSubject: ClrSubject,
});
/** A ClrCredential. */
export type ClrCredential = z.infer<typeof ClrCredential>;

/** What `buildClrCredential` needs. */
export interface ClrInput {
  id: string;
  issuer: { id: string; name: string; url?: string };
  name: string;
  description?: string;
  validFrom: Date;
  /** The learner (a DID or URL), if known. */
  subjectId?: string;
  /** Signed OB 3.0 credentials, as issued. */
  credentials: Array<Record<string, unknown>>;
  associations?: Array<{ associationType: AssociationType; sourceId: string; targetId: string }>;
  /** True when the CLR holds only part of the learner's record. */
  partial?: boolean;
}

/** The achievement ids the credentials are for (in order, without duplicates). */
export function achievementIdsOf(credentials: ReadonlyArray<Record<string, unknown>>): string[] {
  const ids = credentials
    .map((c) => asRecord(asRecord([c['credentialSubject']].flat()[0])?.['achievement'])?.['id'])
    .filter((v): v is string => typeof v === 'string');
  return [...new Set(ids)];
}

/** Build an unsigned ClrCredential. Associations must link achievements the CLR holds. */
export function buildClrCredential(input: ClrInput): ClrCredential {
  const achievements = new Set(achievementIdsOf(input.credentials));
  for (const [i, a] of (input.associations ?? []).entries()) {
    for (const end of ['sourceId', 'targetId'] as const) {
      if (!achievements.has(a[end]))
        throw new z.ZodError([
          { code: 'custom', path: ['associations', i, end], message: 'Not an achievement of a credential in this CLR', input: a[end] },
        ]);
    }
    if (a.sourceId === a.targetId)
      throw new z.ZodError([
        {
          code: 'custom',
          path: ['associations', i, 'targetId'],
          message: 'An achievement cannot be associated with itself',
          input: a.targetId,
        },
      ]);
  }
  const doc = {
    '@context': [VC2_CONTEXT, CLR_CONTEXT_2_0_1, OB3_CONTEXT_3_0_3],
    id: input.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name, ...(input.issuer.url ? { url: input.issuer.url } : {}) },
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    validFrom: input.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(input.partial === undefined ? {} : { partial: input.partial }),
    credentialSubject: {
      ...(input.subjectId ? { id: input.subjectId } : {}),
      type: ['ClrSubject'],
      verifiableCredential: input.credentials,
      ...(input.associations?.length ? { association: input.associations.map((a) => ({ type: 'Association' as const, ...a })) } : {}),
    },
  };
  return ClrCredential.parse(doc);
}

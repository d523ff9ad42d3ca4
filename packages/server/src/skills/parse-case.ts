import { z } from 'zod';
import type { ImportProblem, ParsedAssociation, ParsedFramework, ParsedSkill } from './parsed.js';
import { MAX_PROBLEMS, SkillImportError } from './parsed.js';

const Str = z.string().trim().min(1);
const NodeRef = z.looseObject({ identifier: Str, uri: z.string().optional(), title: z.string().optional() });

/** The CASE 1.0 CFAssociation types, plus `ext:` extensions. */
export const CASE_ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
] as const;

const CFDocument = z.looseObject({
  identifier: Str,
  uri: Str,
  title: Str,
  creator: Str,
  lastChangeDateTime: Str,
  version: z.string().optional(),
  description: z.string().optional(),
  licenseURI: z.union([z.string(), z.looseObject({ uri: z.string().optional(), title: z.string().optional() })]).optional(),
  notes: z.string().optional(),
});
const CFItem = z.looseObject({
  identifier: Str,
  uri: Str,
  fullStatement: Str,
  lastChangeDateTime: Str,
  humanCodingScheme: z.string().optional(),
  abbreviatedStatement: z.string().optional(),
  CFItemType: z.string().optional(),
  notes: z.string().optional(),
  listEnumeration: z.string().optional(),
});
const CFAssociation = z.looseObject({
  identifier: Str,
  uri: Str,
  associationType: z.union([
    z.enum(CASE_ASSOCIATION_TYPES),
    z.string().regex(/^ext:\S+$/, { message: 'Use a CASE association type or an ext: term' }),
  ]),
  originNodeURI: NodeRef,
  destinationNodeURI: NodeRef,
  lastChangeDateTime: Str,
  sequenceNumber: z.number().int().optional(),
});
const CasePackage = z.looseObject({
  CFDocument,
  CFItems: z.array(z.unknown()).default([]),
  CFAssociations: z.array(z.unknown()).default([]),
});

/** A zod issue path as a JSON path: `CFItems[3].fullStatement`. */
export function jsonPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '$';
}

function collect(problems: ImportProblem[], prefix: string, error: z.ZodError): void {
  for (const i of error.issues) if (problems.length < MAX_PROBLEMS) problems.push({ path: jsonPath(prefix, i.path), message: i.message });
}

/**
 * Read a CASE 1.0 package (CFDocument, CFItems, CFAssociations). Items are checked one by one so every problem
 * is reported with its JSON path; the document itself becomes the framework, and an `isChildOf` whose
 * destination is the document makes a root item.
 */
export function parseCasePackage(json: unknown): ParsedFramework {
  const top = CasePackage.safeParse(json);
  if (!top.success) {
    const problems: ImportProblem[] = [];
    collect(problems, '', top.error);
    throw new SkillImportError('This is not a CASE 1.0 package', problems);
  }
  const doc = top.data.CFDocument;
  const problems: ImportProblem[] = [];
  const skills: ParsedSkill[] = [];
  top.data.CFItems.forEach((raw, i) => {
    const r = CFItem.safeParse(raw);
    if (!r.success) return collect(problems, `CFItems[${i}]`, r.error);
    const it = r.data;
    skills.push({
      identifier: it.identifier,
      code: it.humanCodingScheme?.trim() || null,
      name: it.fullStatement.slice(0, 2000),
      description: (it.notes ?? it.abbreviatedStatement ?? '').slice(0, 4000),
      uri: it.uri,
      type: it.CFItemType?.trim() || null,
      path: `CFItems[${i}]`,
    });
  });
  const associations: ParsedAssociation[] = [];
  top.data.CFAssociations.forEach((raw, i) => {
    const r = CFAssociation.safeParse(raw);
    if (!r.success) return collect(problems, `CFAssociations[${i}]`, r.error);
    const a = r.data;
    const toDocument = a.destinationNodeURI.identifier === doc.identifier;
    associations.push({
      identifier: a.identifier,
      type: a.associationType,
      from: a.originNodeURI.identifier,
      to: toDocument ? null : a.destinationNodeURI.identifier,
      toUri: toDocument ? doc.uri : (a.destinationNodeURI.uri ?? null),
      path: `CFAssociations[${i}]`,
    });
  });
  if (problems.length)
    throw new SkillImportError(
      `The CASE package has ${problems.length === MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem(s)`,
      problems,
    );
  const licence = typeof doc.licenseURI === 'string' ? doc.licenseURI : (doc.licenseURI?.title ?? doc.licenseURI?.uri ?? null);
  return {
    framework: {
      sourceKind: 'case',
      sourceId: doc.identifier,
      title: doc.title.slice(0, 300),
      description: (doc.description ?? '').slice(0, 4000),
      sourceUri: doc.uri,
      version: doc.version ?? doc.lastChangeDateTime,
      licence,
    },
    skills,
    associations,
    warnings: [],
  };
}

import type { Deps } from '../context.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../db/tx.js';
import { checkFramework } from './check-framework.js';
import { parseCasePackage } from './parse-case.js';
import { parseSkillsCsv } from './parse-csv.js';
import { looksLikeRsd, parseRsd } from './parse-rsd.js';
import type { ImportProblem, ParsedFramework } from './parsed.js';
import { SkillImportError } from './parsed.js';
import type { SkillFrameworkRow } from './store.js';
import {
  BATCH,
  countFramework,
  deleteAssociations,
  findFrameworkBySource,
  insertAssociations,
  insertFramework,
  retireAllSkills,
  skillIdsByIdentifier,
  updateFramework,
  upsertSkills,
} from './store.js';

/** The formats a framework can be imported from (`auto` tells CASE and RSD JSON apart, and takes anything else as CSV). */
export type ImportFormat = 'auto' | 'case' | 'rsd' | 'csv';

/** Options of an import. */
export interface ImportFrameworkOptions {
  /** Who imports (null: the CLI). */
  actorId: string | null;
  ip?: string | null;
  /** The owning organisation's id, or null for a platform-wide framework. */
  orgId: string | null;
  format: ImportFormat;
  /** The file's text (UTF-8). */
  text: string;
  /** For CSV: the framework's title (its identifier is derived from it), default the file name. */
  title?: string;
  /** Where the file came from (a URL), kept when the file does not name its own. */
  sourceUri?: string | null;
  /** Called after each batch of skills is written. */
  onProgress?: (done: number, total: number) => void;
}

/** What an import did. */
export interface ImportFrameworkResult {
  framework: SkillFrameworkRow;
  /** Whether the framework was new (false: a re-import updated it in place). */
  created: boolean;
  skills: number;
  associations: number;
  /** Skills of an earlier import that this file no longer has (kept, retired, for existing alignments). */
  retired: number;
  warnings: ImportProblem[];
}

/** Read a framework file in any supported format; throws SkillImportError with the JSON path or row of each problem. */
export function parseFrameworkFile(opts: { format: ImportFormat; text: string; title?: string }): ParsedFramework {
  const trimmed = opts.text.trimStart();
  const isJson =
    opts.format === 'case' || opts.format === 'rsd' || (opts.format === 'auto' && (trimmed.startsWith('{') || trimmed.startsWith('[')));
  if (!isJson) {
    const title = opts.title?.trim() || 'Imported skills';
    return parseSkillsCsv(opts.text, {
      title,
      sourceId:
        title
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '') || 'skills',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    throw new SkillImportError('The file is not valid JSON', [{ path: '$', message: e instanceof Error ? e.message : String(e) }]);
  }
  if (opts.format === 'rsd' || (opts.format === 'auto' && looksLikeRsd(json))) return parseRsd(json);
  return parseCasePackage(json);
}

/**
 * Import a skill framework (CASE 1.0 package, OSN RSD or collection, CSV) into a scope, in one transaction: a
 * re-import of the same source (same CFDocument / collection identifier, or CSV title) updates the framework
 * in place, keeps every skill's id (matched by source identifier), retires the skills it no longer lists, and
 * rewrites the associations. A failed import changes nothing. Skills are written in batches of 1,000.
 */
export async function importFramework(deps: Deps, opts: ImportFrameworkOptions): Promise<ImportFrameworkResult> {
  const checked = checkFramework(
    parseFrameworkFile({ format: opts.format, text: opts.text, ...(opts.title ? { title: opts.title } : {}) }),
  );
  const { parsed } = checked;
  const f = parsed.framework;
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const existing = await findFrameworkBySource(tx.db, opts.orgId, f.sourceKind, f.sourceId, true);
    const fields = {
      title: f.title,
      description: f.description,
      sourceUri: f.sourceUri ?? opts.sourceUri ?? null,
      version: f.version,
      licence: f.licence,
      importedBy: opts.actorId,
      updatedAt: now,
    };
    const framework = existing
      ? await updateFramework(tx.db, existing.id, fields)
      : await insertFramework(tx.db, {
          id: tx.ids.id('skillFramework'),
          orgId: opts.orgId,
          sourceKind: f.sourceKind,
          sourceId: f.sourceId,
          createdAt: now,
          ...fields,
        });
    const ids = existing ? await skillIdsByIdentifier(tx.db, framework.id) : new Map<string, string>();
    const incoming = new Set(parsed.skills.map((s) => s.identifier));
    const retired = [...ids.keys()].filter((k) => !incoming.has(k)).length;
    for (const s of parsed.skills) if (!ids.has(s.identifier)) ids.set(s.identifier, tx.ids.id('skill'));
    if (existing) {
      await retireAllSkills(tx.db, framework.id, now);
      await deleteAssociations(tx.db, framework.id);
    }
    const idOf = (identifier: string) => {
      const id = ids.get(identifier);
      if (!id) throw new Error(`no id for ${identifier}`);
      return id;
    };
    for (let i = 0; i < parsed.skills.length; i += BATCH) {
      const rows = parsed.skills.slice(i, i + BATCH).map((s) => {
        const parent = checked.parentOf.get(s.identifier);
        return {
          id: idOf(s.identifier),
          frameworkId: framework.id,
          identifier: s.identifier,
          code: s.code,
          name: s.name,
          description: s.description,
          uri: s.uri,
          type: s.type,
          parentId: parent ? idOf(parent) : null,
          position: checked.positionOf.get(s.identifier) ?? 0,
          retiredAt: null,
        };
      });
      await upsertSkills(tx.db, rows);
      opts.onProgress?.(Math.min(i + BATCH, parsed.skills.length), parsed.skills.length);
    }
    for (let i = 0; i < parsed.associations.length; i += BATCH) {
      await insertAssociations(
        tx.db,
        parsed.associations.slice(i, i + BATCH).map((a) => ({
          frameworkId: framework.id,
          identifier: a.identifier,
          type: a.type,
          fromSkillId: idOf(a.from),
          toSkillId: a.to ? idOf(a.to) : null,
          toUri: a.to ? null : a.toUri,
        })),
      );
    }
    const counts = await countFramework(tx.db, framework.id);
    const updated = await updateFramework(tx.db, framework.id, { skillCount: counts.skills });
    await recordAudit(tx, {
      action: 'skill_framework.imported',
      orgId: opts.orgId,
      actorId: opts.actorId,
      target: framework.id,
      ip: opts.ip ?? null,
      detail: {
        title: f.title,
        sourceKind: f.sourceKind,
        sourceId: f.sourceId,
        skills: counts.skills,
        associations: counts.associations,
        reimport: !!existing,
      },
    });
    return {
      framework: updated,
      created: !existing,
      skills: counts.skills,
      associations: counts.associations,
      retired,
      warnings: parsed.warnings,
    };
  });
}

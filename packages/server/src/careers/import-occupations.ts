import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Deps } from '../context.js';
import { countOccupations, upsertOccupations } from './store.js';

/** The occupation dataset file format (O*NET-style: code, title, skills with importance 1–5), with its attribution. */
export const OccupationDataset = z.object({
  name: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().min(1),
  occupations: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        title: z.string().min(1).max(300),
        description: z.string().max(4000).default(''),
        skills: z
          .array(
            z.object({ url: z.string().min(1).max(2000), name: z.string().min(1).max(300), importance: z.number().int().min(1).max(5) }),
          )
          .min(1),
      }),
    )
    .min(1),
});
/** An occupation dataset. */
export type OccupationDataset = z.infer<typeof OccupationDataset>;

/** Where the bundled datasets live (the same path from src/ under tsx and from dist/ after a build). */
export const OCCUPATIONS_DIR = fileURLToPath(new URL('../../src/seed/occupations/', import.meta.url));

/** The occupation datasets that ship with Tessera (every JSON file in OCCUPATIONS_DIR). */
export function bundledOccupations(): unknown[] {
  return readdirSync(OCCUPATIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(OCCUPATIONS_DIR, f), 'utf8')) as unknown);
}

/** Load an occupation dataset (insert or update each occupation and replace its skills, in one transaction). */
export async function importOccupations(deps: Pick<Deps, 'db'>, opts: { dataset: unknown }): Promise<{ occupations: number }> {
  const ds = OccupationDataset.parse(opts.dataset);
  const source = `${ds.name} (${ds.licence})`;
  await upsertOccupations(
    deps.db,
    ds.occupations.map((o) => ({
      occupation: { code: o.code, title: o.title, description: o.description, source },
      skills: [
        ...new Map(
          o.skills.map((s) => [s.url, { occupationCode: o.code, skillUrl: s.url, skillName: s.name, importance: s.importance }]),
        ).values(),
      ],
    })),
  );
  return { occupations: ds.occupations.length };
}

/** Load the bundled datasets when no occupation is stored yet (first use of a new installation). */
export async function ensureOccupations(deps: Pick<Deps, 'db'>): Promise<void> {
  if ((await countOccupations(deps.db)) > 0) return;
  for (const dataset of bundledOccupations()) await importOccupations(deps, { dataset });
}

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** An alignment read from a credential, with the rubric level its result gives (if any). */
export interface ReadAlignment {
  url: string | null;
  code: string | null;
  framework: string | null;
  name: string | null;
  level: { name: string; rank: number; of: number } | null;
}

function alignmentsOf(node: Json, level: ReadAlignment['level']): ReadAlignment[] {
  return list(node['alignment'])
    .map(rec)
    .map((a) => ({
      url: str(a['targetUrl']),
      code: str(a['targetCode']),
      framework: str(a['targetFramework']),
      name: str(a['targetName']),
      level,
    }))
    .filter((a) => a.url !== null || a.code !== null);
}

/**
 * The skill alignments a credential states, in OB 3.0 (`credentialSubject.achievement.alignment`, and per rubric
 * criterion on `resultDescription`, with the level from the matching `result.achievedLevel`) or OB 2.0 (`badge.alignment`,
 * when the badge class is embedded). Reads claims only; the caller decides whether the credential is verified.
 */
export function readAlignments(credential: unknown): ReadAlignment[] {
  const c = rec(credential);
  const out: ReadAlignment[] = [];
  const subject = rec(list(c['credentialSubject'])[0]);
  const achievement = rec(subject['achievement']);
  out.push(...alignmentsOf(achievement, null));
  const results = list(subject['result']).map(rec);
  for (const d of list(achievement['resultDescription']).map(rec)) {
    const levels = list(d['rubricCriterionLevel']).map(rec);
    const achieved = results.find((r) => r['resultDescription'] === d['id'])?.['achievedLevel'];
    const i = levels.findIndex((l) => l['id'] === achieved);
    const name = i >= 0 ? str(levels[i]?.['name']) : null;
    out.push(...alignmentsOf(d, i >= 0 && name ? { name, rank: i + 1, of: levels.length } : null));
  }
  out.push(...alignmentsOf(rec(c['badge']), null));
  return out;
}

import type { Db } from '../db/client.js';
import { skillIdFromUrl } from './ob3-alignment.js';
import type { SkillWithFramework } from './store.js';
import { findSkillRows, findSkillsByUriOrCode } from './store.js';

/** What an imported credential's alignment says about its target. */
export interface MatchSkillOptions {
  /** The alignment's targetUrl. */
  url?: string | null;
  /** The alignment's targetCode. */
  code?: string | null;
  /** The alignment's targetFramework (a title or a URI): disambiguates a code that several frameworks use. */
  framework?: string | null;
  /** This server's base URL, so links to its own skill pages match. */
  baseUrl: string;
}

/**
 * The known skill an alignment points at, or null. A URL matches a skill's URI exactly (or this server's skill
 * page); otherwise a code matches when exactly one live skill has it, or exactly one of those is in the named
 * framework. Never guesses between several candidates.
 */
export async function matchSkillByUrlOrCode(db: Db, opts: MatchSkillOptions): Promise<SkillWithFramework | null> {
  const url = opts.url?.trim() || null;
  if (url) {
    const own = skillIdFromUrl(opts.baseUrl, url);
    if (own) {
      const [s] = await findSkillRows(db, [own]);
      if (s && !s.retiredAt) return s;
    }
    const variants = [url, url.replace(/\/$/, ''), `${url.replace(/\/$/, '')}/`];
    const byUri = (await findSkillsByUriOrCode(db, { uris: [...new Set(variants)], code: null })).filter((s) => s.uri !== null);
    if (byUri.length === 1 && byUri[0]) return byUri[0];
  }
  const code = opts.code?.trim() || null;
  if (!code) return null;
  const byCode = (await findSkillsByUriOrCode(db, { uris: [], code })).filter((s) => s.code?.toLowerCase() === code.toLowerCase());
  if (byCode.length === 1 && byCode[0]) return byCode[0];
  const fw = opts.framework?.trim().toLowerCase();
  if (!fw) return null;
  const inFramework = byCode.filter((s) => s.framework.title.toLowerCase() === fw || s.framework.sourceUri?.toLowerCase() === fw);
  return inFramework.length === 1 && inFramework[0] ? inFramework[0] : null;
}

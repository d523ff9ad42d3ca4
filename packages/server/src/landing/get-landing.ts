import { listCatalog } from '../achievements/index.js';
import type { Deps } from '../context.js';

/** One featured micro-credential on the landing page. */
export interface FeaturedCredential {
  achievementId: string;
  name: string;
  summary: string;
  imageUrl: string;
  issuerName: string;
  issuerSlug: string;
}

/** What the public landing page shows. */
export interface LandingView {
  featured: FeaturedCredential[];
  publishedCount: number;
}

/** How many recent catalog entries are considered when picking featured ones. */
const CANDIDATES = 24;

/** A description shortened to `max` characters at a word boundary. */
function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The landing page's content: recently published micro-credentials, taking turns between issuers so one
 * organisation's catalog does not fill the page, read through the achievements slice's catalog use case.
 */
export async function getLanding(deps: Deps, opts: { limit: number }): Promise<LandingView> {
  const catalog = await listCatalog(deps, { page: 1, pageSize: CANDIDATES });
  const byIssuer = new Map<string, typeof catalog.items>();
  for (const item of catalog.items) {
    const list = byIssuer.get(item.issuer.slug) ?? [];
    list.push(item);
    byIssuer.set(item.issuer.slug, list);
  }
  const picked: typeof catalog.items = [];
  const queues = [...byIssuer.values()];
  for (let round = 0; picked.length < opts.limit && queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const item = q[round];
      if (item && picked.length < opts.limit) picked.push(item);
    }
  }
  return {
    featured: picked.map((item) => ({
      achievementId: item.achievementId,
      name: item.content.name,
      summary: summarise(item.content.description),
      imageUrl: item.imageUrl,
      issuerName: item.issuer.name,
      issuerSlug: item.issuer.slug,
    })),
    publishedCount: catalog.total,
  };
}

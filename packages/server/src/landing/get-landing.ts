import { listCatalog } from '../achievements/index.js';
import { listPathwayCatalog } from '../pathways/index.js';
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

/** One featured pathway: a stack of micro-credentials toward a larger credential. */
export interface FeaturedPathway {
  pathwayId: string;
  name: string;
  summary: string;
  issuerName: string;
  completionName: string;
  stepCount: number;
}

/** What the public landing page shows. */
export interface LandingView {
  featured: FeaturedCredential[];
  publishedCount: number;
  pathways: FeaturedPathway[];
}

/** How many of the newest published pathways the landing page shows. */
const FEATURED_PATHWAYS = 3;

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
  const [catalog, pathways] = await Promise.all([
    listCatalog(deps, { page: 1, pageSize: CANDIDATES }),
    listPathwayCatalog(deps, { limit: FEATURED_PATHWAYS }),
  ]);
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
    pathways: pathways.map((p) => ({
      pathwayId: p.pathwayId,
      name: p.name,
      summary: summarise(p.description),
      issuerName: p.issuer.name,
      completionName: p.completion.name,
      stepCount: p.stepCount,
    })),
  };
}

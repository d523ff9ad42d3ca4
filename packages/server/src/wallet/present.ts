import { VerificationStep } from '@tessera/shared';
import { z } from 'zod';
import type { CollectionRow, WalletItemRow } from './store.js';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** A readable name for a badge known only by its URL (a hosted OB 2.0 BadgeClass): "robotics badge (example.org)". */
function nameFromUrl(v: unknown): string | null {
  if (typeof v !== 'string' || !URL.canParse(v)) return null;
  const url = new URL(v);
  const last = url.pathname
    .split('/')
    .filter(Boolean)
    .pop()
    ?.replace(/\.json$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return last ? `${last} (${url.hostname})` : url.hostname;
}

/** The name and issuer a credential claims (OB 3.0 and OB 2.0 shapes). */
export function claimedNames(credential: Json | null): { name: string; issuerName: string | null } {
  const c = credential ?? {};
  const subject = rec(Array.isArray(c['credentialSubject']) ? c['credentialSubject'][0] : c['credentialSubject']);
  const achievement = rec(subject['achievement']);
  const badge = rec(c['badge']);
  const name =
    [achievement['name'], c['name'], badge['name']].find((v): v is string => typeof v === 'string' && v.length > 0) ??
    nameFromUrl(c['badge']) ??
    'Unnamed credential';
  const issuer = rec(c['issuer']);
  const issuerName =
    typeof issuer['name'] === 'string'
      ? issuer['name']
      : typeof c['issuer'] === 'string'
        ? c['issuer']
        : typeof rec(badge['issuer'])['name'] === 'string'
          ? (rec(badge['issuer'])['name'] as string)
          : null;
  return { name: name.slice(0, 300), issuerName: issuerName?.slice(0, 300) ?? null };
}

/** The steps of a stored report (read, not trusted: a report stored by an older engine may lack them). */
export function storedSteps(report: unknown): VerificationStep[] {
  return z.object({ steps: z.array(VerificationStep) }).safeParse(report).data?.steps ?? [];
}

/** An imported credential as the API returns it. */
export function presentWalletItem(r: WalletItemRow) {
  return {
    id: r.id,
    source: r.source,
    sourceUrl: r.sourceUrl,
    name: r.name,
    issuerName: r.issuerName,
    verdict: r.verdict,
    steps: storedSteps(r.report),
    verifiedAt: r.verifiedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/** A collection as the API returns it. */
export function presentCollection(r: CollectionRow) {
  return { id: r.id, name: r.name, public: r.isPublic, entries: r.entries, createdAt: r.createdAt.toISOString() };
}

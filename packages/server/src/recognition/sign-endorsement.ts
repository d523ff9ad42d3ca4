import { buildEndorsementCredential } from '@tessera/credentials';
import type { Deps } from '../context.js';
import { signDataIntegrity } from '../credentials/index.js';
import { loadOrgSigner } from '../keys/index.js';
import { orgDid } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { signableUrl } from '../shared/iri.js';

/** The namespace of Tessera's `ext:` extension terms (recognition rules), declared by an inline JSON-LD context. */
export function extensionNamespace(baseUrl: string): string {
  return `${baseUrl}/ns/recognition#`;
}

/** What an EndorsementCredential says. */
export interface EndorsementStatement {
  /** The credential's id (a URL on this server that serves it). */
  id: string;
  name: string;
  /** What is endorsed: an achievement, pathway or profile URL. */
  subjectId: string;
  comment: string;
  validFrom: Date;
  validUntil?: Date | null;
  /** Structured fields, put under `ext:<key>` on the subject (a small inline context defines the `ext` prefix). */
  extension?: Record<string, string | number | null>;
  /** A revocation entry in the issuer's status list (see status-entry.ts). */
  status?: { url: string; index: number };
}

/**
 * Build and sign an OB 3.0 EndorsementCredential with the organisation's current Ed25519 key (eddsa-rdfc-2022).
 * Extension fields are `ext:`-prefixed terms: the inline context maps the prefix to this server's namespace, so
 * strict (safe-mode) JSON-LD processing keeps every term and no context has to be fetched.
 */
export async function signEndorsement(deps: Deps, org: OrgRow, s: EndorsementStatement): Promise<Record<string, unknown>> {
  const base = deps.env.TESSERA_BASE_URL;
  const url = signableUrl(org.url);
  const built = buildEndorsementCredential({
    id: s.id,
    name: s.name,
    issuer: { id: orgDid(base, org.slug), name: org.name, ...(url ? { url } : {}) },
    validFrom: s.validFrom,
    ...(s.validUntil ? { validUntil: s.validUntil } : {}),
    subject: { id: s.subjectId, endorsementComment: s.comment },
  }) as Record<string, unknown>;
  let doc = built;
  if (s.extension) {
    const fields = Object.fromEntries(
      Object.entries(s.extension)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [`ext:${k}`, v]),
    );
    doc = {
      ...built,
      '@context': [...(built['@context'] as unknown[]), { ext: extensionNamespace(base) }],
      credentialSubject: { ...(built['credentialSubject'] as Record<string, unknown>), ...fields },
    };
  }
  if (s.status)
    doc = {
      ...doc,
      credentialStatus: {
        id: `${s.status.url}#${s.status.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(s.status.index),
        statusListCredential: s.status.url,
      },
    };
  const signer = await loadOrgSigner(deps, org);
  return signDataIntegrity(doc, signer, deps.clock.now());
}

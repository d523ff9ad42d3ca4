import type { TalentProfile } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Requirement } from '../careers/index.js';
import { buildSkillProfile, computeGap } from '../careers/index.js';
import type { Actor, Deps } from '../context.js';
import { credentialKey, credentialPageUrl } from '../credentials/index.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeTalent } from './policies.js';
import { displayNameOf, presentOrgContact } from './present.js';
import { findDiscoverable, findOrgSearch, hasPublicSkillsPage, insertView, listOrgContacts } from './store.js';

type Json = Record<string, unknown>;

/** The requirements a stored search recorded (its own criteria JSON, written by searchTalent). */
function storedRequirements(criteria: Json): Requirement[] {
  const list = Array.isArray(criteria['requirements']) ? (criteria['requirements'] as Json[]) : [];
  return list.map((r) => ({
    url: String(r['url'] ?? ''),
    name: String(r['name'] ?? ''),
    code: typeof r['code'] === 'string' ? r['code'] : null,
    framework: typeof r['framework'] === 'string' ? r['framework'] : null,
    importance: typeof r['importance'] === 'number' ? r['importance'] : null,
    requiredLevel: typeof r['requiredLevel'] === 'number' ? r['requiredLevel'] : null,
  }));
}

/**
 * A consenting learner's profile for an organisation's owner: only what the learner chose to show, built from verified,
 * non-private credentials. A learner who has not opted in (or opted out) is 404, exactly like an unknown id. When the
 * employer came from one of its own searches, the profile is matched against that search. Every view is recorded for
 * the learner and in the organisation's audit log.
 */
export async function viewTalentProfile(
  deps: Deps,
  opts: { actor: Actor; slug: string; accountId: string; searchId?: string | undefined },
): Promise<TalentProfile> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeTalent(role, 'talent.search');
  const person = await findDiscoverable(deps.db, opts.accountId);
  if (!person?.profile) throw new AppError('not_found', 'No such person among those who can be found');
  const p = person.profile;
  const search = opts.searchId ? await findOrgSearch(deps.db, org.id, opts.searchId) : undefined;
  const base = deps.env.TESSERA_BASE_URL;
  const built = await buildSkillProfile(deps, { accountId: opts.accountId, publicOnly: true });
  const issuers = new Map(built.skills.flatMap((s) => s.evidence.map((e) => [`${e.kind}:${e.credentialId}`, e] as const)));
  const credentials = [
    ...built.earned.map((e) => ({
      name: e.name,
      issuerName: issuers.get(`earned:${e.credentialId}`)?.issuerName ?? null,
      url: credentialPageUrl(base, encodeURIComponent(credentialKey(base, e.credentialId))),
      issuedAt: e.issuedAt.toISOString(),
    })),
    ...[...issuers.values()]
      .filter((e) => e.kind === 'imported')
      .map((e) => ({ name: e.name, issuerName: e.issuerName, url: e.url, issuedAt: e.issuedAt })),
  ].sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? ''));
  const publicPage = p.showPublicLink && (await hasPublicSkillsPage(deps.db, opts.accountId));
  await inTransaction(deps, async (tx) => {
    await insertView(tx.db, {
      id: deps.ids.id('talentView'),
      orgId: org.id,
      actorId: opts.actor.accountId,
      accountId: opts.accountId,
      searchId: search?.id ?? null,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, {
      action: 'talent.profile_viewed',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: opts.accountId,
      detail: search ? { search: search.id, summary: search.summary } : {},
      ip: opts.actor.ip,
    });
  });
  const contacts = await listOrgContacts(deps.db, { orgId: org.id, accountId: opts.accountId, limit: 50 });
  return {
    id: opts.accountId,
    displayName: displayNameOf(p, person.accountName),
    headline: p.headline,
    location: p.location,
    skills: p.showSkills ? built.skills : null,
    credentials: p.showCredentials ? credentials : null,
    publicSkillsUrl: publicPage ? `${base}/app/people/${opts.accountId}/skills` : null,
    match: search ? { summary: search.summary, skills: computeGap(storedRequirements(search.criteria), built.skills) } : null,
    contacts: contacts.map(presentOrgContact),
  };
}

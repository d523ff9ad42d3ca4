import { achievementIdsOf, buildClrCredential } from '@tessera/credentials';
import { findAccountById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { signDataIntegrity } from '../credentials/index.js';
import { loadOrgSigner } from '../keys/index.js';
import { findOrgById, orgDid } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { signableUrl } from '../shared/iri.js';
import { childrenOf, importedPartOf } from './evaluate.js';
import { standingOf } from './load-holdings.js';
import { readPathwayContent } from './present.js';
import { credentialIdsOfAwards, findCredentialDocuments, findPathwayVersion, findValidImports, listCompletionsOfLearner } from './store.js';

type Json = Record<string, unknown>;

/** An imported credential's JSON when it can be embedded in a CLR as received: OB 3.0 JSON-LD with a proof. */
function embeddableImport(item: { payload: string; mediaType: string }): Json | null {
  if (item.mediaType !== 'application/json') return null;
  try {
    const doc: unknown = JSON.parse(item.payload);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
    const d = doc as Json;
    const ctx = d['@context'];
    return Array.isArray(ctx) && ctx[0] === 'https://www.w3.org/ns/credentials/v2' && d['proof'] ? d : null;
  } catch {
    return null;
  }
}

/**
 * A signed CLR 2.0 ClrCredential of a completed pathway, signed with the pathway organisation's key: the
 * completion credential, its milestone credentials and the part credentials exactly as their issuers signed
 * them, with `isPartOf` from each part to the milestone or completion it counted for and `precedes` between
 * ordered steps. Verified imported (external) OB 3.0 credentials that satisfied a step are included as
 * received (the JSON the learner imported, its own proof intact) with `isPartOf` from their achievement; imports
 * in other forms (VC-JWT, OB 2.0 assertions) cannot sit in a CLR's `verifiableCredential` list and are left out.
 */
export async function exportPathwayClr(deps: Deps, opts: { actor: Actor; pathwayId: string }): Promise<Json> {
  const now = deps.clock.now();
  const completions = await listCompletionsOfLearner(deps.db, opts.actor.accountId, opts.pathwayId);
  const completion = completions.find((c) => c.groupId === '');
  if (!completion) throw new AppError('not_found', 'You have not completed this pathway yet');
  const version = await findPathwayVersion(deps.db, completion.versionId);
  const org = await findOrgById(deps.db, completion.orgId);
  if (!version || !org) throw new AppError('not_found', 'No such pathway');
  const content = readPathwayContent(version.content);
  const awardCredential = await credentialIdsOfAwards(
    deps.db,
    completions.map((c) => c.awardId),
  );
  const completionCredentialId = awardCredential.get(completion.awardId);
  if (!completionCredentialId) throw new AppError('conflict', 'The completion credential is still being signed; try again shortly');
  const milestoneCredential = new Map(
    completions
      .filter((c) => c.groupId !== '')
      .flatMap((c) => {
        const id = awardCredential.get(c.awardId);
        return id ? [[c.groupId, id] as [string, string]] : [];
      }),
  );
  const partOfStep = new Map(completion.parts.filter((p) => p.kind === 'credential').map((p) => [p.stepId, p.id]));
  const docs = await findCredentialDocuments(deps.db, [completionCredentialId, ...milestoneCredential.values(), ...partOfStep.values()]);
  const mine = docs.filter((d) => d.learnerId === opts.actor.accountId);
  const byId = new Map(mine.map((d) => [d.id, d]));
  if (content.expiryPolicy === 'require-valid' && mine.some((d) => standingOf(d, now) !== 'active'))
    throw new AppError('conflict', 'A credential of this pathway no longer verifies, and the pathway requires valid credentials');
  const achievementOf = (credentialId: string | undefined): string | undefined => {
    const d = credentialId ? byId.get(credentialId) : undefined;
    return d ? achievementIdsOf([d.document])[0] : undefined;
  };
  const importOfStep = new Map(completion.parts.filter((p) => p.kind === 'imported').map((p) => [p.stepId, p.id]));
  const imports = await findValidImports(deps.db, opts.actor.accountId, [...importOfStep.values()]);
  if (content.expiryPolicy === 'require-valid' && imports.length < new Set(importOfStep.values()).size)
    throw new AppError('conflict', 'An imported credential of this pathway no longer verifies, and the pathway requires valid credentials');
  const embedded = new Map(
    imports.flatMap((i) => {
      const doc = embeddableImport(i);
      const achievementId = importedPartOf(i)?.achievementIris[0];
      return doc && achievementId ? [[i.id, { doc, achievementId }] as const] : [];
    }),
  );
  const importedAchievementOf = (stepId: string) => embedded.get(importOfStep.get(stepId) ?? '')?.achievementId;
  const target = achievementOf(completionCredentialId);
  if (!target) throw new AppError('conflict', 'The completion credential is not available');
  // Each step and milestone counts for the nearest awarded milestone above it, else for the completion.
  const parentOf = new Map<string, string>();
  for (const g of content.groups) for (const c of childrenOf(content, g.id)) parentOf.set(c, g.id);
  const containerOf = (id: string): string => {
    for (let g = parentOf.get(id); g; g = parentOf.get(g)) {
      const m = achievementOf(milestoneCredential.get(g));
      if (m) return m;
    }
    return target;
  };
  const associations: Array<{ associationType: 'isPartOf' | 'precedes'; sourceId: string; targetId: string }> = [];
  const add = (associationType: 'isPartOf' | 'precedes', sourceId: string | undefined, targetId: string | undefined) => {
    if (!sourceId || !targetId || sourceId === targetId) return;
    if (associations.some((a) => a.associationType === associationType && a.sourceId === sourceId && a.targetId === targetId)) return;
    associations.push({ associationType, sourceId, targetId });
  };
  for (const [groupId, credentialId] of milestoneCredential) add('isPartOf', achievementOf(credentialId), containerOf(groupId));
  for (const [stepId, credentialId] of partOfStep) add('isPartOf', achievementOf(credentialId), containerOf(stepId));
  for (const stepId of importOfStep.keys()) add('isPartOf', importedAchievementOf(stepId), containerOf(stepId));
  const stepAchievement = (stepId: string) => achievementOf(partOfStep.get(stepId)) ?? importedAchievementOf(stepId);
  for (const e of content.precedes) add('precedes', stepAchievement(e.from), stepAchievement(e.to));
  const included = [completionCredentialId, ...milestoneCredential.values(), ...partOfStep.values()].filter(
    (id, i, all) => byId.has(id) && all.indexOf(id) === i,
  );
  const credentials = [...included.map((id) => byId.get(id)?.document ?? {}), ...[...embedded.values()].map((e) => e.doc)];
  const subjectIds = [
    ...new Set(
      credentials.map((d) => (d['credentialSubject'] as Json | undefined)?.['id']).filter((v): v is string => typeof v === 'string'),
    ),
  ];
  const account = await findAccountById(deps.db, opts.actor.accountId);
  const base = deps.env.TESSERA_BASE_URL;
  const unsigned = buildClrCredential({
    id: `urn:uuid:${deps.ids.uuid()}`,
    issuer: { id: orgDid(base, org.slug), name: org.name, ...(signableUrl(org.url) ? { url: signableUrl(org.url) ?? '' } : {}) },
    name: `${content.name}${account && account.showNameOnCredentials ? ` — ${account.name}` : ''}`,
    description: `The ${content.name} pathway completed on ${completion.createdAt.toISOString().slice(0, 10)}, with the credentials that made it.`,
    validFrom: now,
    ...(subjectIds.length === 1 && subjectIds[0] ? { subjectId: subjectIds[0] } : {}),
    credentials,
    associations,
  });
  const signed = await signDataIntegrity(unsigned, await loadOrgSigner(deps, org), now);
  await recordAudit(deps, {
    action: 'pathway.clr_exported',
    orgId: org.id,
    actorId: opts.actor.accountId,
    target: opts.pathwayId,
    detail: { clrId: signed['id'], credentials: included, imported: [...embedded.keys()], associations: associations.length },
    ip: opts.actor.ip,
  });
  return signed;
}

import { achievementIdsOf, buildClrCredential } from '@tessera/credentials';
import type { ClrExportInput } from '@tessera/shared';
import { findAccountById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { credentialStatus } from '../credentials/index.js';
import { signDataIntegrity } from '../credentials/index.js';
import { listCredentialRows } from '../credentials/index.js';
import { loadPlatformSigner } from '../keys/index.js';
import { platformDid } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';

type Json = Record<string, unknown>;
const STATUS_WORDS = { revoked: 'has been revoked', suspended: 'is suspended', expired: 'has expired' } as const;

/**
 * A signed CLR 2.0 ClrCredential holding the learner's chosen credentials, exactly as their issuers signed
 * them, with the associations the learner declares between their achievements. The platform's own did:web
 * signs it: Tessera attests the bundle, each organisation still attests its own credential inside.
 */
export async function exportClr(deps: Deps, opts: { actor: Actor; input: ClrExportInput }): Promise<Json> {
  const now = deps.clock.now();
  const ids = [...new Set(opts.input.credentialIds)];
  // One read of the learner's own credentials: anything else is reported like a missing one.
  const mine = await listCredentialRows(deps.db, { learnerId: opts.actor.accountId });
  const byId = new Map(mine.map((r) => [r.c.id, r.c]));
  const chosen: Json[] = [];
  const achievementOf = new Map<string, string>();
  // Paths name the position in the request, so a repeated id is checked once, where it first appears.
  for (const [i, id] of opts.input.credentialIds.entries()) {
    if (opts.input.credentialIds.indexOf(id) !== i) continue;
    const c = byId.get(id);
    if (!c)
      throw new AppError('validation_failed', 'Not a credential of yours', {
        errors: [{ path: `credentialIds.${i}`, message: 'Not a credential of yours' }],
      });
    const st = credentialStatus(c, now).status;
    if (st !== 'active')
      throw new AppError('validation_failed', `That credential ${STATUS_WORDS[st]}; a record holds only credentials that verify`, {
        errors: [{ path: `credentialIds.${i}`, message: `This credential ${STATUS_WORDS[st]}` }],
      });
    chosen.push(c.document);
    const [achievementId] = achievementIdsOf([c.document]);
    if (achievementId) achievementOf.set(c.id, achievementId);
  }
  const associations = opts.input.associations.map((a, i) => {
    const ends = { sourceId: achievementOf.get(a.sourceId), targetId: achievementOf.get(a.targetId) };
    for (const end of ['sourceId', 'targetId'] as const) {
      if (!ends[end])
        throw new AppError('validation_failed', 'An association links two credentials of this record', {
          errors: [{ path: `associations.${i}.${end}`, message: 'Choose a credential that is in this record' }],
        });
    }
    if (ends.sourceId === ends.targetId)
      throw new AppError('validation_failed', 'An association links two different achievements', {
        errors: [{ path: `associations.${i}.targetId`, message: 'Choose a different credential' }],
      });
    return { associationType: a.associationType, sourceId: ends.sourceId ?? '', targetId: ends.targetId ?? '' };
  });
  const account = await findAccountById(deps.db, opts.actor.accountId);
  const activeCount = mine.filter((r) => credentialStatus(r.c, now).status === 'active').length;
  const subjectIds = [
    ...new Set(chosen.map((d) => (d['credentialSubject'] as Json | undefined)?.['id']).filter((v): v is string => typeof v === 'string')),
  ];
  const base = deps.env.TESSERA_BASE_URL;
  const unsigned = buildClrCredential({
    id: `urn:uuid:${deps.ids.uuid()}`,
    issuer: { id: platformDid(base), name: `Tessera (${new URL(base).host})`, url: base },
    name: opts.input.name ?? `Learning record${account && account.showNameOnCredentials ? ` of ${account.name}` : ''}`,
    description: `Credentials chosen by their holder and bundled by Tessera on ${now.toISOString().slice(0, 10)}. Each credential inside is signed by its own issuer.`,
    validFrom: now,
    ...(subjectIds.length === 1 && subjectIds[0] ? { subjectId: subjectIds[0] } : {}),
    credentials: chosen,
    associations,
    partial: ids.length < activeCount,
  });
  const signed = await signDataIntegrity(unsigned, await loadPlatformSigner(deps), now);
  await recordAudit(deps, {
    action: 'clr.exported',
    actorId: opts.actor.accountId,
    target: String(signed['id']),
    detail: { credentials: ids, associations: associations.length },
    ip: opts.actor.ip,
  });
  return signed;
}

import type { StackedCredential } from '@tessera/shared';
import type { Deps } from '../context.js';
import { readPathwayContent } from './present.js';
import { credentialIdsOfAwards, findCredentialDocuments, findImportNames, findPathwayVersion, listCompletionsOfLearner } from './store.js';

/** The learner's completion credentials with the credentials that made them, for the wallet to nest. */
export async function listMyStacks(deps: Deps, opts: { learnerId: string }): Promise<StackedCredential[]> {
  const completions = (await listCompletionsOfLearner(deps.db, opts.learnerId)).filter((c) => c.groupId === '');
  const credentialOf = await credentialIdsOfAwards(
    deps.db,
    completions.map((c) => c.awardId),
  );
  const partIds = completions.flatMap((c) => c.parts.filter((p) => p.kind === 'credential').map((p) => p.id));
  const names = new Map((await findCredentialDocuments(deps.db, partIds)).map((d) => [d.id, d.name]));
  const importNames = await findImportNames(
    deps.db,
    completions.flatMap((c) => c.parts.filter((p) => p.kind === 'imported').map((p) => p.id)),
  );
  const out: StackedCredential[] = [];
  for (const c of completions) {
    const credentialId = credentialOf.get(c.awardId);
    const version = await findPathwayVersion(deps.db, c.versionId);
    if (!credentialId || !version) continue;
    out.push({
      pathwayId: c.pathwayId,
      pathwayName: readPathwayContent(version.content).name,
      completionCredentialId: credentialId,
      parts: c.parts.map((p) => ({
        kind: p.kind,
        id: p.id,
        name: (p.kind === 'credential' ? names.get(p.id) : importNames.get(p.id)) ?? 'A credential no longer held',
      })),
    });
  }
  return out;
}

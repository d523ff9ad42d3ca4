import type { PathwayCatalogEntry, PathwayContent, PathwayProgress, ProgressStep } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { evaluatePathway, rulesForStep } from './evaluate.js';
import type { Evaluation, Holdings, RecognisedRule } from './evaluate.js';
import { loadHoldings } from './load-holdings.js';
import { presentAchievementRef, readPathwayContent } from './present.js';
import { loadRecognisedRules } from './recognised-rules.js';
import {
  credentialIdsOfAwards,
  findAchievementInfos,
  findPathwayVersion,
  listCompletionsOfLearner,
  listPins,
  listPublishedPathways,
} from './store.js';
import type { AchievementInfo, CompletionRow, PublishedPathway } from './store.js';

function referencedIds(p: PathwayContent): string[] {
  return [
    p.completionAchievementId,
    ...p.groups.flatMap((g) => (g.milestoneAchievementId ? [g.milestoneAchievementId] : [])),
    ...p.steps.flatMap((s) => (s.accept.kind === 'achievement' ? [s.accept.achievementId] : [])),
  ];
}

const creditsOf = (infos: Map<string, AchievementInfo>, id: string): number | null => {
  const a = infos.get(id);
  return a ? presentAchievementRef(a).creditsAvailable : null;
};

/** The progress map of one pathway version for a learner (pure over what was loaded). */
function present(
  found: {
    pathwayId: string;
    versionId: string;
    version: number;
    currentVersion: number;
    versionChanges: string[];
    org: { slug: string; name: string };
  },
  p: PathwayContent,
  e: Evaluation,
  infos: Map<string, AchievementInfo>,
  completion: { credentialId: string | null; lapsed: boolean },
  rules: RecognisedRule[],
): PathwayProgress {
  const steps: ProgressStep[] = p.steps.map((s) => {
    const r = e.steps.get(s.id);
    const a = s.accept.kind === 'achievement' ? infos.get(s.accept.achievementId) : undefined;
    const label = s.accept.kind === 'achievement' ? (a ? presentAchievementRef(a).name : 'Unknown achievement') : s.accept.label;
    return {
      id: s.id,
      kind: 'step',
      label,
      status: r?.status ?? 'available',
      achievementId: s.accept.kind === 'achievement' ? s.accept.achievementId : null,
      issuerName: a?.orgName ?? null,
      // A recognised credential earns the credits of the `credit` rule it counts under (hours are not credits).
      credits:
        s.accept.kind === 'achievement' ? creditsOf(infos, s.accept.achievementId) : r?.rule?.kind === 'credit' ? r.rule.amount : null,
      satisfiedBy: r?.satisfiedBy ?? null,
      waitingFor: r?.waitingFor ?? [],
      lapsed: r?.lapsed ?? null,
      recognisedUnder: r?.rule ? { ruleId: r.rule.id, achievementName: r.rule.achievementName, statement: r.rule.statement } : null,
      note:
        s.accept.kind === 'recognised' && !r?.rule && !rulesForStep(s.accept, rules).length
          ? `No credentials are recognised yet by ${found.org.name}${s.accept.requirement ? ` for ${s.accept.requirement}` : ''}`
          : null,
    };
  });
  const labelOf = new Map(steps.map((s) => [s.id, s.label]));
  for (const s of steps) s.waitingFor = s.waitingFor.map((id) => labelOf.get(id) ?? id);
  const completionInfo = infos.get(p.completionAchievementId);
  const ref = completionInfo ? presentAchievementRef(completionInfo) : null;
  return {
    pathwayId: found.pathwayId,
    versionId: found.versionId,
    version: found.version,
    currentVersion: found.currentVersion,
    versionChanges: found.versionChanges,
    name: p.name,
    description: p.description,
    issuer: found.org,
    completion: {
      achievementId: p.completionAchievementId,
      name: ref?.name ?? p.name,
      achievementType: ref?.achievementType ?? 'Certificate',
    },
    expiryPolicy: p.expiryPolicy,
    rootId: e.rootId,
    groups: p.groups.map((g) => {
      const r = e.groups.get(g.id);
      const m = g.milestoneAchievementId ? infos.get(g.milestoneAchievementId) : undefined;
      return {
        id: g.id,
        kind: 'group' as const,
        name: g.name,
        rule: g.rule,
        n: g.n,
        complete: r?.complete ?? false,
        doneCount: r?.doneCount ?? 0,
        needed: r?.needed ?? 0,
        milestone: g.milestoneAchievementId
          ? { achievementName: m ? presentAchievementRef(m).name : g.name, awarded: r?.complete ?? false }
          : null,
        children: r?.children ?? [],
      };
    }),
    steps,
    precedes: p.precedes,
    complete: e.complete || completion.credentialId !== null,
    completionCredentialId: completion.credentialId,
    completionLapsed: completion.lapsed,
    creditsEarned: steps.filter((s) => s.status === 'done').reduce((n, s) => n + (s.credits ?? 0), 0),
    creditsTotal: steps.reduce((n, s) => n + (s.credits ?? 0), 0),
    next: steps.filter((s) => s.status === 'in_progress' || s.status === 'available').map((s) => s.id),
  };
}

/** What changed from one version to another, in words a learner reads (steps by their label, group rules). */
function describeChanges(from: PathwayContent, to: PathwayContent, infos: Map<string, AchievementInfo>): string[] {
  const label = (s: PathwayContent['steps'][number]) =>
    s.accept.kind === 'achievement' ? (infos.get(s.accept.achievementId)?.content['name']?.toString() ?? 'a step') : s.accept.label;
  const before = new Set(from.steps.map(label));
  const after = new Set(to.steps.map(label));
  const rule = (g: PathwayContent['groups'][number]) => (g.rule === 'atLeast' ? `at least ${g.n ?? 1}` : g.rule);
  return [
    ...[...after].filter((l) => !before.has(l)).map((l) => `Added: ${l}`),
    ...[...before].filter((l) => !after.has(l)).map((l) => `Removed: ${l}`),
    ...to.groups.flatMap((g) => {
      const old = from.groups.find((o) => o.id === g.id);
      return old && rule(old) !== rule(g) ? [`${g.name} now needs ${rule(g)} (was ${rule(old)})`] : [];
    }),
    ...(from.expiryPolicy !== to.expiryPolicy
      ? [`Credentials that lapse now ${to.expiryPolicy === 'keep' ? 'still count' : 'no longer count'}`]
      : []),
  ];
}

async function progressOf(
  deps: Deps,
  found: PublishedPathway,
  holdings: Holdings,
  completions: CompletionRow[],
  pinnedVersionId: string | undefined,
): Promise<PathwayProgress> {
  // A learner who completed a pathway keeps the version they completed; one who made progress keeps the version
  // current then (pathway_pins, written by evaluation); anyone else sees the current version.
  const completion = completions.find((c) => c.pathwayId === found.pathway.id && c.groupId === '');
  const keptId = completion?.versionId ?? pinnedVersionId;
  const versionRow = keptId && keptId !== found.version.id ? await findPathwayVersion(deps.db, keptId) : undefined;
  const version = versionRow ?? found.version;
  const content = readPathwayContent(version.content);
  const current = versionRow ? readPathwayContent(found.version.content) : content;
  const rules = content.steps.some((s) => s.accept.kind === 'recognised') ? await loadRecognisedRules(deps, found.pathway.orgId) : [];
  const e = evaluatePathway(content, holdings, rules);
  const infos = await findAchievementInfos(deps.db, [...referencedIds(content), ...(versionRow ? referencedIds(current) : [])]);
  const credentialId = completion ? ((await credentialIdsOfAwards(deps.db, [completion.awardId])).get(completion.awardId) ?? null) : null;
  return present(
    {
      pathwayId: found.pathway.id,
      versionId: version.id,
      version: version.version,
      currentVersion: found.version.version,
      versionChanges: versionRow ? describeChanges(content, current, infos) : [],
      org: { slug: found.org.slug, name: found.org.name },
    },
    content,
    e,
    infos,
    { credentialId, lapsed: Boolean(completion) && content.expiryPolicy === 'require-valid' && !e.complete },
    rules,
  );
}

/** A learner's progress on one published pathway. */
export async function getPathwayProgress(deps: Deps, opts: { learnerId: string; pathwayId: string }): Promise<PathwayProgress> {
  const [found] = await listPublishedPathways(deps.db, [opts.pathwayId]);
  if (!found || found.pathway.status !== 'published') throw new AppError('not_found', 'No such pathway');
  const [holdings, completions, pins] = await Promise.all([
    loadHoldings(deps, opts.learnerId),
    listCompletionsOfLearner(deps.db, opts.learnerId, opts.pathwayId),
    listPins(deps.db, opts.learnerId, [opts.pathwayId]),
  ]);
  return progressOf(deps, found, holdings, completions, pins.get(opts.pathwayId));
}

/** A learner's progress on every published pathway they have started (a step done or in progress) or completed. */
export async function listMyPathways(deps: Deps, opts: { learnerId: string }): Promise<PathwayProgress[]> {
  const [published, holdings, completions, pins] = await Promise.all([
    listPublishedPathways(deps.db),
    loadHoldings(deps, opts.learnerId),
    listCompletionsOfLearner(deps.db, opts.learnerId),
    listPins(deps.db, opts.learnerId),
  ]);
  const all = await Promise.all(published.map((f) => progressOf(deps, f, holdings, completions, pins.get(f.pathway.id))));
  return all.filter((p) => p.complete || p.steps.some((s) => s.status === 'done' || s.status === 'in_progress'));
}

/** Published pathways for the catalog (optionally matching a search). */
export async function listPathwayCatalog(deps: Deps, opts: { q?: string | undefined; limit?: number }): Promise<PathwayCatalogEntry[]> {
  // Newest first; a limit without a search is applied by the database (the landing page's few featured pathways).
  const published = await listPublishedPathways(deps.db, undefined, opts.q ? undefined : opts.limit);
  const out: PathwayCatalogEntry[] = [];
  for (const f of published) {
    const p = readPathwayContent(f.version.content);
    const q = opts.q?.toLowerCase();
    if (q && !`${p.name} ${p.description}`.toLowerCase().includes(q)) continue;
    const infos = await findAchievementInfos(deps.db, referencedIds(p));
    const completion = infos.get(p.completionAchievementId);
    const ref = completion ? presentAchievementRef(completion) : null;
    out.push({
      pathwayId: f.pathway.id,
      name: p.name,
      description: p.description,
      version: f.version.version,
      issuer: { slug: f.org.slug, name: f.org.name },
      completion: { name: ref?.name ?? p.name, achievementType: ref?.achievementType ?? 'Certificate' },
      stepCount: p.steps.length,
      creditsTotal: p.steps.reduce(
        (n, s) => n + (s.accept.kind === 'achievement' ? (creditsOf(infos, s.accept.achievementId) ?? 0) : 0),
        0,
      ),
    });
    if (opts.limit !== undefined && out.length >= opts.limit) break;
  }
  return out;
}

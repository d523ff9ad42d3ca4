import type { PathwayContent, PathwayGroup, PathwayStep, StepStatus } from '@tessera/shared';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** One of the learner's own credentials, with its standing now. */
export interface HeldPart {
  id: string;
  achievementId: string;
  status: 'active' | 'revoked' | 'suspended' | 'expired';
  /** When it was issued (recognition rules must be valid then); unknown counts as never. */
  issuedAt?: Date;
}

/**
 * A published (not withdrawn) recognition rule of the pathway's organisation: its achievement counts as hours,
 * credit, or satisfies a requirement (`target`) between `validFrom` and `validUntil`.
 */
export interface RecognisedRule {
  id: string;
  achievementId: string;
  /** The recognised achievement's name. */
  achievementName: string;
  kind: 'hours' | 'credit' | 'satisfies';
  amount: number | null;
  target: string;
  validFrom: Date;
  validUntil: Date | null;
  /** The rule in words ("Counts as 3 credits toward … at …"). */
  statement: string;
}

/** A verified imported credential, reduced to what steps can match. */
export interface ImportedPart {
  id: string;
  /** Achievement ids (OB 3.0 achievement.id, OB 2.0 badge id) the credential names. */
  achievementIris: string[];
  /** Alignment targetUrl, targetCode and targetName values of its achievement. */
  skills: string[];
}

/** Everything evaluation needs about one learner. */
export interface Holdings {
  credentials: HeldPart[];
  imported: ImportedPart[];
  /** Achievements with an open submission (started, waiting, being revised). */
  openAchievementIds: Set<string>;
}

/** How one step stands. */
export interface StepResult {
  status: StepStatus;
  satisfiedBy: { kind: 'credential' | 'imported'; id: string } | null;
  waitingFor: string[];
  /** A credential the learner holds for the step that no longer counts (revoked, suspended, or expired under require-valid). */
  lapsed: { credentialId: string; status: Exclude<HeldPart['status'], 'active'> } | null;
  /** For a `recognised` step: the rule the satisfying credential counts under. */
  rule: RecognisedRule | null;
}

/** How one group stands. */
export interface GroupResult {
  complete: boolean;
  doneCount: number;
  needed: number;
  /** Child ids in order (groups and steps mixed). */
  children: string[];
}

/** A pathway evaluated for one learner. */
export interface Evaluation {
  rootId: string;
  steps: Map<string, StepResult>;
  groups: Map<string, GroupResult>;
  complete: boolean;
}

/** The achievement ids and skills an imported credential claims (OB 3.0 and OB 2.0 shapes), from its stored payload. */
export function importedPartOf(item: { id: string; payload: string; mediaType: string }): ImportedPart | null {
  let doc: Json;
  try {
    if (item.mediaType === 'application/json') doc = rec(JSON.parse(item.payload));
    else if (item.mediaType === 'application/jwt') {
      const body = rec(JSON.parse(Buffer.from(item.payload.split('.')[1] ?? '', 'base64url').toString('utf8')));
      doc = body['vc'] ? rec(body['vc']) : body;
    } else return null;
  } catch {
    return null;
  }
  const subject = rec(Array.isArray(doc['credentialSubject']) ? doc['credentialSubject'][0] : doc['credentialSubject']);
  const achievement = rec(subject['achievement']);
  const badge = doc['badge'];
  const iris = [achievement['id'], typeof badge === 'string' ? badge : rec(badge)['id']].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  const alignments = [achievement['alignment'], rec(badge)['alignment']].flatMap((a) => (Array.isArray(a) ? a : []));
  const skills = alignments
    .flatMap((a) => [rec(a)['targetUrl'], rec(a)['targetCode'], rec(a)['targetName']])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  return { id: item.id, achievementIris: iris, skills };
}

/** Whether a held credential counts for a step under the pathway's expiry policy (revoked and suspended never do). */
function counts(status: HeldPart['status'], policy: PathwayContent['expiryPolicy']): boolean {
  return status === 'active' || (status === 'expired' && policy === 'keep');
}

/** The rules a `recognised` step can use: of its rule kinds, and naming its requirement when it has one. */
export function rulesForStep(accept: Extract<PathwayStep['accept'], { kind: 'recognised' }>, rules: RecognisedRule[]): RecognisedRule[] {
  const want = accept.requirement?.toLowerCase() ?? null;
  return rules.filter((r) => accept.ruleKinds.includes(r.kind) && (want === null || r.target.toLowerCase().includes(want)));
}

/** Whether a rule was in force on a date (validFrom inclusive, validUntil exclusive). */
const inForce = (r: RecognisedRule, at: Date | undefined): boolean =>
  at !== undefined && r.validFrom <= at && (r.validUntil === null || at < r.validUntil);

function satisfy(
  step: PathwayStep,
  h: Holdings,
  policy: PathwayContent['expiryPolicy'],
  rules: RecognisedRule[],
): { by: StepResult['satisfiedBy']; rule: RecognisedRule | null } {
  const a = step.accept;
  if (a.kind === 'achievement') {
    const held = h.credentials.find((c) => c.achievementId === a.achievementId && counts(c.status, policy));
    return { by: held ? { kind: 'credential', id: held.id } : null, rule: null };
  }
  if (a.kind === 'recognised') {
    const usable = rulesForStep(a, rules);
    for (const c of h.credentials) {
      if (!counts(c.status, policy)) continue;
      const rule = usable.find((r) => r.achievementId === c.achievementId && inForce(r, c.issuedAt));
      if (rule) return { by: { kind: 'credential', id: c.id }, rule };
    }
    return { by: null, rule: null };
  }
  const match = h.imported.find(
    (i) => (a.achievementIri !== null && i.achievementIris.includes(a.achievementIri)) || (a.skill !== null && i.skills.includes(a.skill)),
  );
  return { by: match ? { kind: 'imported', id: match.id } : null, rule: null };
}

/** The newest credential the learner holds for an achievement step that does not count any more. */
function lapsedFor(step: PathwayStep, h: Holdings): StepResult['lapsed'] {
  const a = step.accept;
  if (a.kind !== 'achievement') return null;
  const held = h.credentials.filter((c) => c.achievementId === a.achievementId && c.status !== 'active').at(-1);
  return held && held.status !== 'active' ? { credentialId: held.id, status: held.status } : null;
}

/** The number of completed children a group needs. */
export function neededOf(g: PathwayGroup, childCount: number): number {
  return g.rule === 'all' ? childCount : g.rule === 'any' ? 1 : Math.min(g.n ?? 1, childCount);
}

/** The children of a group, in order: its child groups (in group order) then its steps. */
export function childrenOf(p: PathwayContent, groupId: string): string[] {
  return [
    ...p.groups.filter((g) => g.parentId === groupId).map((g) => g.id),
    ...p.steps.filter((s) => s.groupId === groupId).map((s) => s.id),
  ];
}

/**
 * Evaluate a (valid) pathway for one learner. A step is done when a credential that counts satisfies it (the
 * ordering never undoes what was earned); otherwise in progress when a submission is open, locked when a step
 * that precedes it is not done, else available. Groups complete by their rule over their children.
 */
export function evaluatePathway(p: PathwayContent, h: Holdings, rules: RecognisedRule[] = []): Evaluation {
  const steps = new Map<string, StepResult>();
  const found = new Map(p.steps.map((s) => [s.id, satisfy(s, h, p.expiryPolicy, rules)]));
  const satisfied = new Map([...found].map(([id, f]) => [id, f.by]));
  for (const s of p.steps) {
    const by = satisfied.get(s.id) ?? null;
    const waitingFor = p.precedes.filter((e) => e.to === s.id && !satisfied.get(e.from)).map((e) => e.from);
    const open = s.accept.kind === 'achievement' && h.openAchievementIds.has(s.accept.achievementId);
    const status: StepStatus = by ? 'done' : open ? 'in_progress' : waitingFor.length ? 'locked' : 'available';
    steps.set(s.id, {
      status,
      satisfiedBy: by,
      waitingFor: by ? [] : waitingFor,
      lapsed: by ? null : lapsedFor(s, h),
      rule: found.get(s.id)?.rule ?? null,
    });
  }
  const groups = new Map<string, GroupResult>();
  const byId = new Map(p.groups.map((g) => [g.id, g]));
  const visit = (id: string): boolean => {
    const known = groups.get(id);
    if (known) return known.complete;
    const g = byId.get(id);
    if (!g) return false;
    const children = childrenOf(p, id);
    const doneCount = children.filter((c) => (byId.has(c) ? visit(c) : steps.get(c)?.status === 'done')).length;
    const needed = neededOf(g, children.length);
    const r = { complete: children.length > 0 && doneCount >= needed, doneCount, needed, children };
    groups.set(id, r);
    return r.complete;
  };
  const rootId = p.groups.find((g) => g.parentId === null)?.id ?? '';
  for (const g of p.groups) visit(g.id);
  return { rootId, steps, groups, complete: groups.get(rootId)?.complete ?? false };
}

/** The credentials that satisfy the done steps under a group (its whole subtree), in map order. */
export function partsUnder(
  p: PathwayContent,
  e: Evaluation,
  groupId: string,
): Array<{ stepId: string; kind: 'credential' | 'imported'; id: string }> {
  const out: Array<{ stepId: string; kind: 'credential' | 'imported'; id: string }> = [];
  const walk = (id: string) => {
    for (const c of childrenOf(p, id)) {
      const s = e.steps.get(c);
      if (s) {
        if (s.satisfiedBy) out.push({ stepId: c, ...s.satisfiedBy });
      } else walk(c);
    }
  };
  walk(groupId);
  return out;
}

/** Every Tessera achievement a pathway's steps accept. */
export function stepAchievementIds(p: PathwayContent): string[] {
  return [...new Set(p.steps.flatMap((s) => (s.accept.kind === 'achievement' ? [s.accept.achievementId] : [])))];
}

/** The step key of `recognised` steps of an organisation's pathways: matched by credentials that organisation recognises. */
export const recognisedKey = (orgId: string): string => `recognised:${orgId}`;

/**
 * The keys a version's steps match (`achievement:<id>`, `iri:<achievement IRI>`, `skill:<alignment>`,
 * `recognised:<the pathway's org id>`), stored in pathway_step_keys so a learner check only evaluates the pathways
 * its triggering credential can advance.
 */
export function stepKeys(p: PathwayContent, orgId: string): string[] {
  return [
    ...new Set(
      p.steps.flatMap((s) =>
        s.accept.kind === 'achievement'
          ? [`achievement:${s.accept.achievementId}`]
          : s.accept.kind === 'recognised'
            ? [recognisedKey(orgId)]
            : [
                ...(s.accept.achievementIri ? [`iri:${s.accept.achievementIri}`] : []),
                ...(s.accept.skill ? [`skill:${s.accept.skill}`] : []),
              ],
      ),
    ),
  ];
}

/** The step keys an imported credential can match. */
export function importedKeys(part: ImportedPart): string[] {
  return [...part.achievementIris.map((i) => `iri:${i}`), ...part.skills.map((s) => `skill:${s}`)];
}

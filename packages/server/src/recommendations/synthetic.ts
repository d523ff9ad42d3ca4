import type { Candidate, FollowUp } from './rank.js';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic learner: a goal (occupation), the items earned in order, and the criteria passed only at the required level. */
export interface SyntheticLearner {
  id: string;
  occupation: string;
  sequence: string[];
  /** For each earned item (by position), the skills whose criterion was passed only at the required level. */
  justPassed: string[][];
}

/** A synthetic catalogue and population whose earning is driven by skill structure, not noise. */
export interface SyntheticDataset {
  skills: Array<{ id: string; name: string; track: number; stage: number }>;
  achievements: Array<Candidate & { track: number; stage: number }>;
  occupations: Array<{ code: string; skills: Array<{ skill: string; importance: number }> }>;
  learners: SyntheticLearner[];
}

/** Sizes of a synthetic dataset. */
export interface SyntheticOptions {
  seed: number;
  learners: number;
  tracks?: number;
  skillsPerTrack?: number;
  occupations?: number;
}

/**
 * Generate a dataset. Skills sit in tracks ordered by stage; each micro-credential covers three consecutive skills of
 * one track, so neighbours share a skill. Each occupation needs the skills of one or two tracks. A learner picks an
 * occupation and earns, one at a time, items that cover still-missing goal skills, preferring early stages; a skill
 * passed only at the required level makes the item that continues it more likely next; one pick in ten is off-goal.
 */
export function generateDataset(opts: SyntheticOptions): SyntheticDataset {
  const rnd = seededRandom(opts.seed);
  const tracks = opts.tracks ?? 8;
  const perTrack = opts.skillsPerTrack ?? 12;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  const skills: SyntheticDataset['skills'] = [];
  for (let t = 0; t < tracks; t++)
    for (let s = 0; s < perTrack; s++) skills.push({ id: `s${t}-${s}`, name: `Skill ${t}.${s}`, track: t, stage: s });
  const achievements: SyntheticDataset['achievements'] = [];
  for (let t = 0; t < tracks; t++)
    for (let s = 0; s + 2 < perTrack; s += 2) {
      achievements.push({
        id: `a${t}-${s}`,
        name: `Course ${t}.${s}`,
        status: 'published',
        skills: [`s${t}-${s}`, `s${t}-${s + 1}`, `s${t}-${s + 2}`],
        track: t,
        stage: s,
      });
    }
  const occupations: SyntheticDataset['occupations'] = [];
  for (let o = 0; o < (opts.occupations ?? 12); o++) {
    const main = o % tracks;
    const second = rnd() < 0.5 ? Math.floor(rnd() * tracks) : -1;
    const needs = skills.filter((s) => s.track === main || (s.track === second && s.stage < perTrack / 2));
    occupations.push({ code: `occ-${o}`, skills: needs.map((s) => ({ skill: s.id, importance: 1 + Math.floor(rnd() * 5) })) });
  }

  const learners: SyntheticLearner[] = [];
  for (let i = 0; i < opts.learners; i++) {
    const occ = pick(occupations);
    const need = new Set(occ.skills.map((s) => s.skill));
    const have = new Set<string>();
    const sequence: string[] = [];
    const justPassed: string[][] = [];
    const length = 3 + Math.floor(rnd() * 5);
    let weak: string[] = [];
    for (let step = 0; step < length; step++) {
      const open = achievements.filter((a) => !sequence.includes(a.id));
      const useful = open.filter((a) => a.skills.some((s) => need.has(s) && !have.has(s)));
      let next: (typeof achievements)[number] | undefined;
      if (useful.length > 0 && rnd() >= 0.1) {
        const scored = useful.map((a) => {
          const gain = a.skills.filter((s) => need.has(s) && !have.has(s)).length;
          const follow = a.skills.some((s) => weak.includes(s)) ? 4 : 1;
          return { a, w: gain * follow * Math.exp(-a.stage / 3) };
        });
        const total = scored.reduce((s, x) => s + x.w, 0);
        let r = rnd() * total;
        next = scored.find((x) => (r -= x.w) <= 0)?.a ?? scored[scored.length - 1]?.a;
      } else next = open.length > 0 ? pick(open) : undefined;
      if (!next) break;
      sequence.push(next.id);
      for (const s of next.skills) have.add(s);
      weak = next.skills.filter(() => rnd() < 0.3);
      justPassed.push(weak);
    }
    learners.push({ id: `l${i}`, occupation: occ.code, sequence, justPassed });
  }
  return { skills, achievements, occupations, learners };
}

/** The follow-up signals of a learner's earned prefix, as the ranking reads them. */
export function syntheticFollowUps(ds: SyntheticDataset, learner: SyntheticLearner, upTo: number): FollowUp[] {
  const last = upTo - 1;
  const id = learner.sequence[last];
  const skills = learner.justPassed[last] ?? [];
  if (id === undefined || skills.length === 0) return [];
  const name = ds.achievements.find((a) => a.id === id)?.name ?? id;
  return [{ achievementId: id, achievementName: name, criterionName: 'criterion', skills }];
}

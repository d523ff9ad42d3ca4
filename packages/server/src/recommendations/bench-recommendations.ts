import { sql } from 'drizzle-orm';
import { buildSkillProfile, goalRequirements, importOccupations } from '../careers/index.js';
import type { Deps } from '../context.js';
import { queryRows } from '../db/rows.js';
import { learnerGoals } from '../db/schema.js';
import { importFramework } from '../skills/index.js';
import { loadRecommendations } from './load-recommendations.js';
import { refreshRecommendationStats } from './refresh-stats.js';

/** What `tessera bench recommendations --json` prints. */
export interface RecommendationsBenchResult {
  learners: number;
  achievements: number;
  p95Ms: number;
  medianMs: number;
  requests: number;
  /** Seconds to build the data and to precompute co-earning (reported, not part of p95). */
  populateSeconds: number;
  refreshSeconds: number;
  coEarningPairs: number;
  recommended: number;
}

const SKILLS = 1000;
const PER_LEARNER = 5;

/**
 * Populate an empty, migrated database with `achievements` published micro-credentials (three skills each, from a
 * 1,000-skill framework) and `learners` learners who each earned five neighbouring items in order; precompute
 * co-earning; then time the whole recommendation request for one learner (profile, goal, gap, candidates, ranking).
 */
export async function benchRecommendations(
  deps: Deps,
  opts: { learners: number; achievements: number; requests?: number; onProgress?: (line: string) => void },
): Promise<RecommendationsBenchResult> {
  const { learners, achievements: count } = opts;
  const say = opts.onProgress ?? (() => undefined);
  const p0 = performance.now();
  const now = deps.clock.now().toISOString();
  const csv = [
    'id,code,name,uri',
    ...Array.from({ length: SKILLS }, (_, i) => `k${i},B.${i},Bench skill ${i},https://bench.example/skills/${i}`),
  ].join('\n');
  await importFramework(deps, { actorId: null, orgId: null, format: 'csv', text: csv, title: 'Bench skills' });
  const db = deps.db;
  await db.execute(
    sql`insert into orgs (id, slug, name, created_at, updated_at) values ('org_bench', 'bench', 'Bench Org', ${now}::timestamptz, ${now}::timestamptz)`,
  );
  say(`accounts (${learners})`);
  await db.execute(sql`insert into accounts (id, email, name, password_hash, created_at, updated_at)
    select 'acc_b' || g, 'b' || g || '@bench.example', 'Bench ' || g, 'x', ${now}::timestamptz, ${now}::timestamptz from generate_series(1, ${learners}) g`);
  say(`micro-credentials (${count})`);
  await db.execute(sql`insert into achievements (id, org_id, status, draft, latest_version_id, created_at, updated_at)
    select 'ach_b' || g, 'org_bench', case when g % 20 = 0 then 'retired' else 'published' end, '{}'::jsonb, 'acv_b' || g, ${now}::timestamptz, ${now}::timestamptz from generate_series(0, ${count - 1}) g`);
  await db.execute(sql`insert into achievement_versions (id, achievement_id, org_id, version, content, published_at)
    select 'acv_b' || g, 'ach_b' || g, 'org_bench', 1, jsonb_build_object('name', 'Bench course ' || g), ${now}::timestamptz from generate_series(0, ${count - 1}) g`);
  await db.execute(sql`insert into achievement_alignments (id, org_id, achievement_id, version_id, criterion_id, skill_id, position)
    select 'aln_b' || g || '_' || k, 'org_bench', 'ach_b' || g, 'acv_b' || g, null, s.id, k
    from generate_series(0, ${count - 1}) g cross join generate_series(0, 2) k
    join skills s on s.code = 'B.' || ((g + k) % ${SKILLS})`);
  say(`credentials (${learners * PER_LEARNER})`);
  await db.execute(sql`insert into credentials (id, org_id, achievement_id, version_id, learner_id, document, revocation_list_id, revocation_index, issued_at)
    select 'crd_b' || g || '_' || k, 'org_bench', 'ach_b' || ((g * 7919 + k) % ${count}), 'acv_b' || ((g * 7919 + k) % ${count}), 'acc_b' || g, '{}'::jsonb, 'stl_bench', g * ${PER_LEARNER} + k,
      ${now}::timestamptz - make_interval(days => ${PER_LEARNER} - k)
    from generate_series(1, ${learners}) g cross join generate_series(0, ${PER_LEARNER - 1}) k`);
  await db.execute(sql`analyze`);
  const populateSeconds = (performance.now() - p0) / 1000;
  say('precomputing co-earning');
  const r0 = performance.now();
  const stats = await refreshRecommendationStats(deps);
  const refreshSeconds = (performance.now() - r0) / 1000;

  const learnerId = 'acc_b1';
  const [first] = await queryRows<{ a: string }>(
    db,
    sql`select achievement_id as a from credentials where learner_id = ${learnerId} order by issued_at limit 1`,
  );
  const start = Number((first?.a ?? 'ach_b0').slice(5));
  const goalSkills = Array.from({ length: 20 }, (_, i) => (start + i) % SKILLS);
  await importOccupations(deps, {
    dataset: {
      name: 'Bench',
      licence: 'CC0-1.0',
      attribution: 'Generated',
      occupations: [
        {
          code: 'BENCH-1',
          title: 'Bench occupation',
          skills: goalSkills.map((i) => ({ url: `https://bench.example/skills/${i}`, name: `Bench skill ${i}`, importance: 1 + (i % 5) })),
        },
      ],
    },
  });
  const goalId = deps.ids.id('goal');
  await db.insert(learnerGoals).values({
    id: goalId,
    accountId: learnerId,
    occupationCode: 'BENCH-1',
    roleId: null,
    target: 'occupation:BENCH-1',
    createdAt: deps.clock.now(),
  });

  const once = async () => {
    const [{ requirements }, profile] = await Promise.all([
      goalRequirements(deps, { accountId: learnerId, goalId }),
      buildSkillProfile(deps, { accountId: learnerId }),
    ]);
    return loadRecommendations(deps, { profile, requirements, limit: 10 });
  };
  let recommended = 0;
  for (let i = 0; i < 5; i++) recommended = (await once()).length;
  const times: number[] = [];
  for (let i = 0; i < (opts.requests ?? 200); i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  const ms = (x: number) => Math.round(x * 10) / 10;
  return {
    learners,
    achievements: count,
    p95Ms: ms(at(0.95)),
    medianMs: ms(at(0.5)),
    requests: times.length,
    populateSeconds: ms(populateSeconds),
    refreshSeconds: ms(refreshSeconds),
    coEarningPairs: stats.pairs,
    recommended,
  };
}

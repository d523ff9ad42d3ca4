import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { submissions } from '../db/schema.js';

/** Finished submissions of a micro-credential (passed or not passed for good), and how many of them passed. */
export async function outcomeCounts(db: Db, achievementId: string): Promise<{ finished: number; passed: number }> {
  const [row] = await db
    .select({
      finished: sql<number>`count(*) filter (where ${submissions.state} in ('passed', 'not_passed'))::int`,
      passed: sql<number>`count(*) filter (where ${submissions.state} = 'passed')::int`,
    })
    .from(submissions)
    .where(and(eq(submissions.achievementId, achievementId), sql`${submissions.submittedAt} is not null`));
  return { finished: Number(row?.finished ?? 0), passed: Number(row?.passed ?? 0) };
}

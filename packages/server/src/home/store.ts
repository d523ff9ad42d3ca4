import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { submissionAttempts, submissions } from '../db/schema.js';

/** Submitted attempts (first submissions and resubmissions) of an organisation since a moment. A read-only count for the overview. */
export async function countSubmittedAttemptsSince(db: Db, orgId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(submissionAttempts)
    .innerJoin(submissions, eq(submissions.id, submissionAttempts.submissionId))
    .where(and(eq(submissions.orgId, orgId), gte(submissionAttempts.submittedAt, since)));
  return Number(row?.n ?? 0);
}

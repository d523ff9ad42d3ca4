import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { achievementVersions, submissions } from '../db/schema.js';

/** The queue states: waiting for a first claim, being reviewed, or waiting for an owner to settle. */
const QUEUE_STATES = ['submitted', 'in_review', 'disputed'] as const;

/** Queued submissions of an organisation, oldest first, narrowed by micro-credential and state when given. */
export async function listQueueRowsFiltered(
  db: Db,
  orgId: string,
  filter: { achievementId?: string | undefined; state?: (typeof QUEUE_STATES)[number] | undefined },
) {
  return db
    .select({ s: submissions, content: achievementVersions.content, version: achievementVersions.version })
    .from(submissions)
    .innerJoin(achievementVersions, eq(achievementVersions.id, submissions.versionId))
    .where(
      and(
        eq(submissions.orgId, orgId),
        filter.state ? eq(submissions.state, filter.state) : inArray(submissions.state, [...QUEUE_STATES]),
        filter.achievementId ? eq(submissions.achievementId, filter.achievementId) : undefined,
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
}

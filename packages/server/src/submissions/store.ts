import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  achievements,
  achievementVersions,
  credentials,
  evidenceItems,
  files,
  orgs,
  reviews,
  reviewSlots,
  submissionAttempts,
  submissions,
} from '../db/schema.js';

/** A submission row. */
export type SubmissionRow = typeof submissions.$inferSelect;
/** An evidence row. */
export type EvidenceRow = typeof evidenceItems.$inferSelect;
/** A review row. */
export type ReviewRow = typeof reviews.$inferSelect;
/** A review slot row. */
export type SlotRow = typeof reviewSlots.$inferSelect;

/** Insert a submission. */
export async function insertSubmission(db: Db, row: SubmissionRow): Promise<void> {
  await db.insert(submissions).values(row);
}

/** A submission by id (optionally locked for update). */
export async function findSubmission(db: Db, id: string, lock = false): Promise<SubmissionRow | undefined> {
  const q = db.select().from(submissions).where(eq(submissions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The learner's unfinished submission for an achievement, if any. */
export async function findActiveSubmission(db: Db, learnerId: string, achievementId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.learnerId, learnerId),
        eq(submissions.achievementId, achievementId),
        sql`${submissions.state} not in ('passed', 'not_passed')`,
      ),
    );
  return row;
}

/** Whether the learner already passed an achievement. */
export async function hasPassed(db: Db, learnerId: string, achievementId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.learnerId, learnerId), eq(submissions.achievementId, achievementId), eq(submissions.state, 'passed')))
    .limit(1);
  return Boolean(row);
}

/** Update a submission. */
export async function updateSubmission(db: Db, id: string, patch: Partial<SubmissionRow>): Promise<void> {
  await db.update(submissions).set(patch).where(eq(submissions.id, id));
}

/** What a submission shows of its credential: its id and standing (never the stored document). */
const credentialStanding = {
  id: credentials.id,
  revokedAt: credentials.revokedAt,
  revokedReason: credentials.revokedReason,
  suspendedAt: credentials.suspendedAt,
  suspendedReason: credentials.suspendedReason,
  validUntil: credentials.validUntil,
};

/** A learner's submissions with names, newest first. */
export async function listSubmissionsOfLearner(db: Db, learnerId: string) {
  return (
    db
      .select({
        s: submissions,
        content: achievementVersions.content,
        orgName: orgs.name,
        credential: credentialStanding,
      })
      .from(submissions)
      .innerJoin(achievementVersions, eq(achievementVersions.id, submissions.versionId))
      .innerJoin(orgs, eq(orgs.id, submissions.orgId))
      // The current credential only (a re-issued one is replaced by its successor).
      .leftJoin(credentials, and(eq(credentials.submissionId, submissions.id), isNull(credentials.replacedBy)))
      .where(eq(submissions.learnerId, learnerId))
      .orderBy(desc(submissions.updatedAt))
  );
}

/** The current credential of a submission (a re-issued one gives way to its successor), if any. */
export async function findCurrentCredentialOfSubmission(db: Db, submissionId: string) {
  const [row] = await db
    .select(credentialStanding)
    .from(credentials)
    .where(eq(credentials.submissionId, submissionId))
    .orderBy(sql`${credentials.replacedBy} is not null`)
    .limit(1);
  return row;
}

/** Submission with its version content and organisation. */
export async function findSubmissionContext(db: Db, id: string) {
  const [row] = await db
    .select({ s: submissions, version: achievementVersions, org: orgs, achievementStatus: achievements.status })
    .from(submissions)
    .innerJoin(achievementVersions, eq(achievementVersions.id, submissions.versionId))
    .innerJoin(orgs, eq(orgs.id, submissions.orgId))
    .innerJoin(achievements, eq(achievements.id, submissions.achievementId))
    .where(eq(submissions.id, id));
  return row;
}

/** Evidence items with their files. */
export async function listEvidence(db: Db, submissionId: string) {
  return db
    .select({ e: evidenceItems, f: files })
    .from(evidenceItems)
    .leftJoin(files, eq(files.id, evidenceItems.fileId))
    .where(eq(evidenceItems.submissionId, submissionId))
    .orderBy(asc(evidenceItems.requirementId));
}

/** Create or replace one evidence item. */
export async function upsertEvidence(db: Db, row: EvidenceRow): Promise<void> {
  await db
    .insert(evidenceItems)
    .values(row)
    .onConflictDoUpdate({
      target: [evidenceItems.submissionId, evidenceItems.requirementId],
      set: { kind: row.kind, text: row.text, url: row.url, fileId: row.fileId, updatedAt: row.updatedAt },
    });
}

/** Record a submitted attempt. */
export async function insertAttempt(db: Db, row: typeof submissionAttempts.$inferInsert): Promise<void> {
  await db.insert(submissionAttempts).values(row);
}

/** Set an attempt's outcome. */
export async function setAttemptOutcome(
  db: Db,
  submissionId: string,
  number: number,
  outcome: 'pending' | 'pass' | 'needs_revision' | 'disputed',
): Promise<void> {
  await db
    .update(submissionAttempts)
    .set({ outcome })
    .where(and(eq(submissionAttempts.submissionId, submissionId), eq(submissionAttempts.number, number)));
}

/** A submission's attempts, oldest first. */
export async function listAttempts(db: Db, submissionId: string) {
  return db
    .select()
    .from(submissionAttempts)
    .where(eq(submissionAttempts.submissionId, submissionId))
    .orderBy(asc(submissionAttempts.number));
}

/** Reviews of a submission, oldest first, with assessor names. */
export async function listReviews(db: Db, submissionId: string): Promise<ReviewRow[]> {
  return db.select().from(reviews).where(eq(reviews.submissionId, submissionId)).orderBy(asc(reviews.createdAt), asc(reviews.id));
}

/** Insert a review. */
export async function insertReview(db: Db, row: ReviewRow): Promise<void> {
  await db.insert(reviews).values(row);
}

/** Create the review slots of an attempt. */
export async function insertSlots(db: Db, submissionId: string, attempt: number, count: number): Promise<void> {
  await db.insert(reviewSlots).values(Array.from({ length: count }, (_, i) => ({ submissionId, attempt, slot: i + 1 })));
}

/** Slots of an attempt, locked for update. */
export async function lockSlots(db: Db, submissionId: string, attempt: number): Promise<SlotRow[]> {
  return db
    .select()
    .from(reviewSlots)
    .where(and(eq(reviewSlots.submissionId, submissionId), eq(reviewSlots.attempt, attempt)))
    .orderBy(asc(reviewSlots.slot))
    .for('update');
}

/** Slots of many submissions' current attempts. */
export async function slotsOf(db: Db, keys: Array<{ id: string; attempt: number }>): Promise<SlotRow[]> {
  if (!keys.length) return [];
  return db
    .select()
    .from(reviewSlots)
    .where(or(...keys.map((k) => and(eq(reviewSlots.submissionId, k.id), eq(reviewSlots.attempt, k.attempt)))));
}

/** Update a slot. */
export async function updateSlot(
  db: Db,
  key: { submissionId: string; attempt: number; slot: number },
  patch: Partial<SlotRow>,
): Promise<void> {
  await db
    .update(reviewSlots)
    .set(patch)
    .where(and(eq(reviewSlots.submissionId, key.submissionId), eq(reviewSlots.attempt, key.attempt), eq(reviewSlots.slot, key.slot)));
}

/** Submissions waiting for review in an organisation, oldest first. */
export async function listQueueRows(db: Db, orgId: string) {
  return db
    .select({ s: submissions, content: achievementVersions.content, version: achievementVersions.version })
    .from(submissions)
    .innerJoin(achievementVersions, eq(achievementVersions.id, submissions.versionId))
    .where(and(eq(submissions.orgId, orgId), inArray(submissions.state, ['submitted', 'in_review', 'disputed'])))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
}

/** Reviews (not settlements) of double-scored attempts of an achievement, for agreement statistics. */
export async function listDoubleScoredReviews(db: Db, achievementId: string) {
  return db
    .select({ r: reviews })
    .from(reviews)
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(
      and(eq(submissions.achievementId, achievementId), eq(submissions.doubleScored, true), inArray(reviews.kind, ['primary', 'second'])),
    )
    .orderBy(asc(reviews.submissionId), asc(reviews.attempt), asc(reviews.createdAt));
}

/** Expired claims are free again: clear them for the given slots. */
export function claimIsLive(slot: SlotRow, now: Date): boolean {
  return Boolean(slot.assessorId && (slot.reviewId || (slot.claimExpiresAt && slot.claimExpiresAt > now)));
}

/** Quality-assurance counts of a micro-credential: submissions that reached assessment, and how many were double-scored. */
export async function qualityCounts(db: Db, achievementId: string): Promise<{ assessed: number; doubleScored: number }> {
  const [row] = await db
    .select({ assessed: sql<number>`count(*)::int`, doubleScored: sql<number>`count(*) filter (where ${submissions.doubleScored})::int` })
    .from(submissions)
    .where(and(eq(submissions.achievementId, achievementId), sql`${submissions.submittedAt} is not null`));
  return { assessed: Number(row?.assessed ?? 0), doubleScored: Number(row?.doubleScored ?? 0) };
}

/** Show or hide one evidence item on public pages (files of public items are served to anyone). */
export async function setEvidencePublic(db: Db, submissionId: string, requirementId: string, isPublic: boolean): Promise<boolean> {
  const rows = await db
    .update(evidenceItems)
    .set({ isPublic })
    .where(and(eq(evidenceItems.submissionId, submissionId), eq(evidenceItems.requirementId, requirementId)))
    .returning({ id: evidenceItems.requirementId });
  return rows.length > 0;
}

import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { achievementVersions, evidenceItems, files, submissions } from '../db/schema.js';

/** A file row. */
export type FileRow = typeof files.$inferSelect;

/** Insert a file record. */
export async function insertFile(db: Db, row: FileRow): Promise<void> {
  await db.insert(files).values(row);
}

/** Find a file. */
export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** The organisations whose submitted (not draft) submissions use this file as evidence, and whether any such item is public. */
export async function evidenceUsesOfFile(db: Db, fileId: string): Promise<Array<{ orgId: string; isPublic: boolean }>> {
  return db
    .select({ orgId: submissions.orgId, isPublic: evidenceItems.isPublic })
    .from(evidenceItems)
    .innerJoin(submissions, eq(submissions.id, evidenceItems.submissionId))
    .where(and(eq(evidenceItems.fileId, fileId), ne(submissions.state, 'draft')));
}

/** Whether the file is the image of a published micro-credential version (those are public; a draft's image is not). */
export async function isAchievementImage(db: Db, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: achievementVersions.id })
    .from(achievementVersions)
    .where(sql`${achievementVersions.content}->>'imageFileId' = ${fileId}`)
    .limit(1);
  return Boolean(row);
}

import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, auditEvents } from '../db/schema.js';
import { jsonBatch, jsonParam } from '../db/json-param.js';

/** Append an audit event. */
export async function insertAuditEvent(db: Db, row: typeof auditEvents.$inferInsert): Promise<void> {
  await db.insert(auditEvents).values(row);
}

/** Append many audit events in one statement (a batch of issuance). */
export async function insertAuditEvents(db: Db, rows: Array<typeof auditEvents.$inferInsert>): Promise<void> {
  if (!rows.length) return;
  // The events go in as ONE JSON parameter exploded by json_to_recordset (a bulk batch audits two per award).
  const json = jsonParam(
    rows.map((r) => ({
      id: r.id,
      org_id: r.orgId ?? null,
      actor_id: r.actorId ?? null,
      action: r.action,
      target: r.target ?? null,
      detail: r.detail,
      ip: r.ip ?? null,
      at: r.at.toISOString(),
    })),
  );
  await db.execute(sql`insert into audit_events (id, org_id, actor_id, action, target, detail, ip, at)
    select id, org_id, actor_id, action, target, detail, ip, at
      from json_to_recordset(${jsonBatch(json)})
        as x(id text, org_id text, actor_id text, action text, target text, detail jsonb, ip text, at timestamptz)`);
}

/** A page of an organisation's events, newest first, after an (at, id) cursor. */
export async function listAuditEvents(db: Db, opts: { orgId: string; limit: number; before?: { at: Date; id: string } }) {
  const cursor = opts.before
    ? or(lt(auditEvents.at, opts.before.at), and(eq(auditEvents.at, opts.before.at), lt(auditEvents.id, opts.before.id)))
    : undefined;
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      target: auditEvents.target,
      detail: auditEvents.detail,
      ip: auditEvents.ip,
      actorId: accounts.id,
      actorName: accounts.name,
      actorEmail: accounts.email,
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .where(and(eq(auditEvents.orgId, opts.orgId), cursor))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(opts.limit);
}

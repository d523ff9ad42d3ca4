import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';

/**
 * Tables of the public schema with rows but without planner statistics, or grown by more than a tenth (in pages)
 * since they were last analyzed. The test reads the catalogue and the file sizes only, never the rows.
 */
export async function tablesWithStaleStatistics(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table: string }>(
    db,
    sql`select c.relname as "table"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        where c.relkind = 'r'
          and pg_relation_size(c.oid) > 0
          and (not exists (select 1 from pg_stats s where s.schemaname = 'public' and s.tablename = c.relname)
               or pg_relation_size(c.oid) > 1.1 * c.relpages * current_setting('block_size')::int)
        order by c.relname`,
  );
  return rows.map((r) => r.table);
}

/**
 * ANALYZE one table of the public schema, every column and index expression. Values wider than 1 KB, such as the
 * signed documents, are skipped by ANALYZE without being read from their out-of-line storage.
 */
export async function analyzeTable(db: Db, table: string): Promise<void> {
  await db.execute(sql`analyze ${sql.identifier('public')}.${sql.identifier(table)}`);
}

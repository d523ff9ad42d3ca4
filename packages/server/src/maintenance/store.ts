import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';

/** A table whose planner statistics are missing or older than its size, with the columns its indexes use. */
export interface StaleTable {
  table: string;
  columns: string[];
}

/**
 * Tables of the public schema never analyzed, or grown by more than a tenth (in pages) since they last were, with
 * their indexed columns. The size test reads the catalogue and the file sizes only, never the rows.
 */
export async function tablesWithStaleStatistics(db: Db): Promise<StaleTable[]> {
  return queryRows<StaleTable>(
    db,
    sql`select c.relname as "table", array_agg(distinct a.attname::text order by a.attname::text) as columns
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_index i on i.indrelid = c.oid
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[]) and a.attnum > 0 and not a.attisdropped
        where c.relkind = 'r'
          and pg_relation_size(c.oid) > 0
          and (c.reltuples < 0 or pg_relation_size(c.oid) > 1.1 * c.relpages * current_setting('block_size')::int)
        group by c.relname
        order by c.relname`,
  );
}

/** ANALYZE the given columns of one table (the signed documents and other wide unindexed columns are not sampled). */
export async function analyzeColumns(db: Db, t: StaleTable): Promise<void> {
  const columns = sql.join(
    t.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await db.execute(sql`analyze ${sql.identifier(t.table)} (${columns})`);
}

import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** Run raw SQL and return its rows (PGlite and node-postgres both expose `rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

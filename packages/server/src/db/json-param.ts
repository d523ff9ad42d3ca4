import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

/** A UTF-16 surrogate that is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * JSON text for a `$1::json` parameter (a batch exploded by json_to_recordset). A lone surrogate, which JSON.parse
 * accepts from a request body, becomes U+FFFD, as PostgreSQL stores it when it arrives as a bound text parameter:
 * written as a `\ud800` escape it would make PostgreSQL refuse the whole batch.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v));
}

/** A timestamp as a JSON batch parameter carries it (ISO 8601, read back as timestamptz), or null. */
export function isoOrNull(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/**
 * A JSON batch (text from `jsonParam`, or JSON assembled from such text) as a SQL expression of type json. It is
 * sent as its UTF-8 bytes, a bytea parameter the server decodes (`convert_from`, which also checks the encoding):
 * the driver copies bytes instead of measuring and encoding a string of hundreds of kilobytes in JavaScript, which
 * on PGlite cost more than PostgreSQL's own parse of it. A lone surrogate becomes U+FFFD, as with a text parameter.
 */
export function jsonBatch(text: string): SQL {
  return sql`convert_from(${Buffer.from(text, 'utf8')}, 'UTF8')::json`;
}

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

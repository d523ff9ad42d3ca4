/** Small readers for untyped JSON. */

/** The value as a JSON object, or null when it is not one (arrays included). */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A JSON-LD value as a list: arrays as they are, a missing or null value as none, anything else as one item. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The id of a value that is an IRI or an object with a string `id`. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const id = asRecord(value)?.['id'];
  return typeof id === 'string' ? id : undefined;
}

import { readFileSync, readdirSync } from 'node:fs';
import { asRecord } from './json.js';

/** The official 1EdTech JSON Schemas shipped with the engine (packages/credentials/schemas), by their `$id`. */
const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

let bundled: Map<string, Record<string, unknown>> | null = null;

function load(): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(SCHEMA_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const schema = asRecord(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')));
    const id = schema?.['$id'];
    if (!schema || typeof id !== 'string') continue;
    map.set(id, schema);
    // Credentials name the schemas under /schema/json/ (the URL 1EdTech publishes); their $id says /schema/json-ld/.
    map.set(id.replace('/schema/json-ld/', '/schema/json/'), schema);
  }
  return map;
}

/** A bundled JSON Schema by its canonical URL (`$id`), or undefined; never fetched. */
export function bundledSchema(url: string): Record<string, unknown> | undefined {
  bundled ??= load();
  return bundled.get(url);
}

/** The canonical URLs of every bundled JSON Schema. */
export function bundledSchemaUrls(): string[] {
  bundled ??= load();
  return [...bundled.keys()];
}

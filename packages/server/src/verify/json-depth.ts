/**
 * Nesting limits for what a verifier is handed. JSON.parse reads any depth, but everything after it recurses:
 * zod, the engine's walks, JSON-LD, JSON.stringify and the structured clone to a worker thread all overflow
 * the stack on very deep input (100,000 levels), so deep input is refused before any of them runs.
 */

/** Deepest nesting of arrays and objects accepted in a credential. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests arrays/objects deeper than `max`: one linear scan, no parsing (strings are skipped). */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether a value nests arrays/objects deeper than `max`: an iterative walk, safe on any depth. */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** The decoded JSON header and payload of a compact JWS (header.payload.signature), or null when the text is not one. */
export function jwtJsonParts(text: string): string[] | null {
  const m = /^\s*([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.[A-Za-z0-9_-]*\s*$/.exec(text);
  return m ? [m[1] ?? '', m[2] ?? ''].map((part) => Buffer.from(part, 'base64url').toString('utf8')) : null;
}

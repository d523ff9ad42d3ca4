import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonTextTooDeep, jwtJsonParts, valueTooDeep } from './json-depth.js';

const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('nesting limits', () => {
  it('counts arrays and objects, up to and past the limit', () => {
    expect(jsonTextTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTextTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonTextTooDeep(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe(true);
  });

  it('ignores brackets inside strings, including escaped quotes', () => {
    expect(jsonTextTooDeep(JSON.stringify({ a: '['.repeat(1000), b: `\\"${'{'.repeat(1000)}` }))).toBe(false);
  });

  it('walks values iteratively: 100,000 levels neither overflow nor pass', () => {
    const deep = JSON.parse(nested(100_000)) as unknown;
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep(JSON.parse(nested(MAX_JSON_DEPTH)) as unknown)).toBe(false);
    expect(valueTooDeep({ a: [{ b: 'x' }] }, 3)).toBe(false);
    expect(valueTooDeep({ a: [{ b: {} }] }, 3)).toBe(true);
  });

  it('reads the JSON parts of a compact JWS, and nothing else', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    expect(jwtJsonParts(`${b64('{"alg":"EdDSA"}')}.${b64('{"a":1}')}.sig`)).toEqual(['{"alg":"EdDSA"}', '{"a":1}']);
    expect(jwtJsonParts('{"a":1}')).toBeNull();
    expect(jwtJsonParts('a.b')).toBeNull();
  });
});

import canonicalizeModule from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalWithStoredAchievement, storedAchievementOf, storedDocumentJson } from './stored-achievement.js';

const canonicalize = canonicalizeModule as unknown as (input: unknown) => string;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** An achievement with what canonical JSON treats with care: key order, escapes, numbers, non-BMP text. */
const achievement = () =>
  deepFreeze({
    type: ['Achievement'],
    id: 'https://example.edu/achievements/1/versions/2',
    name: 'Zébra \u2028 "quoted" \\ 😀',
    creditsAvailable: 1.5e-7,
    resultDescription: [{ id: 'x#c1', name: 'B', rubricCriterionLevel: [{ points: '3', id: 'x#l1', name: 'A' }] }],
    criteria: { narrative: 'line\nbreak\ttab\u0001' },
  });

const credential = (a: unknown) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  credentialSubject: { type: ['AchievementSubject'], achievement: a, identifier: [{ salt: 'ab', hashed: true }] },
  validFrom: '2026-01-01T00:00:00Z',
  zzz: 1e21,
});

describe('an achievement stored once for many credentials', () => {
  it('splicing the stored achievement gives the same canonical JSON as canonicalising the whole credential', () => {
    const c = credential(achievement());
    expect(storedAchievementOf(c.credentialSubject.achievement), 'a deep-frozen achievement is stored').not.toBeNull();
    expect(canonicalWithStoredAchievement(c)).toBe(canonicalize(c));
    // The second credential of the same achievement takes the cached text: still the same bytes.
    const again = { ...credential(c.credentialSubject.achievement), id: 'urn:uuid:2' };
    expect(canonicalWithStoredAchievement(again)).toBe(canonicalize(again));
  });

  it('an achievement that is not deep-frozen is never cached (its content could change after it was first seen)', () => {
    const open = { ...achievement(), name: 'Open' };
    const half = Object.freeze({ ...achievement(), criteria: { narrative: 'mutable' } });
    expect(storedAchievementOf(open)).toBeNull();
    expect(storedAchievementOf(half)).toBeNull();
    const c = credential(half);
    expect(canonicalWithStoredAchievement(c)).toBe(canonicalize(c));
    half.criteria.narrative = 'changed';
    expect(canonicalWithStoredAchievement(c), 'the change shows: nothing was cached').toBe(canonicalize(c));
    expect(storedDocumentJson(c).achievement).toBeNull();
    expect(JSON.parse(storedDocumentJson(c).documentJson)).toEqual(c);
  });

  it('the stored document leaves the achievement out, and the two put back together are the credential', () => {
    const a = achievement();
    const c = credential(a);
    const { documentJson, achievement: stored } = storedDocumentJson(c);
    if (!stored) throw new Error('not stored');
    expect(stored.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored.canonical).toBe(canonicalize(a));
    const doc = JSON.parse(documentJson) as { credentialSubject: Record<string, unknown> };
    expect(doc.credentialSubject).not.toHaveProperty('achievement');
    expect({ ...doc, credentialSubject: { ...doc.credentialSubject, achievement: JSON.parse(stored.canonical) } }).toEqual(c);
    expect(storedAchievementOf(achievement())?.id, 'the same content has the same id').toBe(stored.id);
  });

  it('a credential without an object subject is stored whole', () => {
    const c = { ...credential(achievement()), credentialSubject: [{ achievement: achievement() }] };
    expect(storedDocumentJson(c)).toEqual({ documentJson: JSON.stringify(c), achievement: null });
    expect(canonicalWithStoredAchievement(c)).toBe(canonicalize(c));
  });
});

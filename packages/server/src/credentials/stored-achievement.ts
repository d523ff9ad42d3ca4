import { createHash, randomUUID } from 'node:crypto';
import { deepFrozen } from '@tessera/credentials';
import canonicalizeModule from 'canonicalize';

// RFC 8785 JSON Canonicalization. The package is CommonJS whose typings declare an ES default export; under Node's
// ESM interop the default import is the function itself.
const canonicalizeAny = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** RFC 8785 canonical JSON of a value; throws for what JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  const text = canonicalizeAny(value);
  if (text === undefined) throw new Error('the credential cannot be serialised as JSON');
  return text;
}

/** An achievement as stored once for many credentials (credential_achievements). */
export interface StoredAchievement {
  /** `sha256:` and the hex SHA-256 of `canonical`. */
  id: string;
  /** Its RFC 8785 canonical JSON: what is stored, and what a JWT payload splices in. */
  canonical: string;
}

/**
 * Frozen achievements met so far (the engine deep-freezes the achievements it builds, and a signing thread embeds
 * the same object in every credential of a version): their stored form, computed once each.
 */
const known = new WeakMap<object, StoredAchievement>();

/**
 * The stored form of a credential's embedded achievement, when that achievement is a deep-frozen object (as the
 * engine builds them); null for anything else, whose content could change after it was first seen.
 */
export function storedAchievementOf(achievement: unknown): StoredAchievement | null {
  if (achievement === null || typeof achievement !== 'object') return null;
  const cached = known.get(achievement);
  if (cached) return cached;
  if (!deepFrozen(achievement)) return null;
  const canonical = canonicalJson(achievement);
  const stored = { id: `sha256:${createHash('sha256').update(canonical).digest('hex')}`, canonical };
  known.set(achievement, stored);
  return stored;
}

/** A string no credential content holds, standing in for an achievement while the rest is serialised. */
const PLACEHOLDER = `\u0000tessera-achievement-${randomUUID()}`;
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/**
 * RFC 8785 canonical JSON of a credential (or JWT claims) whose `credentialSubject.achievement` is a stored
 * achievement: the rest is canonicalised with a placeholder in its place, and the achievement's canonical text,
 * computed once, goes where the placeholder is. Canonical serialisation of a member's value does not depend on
 * what surrounds it, so the result is the same text as canonicalising the whole (stored-achievement.test.ts).
 */
export function canonicalWithStoredAchievement(claims: Record<string, unknown>): string {
  const subject = claims['credentialSubject'];
  const stored =
    subject && typeof subject === 'object' && !Array.isArray(subject)
      ? storedAchievementOf((subject as Record<string, unknown>)['achievement'])
      : null;
  if (!stored) return canonicalJson(claims);
  const text = canonicalJson({ ...claims, credentialSubject: { ...(subject as object), achievement: PLACEHOLDER } });
  const at = text.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || text.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return canonicalJson(claims);
  return `${text.slice(0, at)}${stored.canonical}${text.slice(at + PLACEHOLDER_JSON.length)}`;
}

/**
 * A signed credential as stored: its JSON without the embedded achievement when that achievement is stored once
 * (the database puts it back on every read: `credentialColumns`), or whole.
 */
export function storedDocumentJson(document: Record<string, unknown>): { documentJson: string; achievement: StoredAchievement | null } {
  const subject = document['credentialSubject'];
  if (!subject || typeof subject !== 'object' || Array.isArray(subject))
    return { documentJson: JSON.stringify(document), achievement: null };
  const { achievement: embedded, ...rest } = subject as Record<string, unknown>;
  const achievement = storedAchievementOf(embedded);
  if (!achievement) return { documentJson: JSON.stringify(document), achievement: null };
  return { documentJson: JSON.stringify({ ...document, credentialSubject: rest }), achievement };
}

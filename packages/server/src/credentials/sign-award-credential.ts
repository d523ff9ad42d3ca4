import type { Signer } from '../keys/index.js';
import { buildAchievementCredential } from './build-credential.js';
import type { CredentialInput, IssuedAchievementCredential } from './build-credential.js';
import { signDataIntegrity } from './sign.js';
import { storedDocumentJson } from './stored-achievement.js';

/**
 * Everything a credential is built from, read from the database beforehand: plain, structured-cloneable data,
 * so building and signing can run on a worker thread (see sign-pool.ts) as well as inline.
 */
export interface PreparedCredential {
  input: CredentialInput;
  /** The issuer's evidence of an award without a submission (null for an assessment, whose evidence is in input). */
  awardEvidence: Array<Record<string, unknown>> | null;
  /** When the proof is made. */
  created: Date;
}

/** A credential for an award without a submission: the issuer's evidence, and no empty result list. */
function withAwardEvidence(c: IssuedAchievementCredential, evidence: Array<Record<string, unknown>>): IssuedAchievementCredential {
  const subject = c.credentialSubject as Record<string, unknown>;
  const { result, ...rest } = subject;
  const credentialSubject = Array.isArray(result) && result.length ? subject : rest;
  return { ...c, credentialSubject, ...(evidence.length ? { evidence } : {}) } as IssuedAchievementCredential;
}

/**
 * Build a prepared credential and sign it with an embedded Data Integrity proof (eddsa-rdfc-2022, Ed25519). No
 * database, no I/O. The VC-JWT form is signed when it is first asked for (credential-jwt.ts), not here.
 */
export async function buildAndSignCredential(p: PreparedCredential, signer: Signer): Promise<Record<string, unknown>> {
  const built = buildAchievementCredential(p.input);
  const unsigned = p.awardEvidence ? withAwardEvidence(built, p.awardEvidence) : built;
  return signDataIntegrity(unsigned, signer, p.created);
}

/**
 * A signed credential as stored: the document already serialised (the signing threads answer this, so the main
 * thread neither copies its object graph across the thread channel nor serialises it again), without its
 * achievement when that is stored once (`achievementRef`).
 */
export interface SignedJson {
  documentJson: string;
  /** The stored achievement (SignedBatch.achievements) left out of `documentJson`, or null when the document is whole. */
  achievementRef: string | null;
}

/** Signed credentials as stored, and once each the achievements they embed (their canonical JSON by id). */
export interface SignedBatch {
  items: SignedJson[];
  achievements: Array<{ id: string; json: string }>;
}

/** Build and sign prepared credentials one after another, each in its stored forms (on a signing thread or inline). */
export async function signForStorage(items: PreparedCredential[], signer: Signer): Promise<SignedBatch> {
  const out: SignedJson[] = [];
  const achievements: SignedBatch['achievements'] = [];
  for (const item of items) {
    const document = await buildAndSignCredential(item, signer);
    const { documentJson, achievement } = storedDocumentJson(document);
    if (achievement) achievements.push({ id: achievement.id, json: achievement.canonical });
    out.push({ documentJson, achievementRef: achievement?.id ?? null });
  }
  return joinSignedBatches([{ items: out, achievements }]);
}

/** Signed batches as one, in order, each stored achievement once. */
export function joinSignedBatches(batches: SignedBatch[]): SignedBatch {
  const achievements = new Map(batches.flatMap((b) => b.achievements.map((a) => [a.id, a.json] as const)));
  return { items: batches.flatMap((b) => b.items), achievements: [...achievements].map(([id, json]) => ({ id, json })) };
}

import {
  buildAchievement,
  buildAchievementCredential as buildOb3Credential,
  buildAlignment,
  buildEvidence,
  buildIdentityObject,
  buildResult,
  buildResultDescription,
  buildRubricCriterionLevel,
} from '@tessera/credentials';
import { AchievementCredential, CredentialStatus } from '@tessera/credentials';
import type { IdentityObject, Profile } from '@tessera/credentials';
import { z } from 'zod';
import type { Content } from '../achievements/content.js';
import type { OrgRow } from '../orgs/store.js';

/** What goes into an AchievementCredential for a passed submission. */
export interface CredentialInput {
  id: string;
  baseUrl: string;
  issuerDid: string;
  org: OrgRow;
  achievementId: string;
  version: number;
  content: Content;
  imageUrl: string;
  learner: { email: string; name: string; did: string | null; showName: boolean };
  scores: Array<{ criterionId: string; levelId: string }>;
  evidence: Array<{ requirementId: string; text: string | null; url: string | null; file: { url: string; name: string; sha256: string } | null }>;
  issuedAt: Date;
  validUntil: Date | null;
  /** Revocation always; suspension only when the organisation issues with a second list. */
  status: { revocation: { url: string; index: number }; suspension: { url: string; index: number } | null };
  /** Where the email identity's salt comes from (random unless a test fixes it). */
  saltSource?: () => string;
}

/** What Tessera issues: an AchievementCredential whose status is one entry, or two when suspension is on. */
export const IssuedAchievementCredential = AchievementCredential.extend({ credentialStatus: z.union([CredentialStatus, z.array(CredentialStatus).min(2)]) });
export type IssuedAchievementCredential = z.infer<typeof IssuedAchievementCredential>;

/** A BitstringStatusListEntry for one bit of a status list. */
function statusEntry(purpose: 'revocation' | 'suspension', at: { url: string; index: number }): CredentialStatus {
  return { id: `${at.url}#${at.index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(at.index), statusListCredential: at.url };
}

/** The organisation as an OB 3.0 Profile (issuer and creator). */
function orgProfile(org: OrgRow, did: string): Profile {
  const address = Object.fromEntries(Object.entries(org.address ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  return {
    id: did,
    type: ['Profile'],
    name: org.name,
    ...(org.url ? { url: org.url } : {}),
    ...(org.email ? { email: org.email } : {}),
    ...(org.description ? { description: org.description } : {}),
    ...(org.image ? { image: { id: org.image, type: 'Image' as const } } : {}),
    ...(Object.keys(address).length ? { address: { type: ['Address'], ...address } } : {}),
  };
}

/**
 * Build the unsigned OB 3.0 AchievementCredential with the credentials engine's builders, so it passes the
 * official JSON Schema: the rubric becomes ResultDescriptions with their levels, the assessor's scores
 * Results, the learner a salted email hash (and their name when they chose to show it), evidence files
 * carry their digest.
 */
export function buildAchievementCredential(i: CredentialInput): IssuedAchievementCredential {
  const achievementUri = `${i.baseUrl}/achievements/${i.achievementId}/versions/${i.version}`;
  const rdId = (cid: string) => `${achievementUri}#criterion-${cid}`;
  const levelId = (cid: string, lid: string) => `${achievementUri}#criterion-${cid}-level-${lid}`;
  const profile = orgProfile(i.org, i.issuerDid);
  const identifiers: IdentityObject[] = [buildIdentityObject({ identity: i.learner.email, identityType: 'emailAddress', ...(i.saltSource ? { saltSource: i.saltSource } : {}) })];
  if (i.learner.showName) identifiers.push({ type: 'IdentityObject', identityHash: i.learner.name, identityType: 'name', hashed: false });
  const reqs = new Map(i.content.evidenceRequirements.map((r) => [r.id, r]));

  const achievement = buildAchievement({
    id: achievementUri,
    achievementType: i.content.achievementType,
    name: i.content.name,
    description: i.content.description,
    criteria: {
      id: `${i.baseUrl}/app/catalog/${i.achievementId}`,
      narrative: [i.content.learningGoal && `Learning goal: ${i.content.learningGoal}`, i.content.competency && `Competency: ${i.content.competency}`, i.content.criteriaNarrative].filter(Boolean).join('\n\n'),
    },
    image: { id: i.imageUrl, type: 'Image' },
    creator: profile,
    version: String(i.version),
    ...(i.content.skills.length ? { tag: i.content.skills } : {}),
    ...(i.content.creditsAvailable !== null ? { creditsAvailable: i.content.creditsAvailable } : {}),
    ...(i.content.alignments.length ? { alignment: i.content.alignments.map((a) => buildAlignment(a)) } : {}),
    resultDescription: i.content.rubric.criteria.map((c) =>
      buildResultDescription({
        id: rdId(c.id),
        name: c.name,
        resultType: 'RubricCriterionLevel',
        requiredLevel: levelId(c.id, c.requiredLevelId),
        rubricCriterionLevel: c.levels.map((l) => buildRubricCriterionLevel({ id: levelId(c.id, l.id), name: l.name, ...(l.description ? { description: l.description } : {}), points: String(l.points) })),
      }),
    ),
  });

  const built = buildOb3Credential({
    id: i.id,
    name: i.content.name,
    issuer: profile,
    validFrom: i.issuedAt,
    ...(i.validUntil ? { validUntil: i.validUntil } : {}),
    subject: {
      ...(i.learner.did ? { id: i.learner.did } : {}),
      identifier: identifiers,
      achievement,
      result: i.scores.map((s) => buildResult({ resultDescription: rdId(s.criterionId), achievedLevel: levelId(s.criterionId, s.levelId), status: 'Completed' })),
    },
    evidence: i.evidence.map((e) => {
      const req = reqs.get(e.requirementId);
      return buildEvidence({
        name: req ? req.prompt.slice(0, 200) : e.requirementId,
        ...(e.file
          ? { id: e.file.url, description: `${e.file.name} (sha256 ${e.file.sha256})`, digestSRI: `sha256-${Buffer.from(e.file.sha256, 'hex').toString('base64')}` }
          : e.url
            ? { id: e.url }
            : {}),
        ...(e.text ? { narrative: e.text } : {}),
      });
    }),
  });
  // OB 3.0 allows one credentialStatus object (its JSON Schema says so); VC 2.0 allows a list, used only when
  // the organisation chose a second list for suspension (README: credentialStatus).
  const credentialStatus = i.status.suspension ? [statusEntry('revocation', i.status.revocation), statusEntry('suspension', i.status.suspension)] : statusEntry('revocation', i.status.revocation);
  if (!Array.isArray(credentialStatus)) return { ...built, credentialStatus };
  // Two status entries do not meet the official JSON Schema, so such a credential does not name it: a verifier
  // that ran it would call our own credential invalid. It is still a valid VC 2.0 credential.
  const { credentialSchema: _schema, ...withoutSchema } = built;
  const issued: IssuedAchievementCredential = { ...withoutSchema, credentialStatus };
  return issued;
}

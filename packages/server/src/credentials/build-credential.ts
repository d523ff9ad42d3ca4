import {
  buildAchievement,
  buildIssuerProfile,
  buildAchievementCredential as buildOb3Credential,
  buildAlignment,
  buildEvidence,
  buildIdentityObject,
  buildResult,
  buildResultDescription,
  buildRubricCriterionLevel,
} from '@tessera/credentials';
import { AchievementCredential, CredentialStatus, deepFrozen } from '@tessera/credentials';
import type { EndorsementCredential } from '@tessera/credentials';
import type { Achievement, IdentityObject, Profile } from '@tessera/credentials';
import { z } from 'zod';
import type { Content } from '../achievements/index.js';
import type { OrgRow } from '../orgs/index.js';
import type { SkillAlignmentTarget } from '../skills/index.js';

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
  /**
   * `email` only when the learner has verified it (a credential is never bound to an address nobody proved);
   * otherwise the learner is identified by a salted hash of `accountRef`. `showName`: the learner allowed their
   * name in the signed credential.
   */
  learner: { email: string | null; accountRef: string; name: string; did: string | null; showName: boolean };
  scores: Array<{ criterionId: string; levelId: string }>;
  /** Evidence by reference only: never its text or the assessor's notes. */
  evidence: EvidenceRef[];
  issuedAt: Date;
  /** When the achievement was first awarded, for a credential re-issued from the same award. */
  awardedAt?: Date;
  validUntil: Date | null;
  /** Revocation always; suspension only when the organisation issues with a second list. */
  status: { revocation: { url: string; index: number }; suspension: { url: string; index: number } | null };
  /** Where the email identity's salt comes from (random unless a test fixes it). */
  saltSource?: () => string;
  /** Framework skills the version is aligned to: OB 3.0 alignments on the achievement, and per criterion on its ResultDescription. */
  skillAlignments?: { achievement: SkillAlignmentTarget[]; criteria: Record<string, SkillAlignmentTarget[]> };
  /** Signed EndorsementCredentials of the achievement, embedded in its `endorsement`. */
  endorsements?: Array<Record<string, unknown>>;
}

/**
 * One evidence item as the credential carries it: the URL on this server that serves it (access follows the
 * learner's evidence visibility), what kind of thing is served there, and the hex SHA-256 of the served bytes.
 */
export interface EvidenceRef {
  requirementId: string;
  url: string;
  /** `text`: the written response as UTF-8; `link`: the submitted URL as UTF-8 text; `file`: the file's bytes. */
  served: 'text' | 'link' | 'file';
  sha256: string;
  /** The file's media type (files only). */
  mediaType: string | null;
}

/** A neutral description of an evidence item: what the URL serves and what the digest covers, nothing the learner wrote. */
function evidenceDescription(e: EvidenceRef): string {
  const what =
    e.served === 'file'
      ? `A file${e.mediaType ? ` (${e.mediaType})` : ''}`
      : e.served === 'link'
        ? 'A link (served as UTF-8 text)'
        : 'A written response (served as UTF-8 text)';
  return `${what}. The URL serves it to the people the learner allows; digestSRI is the SHA-256 of what it serves.`;
}

/** What Tessera issues: an AchievementCredential whose status is one entry, or two when suspension is on. */
export const IssuedAchievementCredential = AchievementCredential.extend({
  credentialStatus: z.union([CredentialStatus, z.array(CredentialStatus).min(2)]),
});
export type IssuedAchievementCredential = z.infer<typeof IssuedAchievementCredential>;

/** A BitstringStatusListEntry for one bit of a status list. */
function statusEntry(purpose: 'revocation' | 'suspension', at: { url: string; index: number }): CredentialStatus {
  return {
    id: `${at.url}#${at.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(at.index),
    statusListCredential: at.url,
  };
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

/** The last issuer profile built: the credentials of one organisation (a bulk job signs thousands) share it. */
let lastIssuer: { org: OrgRow; did: string; key: string; profile: Profile } | null = null;

/**
 * The organisation as the credential's issuer: checked and frozen once (`buildIssuerProfile`), so the credential
 * builder takes it as it is and the canonicaliser can reuse its statements. The same organisation object, frozen
 * all the way down (a signing thread freezes what it receives), is known to give the same profile; anything else
 * is compared by the profile's JSON.
 */
function issuerProfileOf(org: OrgRow, did: string): Profile {
  if (lastIssuer && lastIssuer.did === did && lastIssuer.org === org && deepFrozen(org)) return lastIssuer.profile;
  const { type: _type, ...plain } = orgProfile(org, did);
  const key = JSON.stringify(plain);
  if (lastIssuer?.key === key) {
    lastIssuer = { ...lastIssuer, org, did };
    return lastIssuer.profile;
  }
  const profile = buildIssuerProfile(plain);
  lastIssuer = { org, did, key, profile };
  return profile;
}

/** The version's achievement URI, and the ids of its criteria (ResultDescriptions) and their levels under it. */
function achievementIds(i: Pick<CredentialInput, 'baseUrl' | 'achievementId' | 'version'>) {
  const achievementUri = `${i.baseUrl}/achievements/${i.achievementId}/versions/${i.version}`;
  return {
    achievementUri,
    rdId: (cid: string) => `${achievementUri}#criterion-${cid}`,
    levelId: (cid: string, lid: string) => `${achievementUri}#criterion-${cid}-level-${lid}`,
  };
}

/** What an achievement (the version's part of every credential of it) is built from. */
type AchievementParts = Pick<
  CredentialInput,
  'baseUrl' | 'issuerDid' | 'org' | 'achievementId' | 'version' | 'content' | 'imageUrl' | 'skillAlignments' | 'endorsements'
>;

/**
 * The last achievement built, keyed by the JSON of what it was built from. Credentials of one version (a bulk job
 * signs thousands) share it: it is built and checked once, frozen by the engine, and embedded as it is. Any
 * difference in what it is built from (another version, an organisation or endorsement that changed) builds afresh.
 */
let lastAchievement: { key: string; parts: AchievementParts; achievement: Achievement } | null = null;

/**
 * Whether two sets of parts are the same: equal strings and numbers, and the very same objects, frozen all the way
 * down so they cannot have changed (a signing thread freezes what it receives; see sign-worker.ts). Spares
 * serialising the parts for every credential of a bulk job.
 */
function sameFrozenParts(a: AchievementParts, b: AchievementParts): boolean {
  return (Object.keys(b) as Array<keyof AchievementParts>).every((k) => {
    const v = b[k];
    return a[k] === v && (typeof v !== 'object' || v === null || deepFrozen(v));
  });
}

/** The version's OB 3.0 Achievement: the rubric as ResultDescriptions with their levels, alignments, endorsements. */
function achievementOf(i: AchievementParts): Achievement {
  const parts: AchievementParts = {
    baseUrl: i.baseUrl,
    issuerDid: i.issuerDid,
    org: i.org,
    achievementId: i.achievementId,
    version: i.version,
    content: i.content,
    imageUrl: i.imageUrl,
    skillAlignments: i.skillAlignments,
    endorsements: i.endorsements,
  };
  if (lastAchievement && sameFrozenParts(lastAchievement.parts, parts)) return lastAchievement.achievement;
  const key = JSON.stringify(parts);
  if (lastAchievement?.key === key) {
    lastAchievement = { ...lastAchievement, parts };
    return lastAchievement.achievement;
  }
  const { achievementUri, rdId, levelId } = achievementIds(i);
  const profile = orgProfile(i.org, i.issuerDid);
  const achievement = buildAchievement({
    id: achievementUri,
    achievementType: i.content.achievementType,
    name: i.content.name,
    description: i.content.description,
    criteria: {
      id: `${i.baseUrl}/app/catalog/${i.achievementId}`,
      narrative: [
        i.content.learningGoal && `Learning goal: ${i.content.learningGoal}`,
        i.content.competency && `Competency: ${i.content.competency}`,
        i.content.criteriaNarrative,
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
    image: { id: i.imageUrl, type: 'Image' },
    creator: profile,
    version: String(i.version),
    ...(i.endorsements?.length ? { endorsement: i.endorsements as Array<z.input<typeof EndorsementCredential>> } : {}),
    ...(i.content.skills.length ? { tag: i.content.skills } : {}),
    ...(i.content.creditsAvailable !== null ? { creditsAvailable: i.content.creditsAvailable } : {}),
    ...(i.content.alignments.length || i.skillAlignments?.achievement.length
      ? { alignment: [...i.content.alignments, ...(i.skillAlignments?.achievement ?? [])].map((a) => buildAlignment(a)) }
      : {}),
    resultDescription: i.content.rubric.criteria.map((c) =>
      buildResultDescription({
        id: rdId(c.id),
        name: c.name,
        resultType: 'RubricCriterionLevel',
        requiredLevel: levelId(c.id, c.requiredLevelId),
        rubricCriterionLevel: c.levels.map((l) =>
          buildRubricCriterionLevel({
            id: levelId(c.id, l.id),
            name: l.name,
            ...(l.description ? { description: l.description } : {}),
            points: String(l.points),
          }),
        ),
        ...(i.skillAlignments?.criteria[c.id]?.length
          ? { alignment: i.skillAlignments.criteria[c.id]?.map((a) => buildAlignment(a)) }
          : {}),
      }),
    ),
  });
  lastAchievement = { key, parts, achievement };
  return achievement;
}

/**
 * Build the unsigned OB 3.0 AchievementCredential with the credentials engine's builders, so it passes the
 * official JSON Schema: the rubric becomes ResultDescriptions with their levels, the assessor's scores
 * Results, the learner a salted email hash (and their name only when they allowed it), evidence by
 * reference (URL and digest, never its text).
 */
export function buildAchievementCredential(i: CredentialInput): IssuedAchievementCredential {
  const { rdId, levelId } = achievementIds(i);
  const profile = issuerProfileOf(i.org, i.issuerDid);
  const salt = i.saltSource ? { saltSource: i.saltSource } : {};
  const identifiers: IdentityObject[] = [
    i.learner.email !== null
      ? buildIdentityObject({ identity: i.learner.email, identityType: 'emailAddress', ...salt })
      : buildIdentityObject({ identity: i.learner.accountRef, identityType: 'accountId', ...salt }),
  ];
  if (i.learner.showName) identifiers.push({ type: 'IdentityObject', identityHash: i.learner.name, identityType: 'name', hashed: false });
  const reqs = new Map(i.content.evidenceRequirements.map((r) => [r.id, r]));
  const achievement = achievementOf(i);

  const built = buildOb3Credential({
    id: i.id,
    name: i.content.name,
    issuer: profile,
    validFrom: i.issuedAt,
    ...(i.awardedAt ? { awardedDate: i.awardedAt } : {}),
    ...(i.validUntil ? { validUntil: i.validUntil } : {}),
    subject: {
      ...(i.learner.did ? { id: i.learner.did } : {}),
      identifier: identifiers,
      achievement,
      result: i.scores.map((s) =>
        buildResult({ resultDescription: rdId(s.criterionId), achievedLevel: levelId(s.criterionId, s.levelId), status: 'Completed' }),
      ),
    },
    // By reference: a name (the requirement's prompt, written by the issuer), a neutral description, the URL
    // and a digest. The learner's text, file names and links, and the assessor's notes stay out of what we sign.
    evidence: i.evidence.map((e) => {
      const req = reqs.get(e.requirementId);
      return buildEvidence({
        id: e.url,
        name: req ? req.prompt.slice(0, 200) : e.requirementId,
        description: evidenceDescription(e),
        digestSRI: `sha256-${Buffer.from(e.sha256, 'hex').toString('base64')}`,
      });
    }),
  });
  // OB 3.0 allows one credentialStatus object (its JSON Schema says so); VC 2.0 allows a list, used only when
  // the organisation chose a second list for suspension (README: credentialStatus).
  const credentialStatus = i.status.suspension
    ? [statusEntry('revocation', i.status.revocation), statusEntry('suspension', i.status.suspension)]
    : statusEntry('revocation', i.status.revocation);
  if (!Array.isArray(credentialStatus)) return { ...built, credentialStatus };
  // Two status entries do not meet the official JSON Schema, so such a credential does not name it: a verifier
  // that ran it would call our own credential invalid. It is still a valid VC 2.0 credential.
  const { credentialSchema: _schema, ...withoutSchema } = built;
  const issued: IssuedAchievementCredential = { ...withoutSchema, credentialStatus };
  return issued;
}

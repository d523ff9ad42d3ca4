import { createHash, randomBytes } from 'node:crypto';
import type { Content } from '../achievements/content.js';
import type { OrgRow } from '../orgs/store.js';

/** The OB 3.0 context set Tessera issues with. */
export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  // Defines 1EdTechJsonSchemaValidator2019, the type of credentialSchema.
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];
/** The official AchievementCredential JSON Schema. */
export const OB3_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

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
}

/** A salted sha256 IdentityObject for an email address. */
export function hashedEmailIdentity(email: string, salt = randomBytes(8).toString('hex')) {
  return { type: 'IdentityObject', identityHash: `sha256$${createHash('sha256').update(email + salt).digest('hex')}`, identityType: 'emailAddress', hashed: true, salt };
}

/** A BitstringStatusListEntry for one bit of a status list. */
function statusEntry(purpose: 'revocation' | 'suspension', at: { url: string; index: number }) {
  return { id: `${at.url}#${at.index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(at.index), statusListCredential: at.url };
}

/** Build the unsigned OB 3.0 AchievementCredential. */
export function buildAchievementCredential(i: CredentialInput): Record<string, unknown> {
  const achievementUri = `${i.baseUrl}/achievements/${i.achievementId}/versions/${i.version}`;
  const rdId = (cid: string) => `${achievementUri}#criterion-${cid}`;
  const levelId = (cid: string, lid: string) => `${achievementUri}#criterion-${cid}-level-${lid}`;
  const profile: Record<string, unknown> = { id: i.issuerDid, type: ['Profile'], name: i.org.name };
  if (i.org.url) profile['url'] = i.org.url;
  if (i.org.email) profile['email'] = i.org.email;
  if (i.org.description) profile['description'] = i.org.description;
  if (i.org.image) profile['image'] = { id: i.org.image, type: 'Image' };
  const identifiers: Array<Record<string, unknown>> = [hashedEmailIdentity(i.learner.email)];
  if (i.learner.showName) identifiers.push({ type: 'IdentityObject', identityHash: i.learner.name, identityType: 'name', hashed: false });
  const reqs = new Map(i.content.evidenceRequirements.map((r) => [r.id, r]));
  const credential: Record<string, unknown> = {
    '@context': OB3_CONTEXT,
    id: i.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: i.content.name,
    issuer: profile,
    validFrom: i.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(i.validUntil ? { validUntil: i.validUntil.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      ...(i.learner.did ? { id: i.learner.did } : {}),
      identifier: identifiers,
      achievement: {
        id: achievementUri,
        type: ['Achievement'],
        achievementType: i.content.achievementType,
        name: i.content.name,
        description: i.content.description,
        criteria: { id: `${i.baseUrl}/app/catalog/${i.achievementId}`, narrative: [i.content.learningGoal && `Learning goal: ${i.content.learningGoal}`, i.content.competency && `Competency: ${i.content.competency}`, i.content.criteriaNarrative].filter(Boolean).join('\n\n') },
        image: { id: i.imageUrl, type: 'Image' },
        creator: profile,
        version: String(i.version),
        ...(i.content.skills.length ? { tag: i.content.skills } : {}),
        ...(i.content.creditsAvailable !== null ? { creditsAvailable: i.content.creditsAvailable } : {}),
        ...(i.content.alignments.length ? { alignment: i.content.alignments.map((a) => ({ type: ['Alignment'], ...a })) } : {}),
        resultDescription: i.content.rubric.criteria.map((c) => ({
          id: rdId(c.id),
          type: ['ResultDescription'],
          name: c.name,
          resultType: 'RubricCriterionLevel',
          requiredLevel: levelId(c.id, c.requiredLevelId),
          rubricCriterionLevel: c.levels.map((l) => ({ id: levelId(c.id, l.id), type: ['RubricCriterionLevel'], name: l.name, ...(l.description ? { description: l.description } : {}), points: String(l.points) })),
        })),
      },
      result: i.scores.map((s) => ({ type: ['Result'], resultDescription: rdId(s.criterionId), achievedLevel: levelId(s.criterionId, s.levelId), status: 'Completed' })),
    },
    evidence: i.evidence.map((e) => {
      const req = reqs.get(e.requirementId);
      const ev: Record<string, unknown> = { type: ['Evidence'], name: req ? req.prompt.slice(0, 200) : e.requirementId };
      if (e.file) {
        ev['id'] = e.file.url;
        ev['description'] = `${e.file.name} (sha256 ${e.file.sha256})`;
        ev['digestSRI'] = `sha256-${Buffer.from(e.file.sha256, 'hex').toString('base64')}`;
      } else if (e.url) ev['id'] = e.url;
      if (e.text) ev['narrative'] = e.text;
      return ev;
    }),
    credentialSchema: [{ id: OB3_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    // OB 3.0 allows one credentialStatus object (its JSON Schema says so); VC 2.0 allows a list, used only
    // when the organisation chose a second list for suspension.
    credentialStatus: i.status.suspension ? [statusEntry('revocation', i.status.revocation), statusEntry('suspension', i.status.suspension)] : statusEntry('revocation', i.status.revocation),
  };
  return credential;
}

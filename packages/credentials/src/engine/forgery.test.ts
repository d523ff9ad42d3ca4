// Forgery corpus: credentials forged the way an attacker would, signed with an INDEPENDENT stack
// (digitalbazaar's @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022 / ecdsa-rdfc-2019 cryptosuites for Data
// Integrity, jose for VC-JWT; see ../testing/forgeries.ts), never with the engine's own signer. Every forgery
// names the one step that must reject it and how (`failed`, or `unknown` where the contract says the question
// stays open); none may come out valid. Valid controls, built the same way, must come out valid, so the
// corpus cannot pass by rejecting everything. Keys come from fixed seeds and the clock is fixed.
//
// Which step must reject each class (the verification report contract):
//   key substitution, controller forgery, authentication-only keys, issuer/iss mismatch, issuer object naming
//     the victim, DID document of another DID, method id not the one requested  → `issuer` failed
//   the same when the issuer's document is not available                        → `issuer` unknown
//   a JWT `jwk` header key the issuer does not publish                           → `issuer` unknown ("the token carries its own key, which the issuer does not publish")
//   keyword collisions, undefined added terms, protected-term redefinition, relative IRIs → `jsonld` failed (message names the JSON path)
//   defined added terms, inline contexts changing unprotected terms, cryptosuite swap, proof purpose → `proof` failed
//   a suite the verifier does not check                                          → `proof` unknown
//   alg none, HMAC (key confusion), an alg that does not fit the key, a bad signature → `proof.jwt` failed
import { createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from './report.js';
import { verifyCredential } from './verify.js';
import {
  NOW,
  at,
  didDocument,
  didKeyOf,
  didWebUrl,
  ed25519Key,
  edited,
  handmadeJwt,
  jwkMethod,
  jwtClaims,
  jwtParts,
  keyDocument,
  multikeyMethod,
  p256Key,
  profileDocument,
  signDi,
  signHmac,
  signJose,
  unsignedCredential,
} from '../testing/forgeries.js';
import type { FixedKey, Json } from '../testing/forgeries.js';

// ---------------------------------------------------------------------------------------------------------
// The world: a victim organisation under several kinds of identifier, and an attacker.

const VICTIM_WEB = 'did:web:victim.example';
const VICTIM_PATH = 'did:web:victim.example:org:42';
const VICTIM_HTTPS = 'https://victim.example/issuers/1';
const VICTIM_KEY_URL = 'https://victim.example/keys/1';
const VICTIM_AUTH_KEY_URL = 'https://victim.example/keys/auth';
const ATTACKER_WEB = 'did:web:attacker.example';
const ATTACKER_HTTPS = 'https://attacker.example/issuers/9';
const FORGED_KEY_URL = 'https://attacker.example/keys/1';
const FORGED_JWK_URL = 'https://attacker.example/keys/2';
const VOCAB = 'https://victim.example/vocab#skillLevel';
const profile = (id: string, name = 'Victim University'): Json => ({ id, type: ['Profile'], name });

interface World {
  victim: {
    ed: FixedKey;
    p256: FixedKey;
    auth1: FixedKey;
    auth2: FixedKey;
    invoke: FixedKey;
    vmOnly: FixedKey;
    path: FixedKey;
    didKey: FixedKey;
    didKeyP256: FixedKey;
    https: FixedKey;
    httpsFragment: FixedKey;
    httpsAuth: FixedKey;
  };
  attacker: { ed: FixedKey; p256: FixedKey };
  victimDidKey: string;
  victimDidKeyMethod: string;
  victimDidKeyP256: string;
  victimDidKeyP256Method: string;
  attackerDidKey: string;
  attackerDidKeyMethod: string;
  attackerDidKeyP256Method: string;
  httpsFragmentMethod: string;
  /** Every honest document: the victim's DID documents, profile and key documents, the attacker's DID document. */
  documents: Map<string, unknown>;
  /** The victim's genuine credentials: did:key (eddsa-rdfc-2022), did:web, and did:key with its own unprotected inline context. */
  genuine: { didKey: Json; didWeb: Json; inlineContext: Json; p256: Json };
  /** A genuine EdDSA VC-JWT of the victim's did:web. */
  genuineJwt: string;
}

let world: World | undefined;
const w = (): World => {
  if (!world) throw new Error('the world is built in beforeAll');
  return world;
};

async function buildWorld(): Promise<World> {
  const victim = {
    ed: await ed25519Key('victim did:web key-1'),
    p256: await p256Key('victim did:web key-2'),
    auth1: await ed25519Key('victim did:web auth-1'),
    auth2: await ed25519Key('victim did:web auth-2'),
    invoke: await ed25519Key('victim did:web invoke-1'),
    vmOnly: await ed25519Key('victim did:web vm-only'),
    path: await ed25519Key('victim did:web path key-1'),
    didKey: await ed25519Key('victim did:key'),
    didKeyP256: await p256Key('victim did:key P-256'),
    https: await ed25519Key('victim https keys/1'),
    httpsFragment: await ed25519Key('victim https fragment key'),
    httpsAuth: await ed25519Key('victim https keys/auth'),
  };
  const attacker = { ed: await ed25519Key('attacker Ed25519'), p256: await p256Key('attacker P-256') };
  const httpsFragmentMethod = `${VICTIM_HTTPS}#${victim.httpsFragment.publicKeyMultibase}`;
  const documents = new Map<string, unknown>([
    [
      didWebUrl(VICTIM_WEB),
      didDocument(VICTIM_WEB, {
        verificationMethod: [
          multikeyMethod(`${VICTIM_WEB}#key-1`, VICTIM_WEB, victim.ed),
          jwkMethod(`${VICTIM_WEB}#key-2`, VICTIM_WEB, victim.p256),
          multikeyMethod(`${VICTIM_WEB}#auth-2`, VICTIM_WEB, victim.auth2),
          multikeyMethod(`${VICTIM_WEB}#invoke-1`, VICTIM_WEB, victim.invoke),
          multikeyMethod(`${VICTIM_WEB}#vm-only`, VICTIM_WEB, victim.vmOnly),
        ],
        assertionMethod: [`${VICTIM_WEB}#key-1`, `${VICTIM_WEB}#key-2`],
        authentication: [multikeyMethod(`${VICTIM_WEB}#auth-1`, VICTIM_WEB, victim.auth1), `${VICTIM_WEB}#auth-2`],
        capabilityInvocation: [`${VICTIM_WEB}#invoke-1`],
      }),
    ],
    // A path did:web whose document embeds its method under assertionMethod, with a relative id.
    [didWebUrl(VICTIM_PATH), didDocument(VICTIM_PATH, { assertionMethod: [multikeyMethod('#key-1', VICTIM_PATH, victim.path)] })],
    [
      VICTIM_HTTPS,
      profileDocument(VICTIM_HTTPS, 'Victim University', {
        verificationMethod: [multikeyMethod(httpsFragmentMethod, VICTIM_HTTPS, victim.httpsFragment)],
        assertionMethod: [VICTIM_KEY_URL, httpsFragmentMethod],
        authentication: [VICTIM_AUTH_KEY_URL],
      }),
    ],
    [VICTIM_KEY_URL, keyDocument(VICTIM_KEY_URL, VICTIM_HTTPS, victim.https)],
    [VICTIM_AUTH_KEY_URL, keyDocument(VICTIM_AUTH_KEY_URL, VICTIM_HTTPS, victim.httpsAuth)],
    [
      didWebUrl(ATTACKER_WEB),
      didDocument(ATTACKER_WEB, {
        verificationMethod: [
          multikeyMethod(`${ATTACKER_WEB}#key-1`, ATTACKER_WEB, attacker.ed),
          jwkMethod(`${ATTACKER_WEB}#key-2`, ATTACKER_WEB, attacker.p256),
        ],
        assertionMethod: [`${ATTACKER_WEB}#key-1`, `${ATTACKER_WEB}#key-2`],
      }),
    ],
  ]);
  const vk = didKeyOf(victim.didKey);
  const vkP256 = didKeyOf(victim.didKeyP256);
  const ak = didKeyOf(attacker.ed);
  const inline = unsignedCredential(profile(vk.did));
  inline['@context'] = [...(inline['@context'] as unknown[]), { skillLevel: VOCAB }];
  at(inline, 'credentialSubject')['skillLevel'] = 'expert';
  const webCredential = unsignedCredential(profile(VICTIM_WEB));
  return {
    victim,
    attacker,
    victimDidKey: vk.did,
    victimDidKeyMethod: vk.method,
    victimDidKeyP256: vkP256.did,
    victimDidKeyP256Method: vkP256.method,
    attackerDidKey: ak.did,
    attackerDidKeyMethod: ak.method,
    attackerDidKeyP256Method: didKeyOf(attacker.p256).method,
    httpsFragmentMethod,
    documents,
    genuine: {
      didKey: await signDi(unsignedCredential(profile(vk.did)), { key: victim.didKey, method: vk.method }),
      didWeb: await signDi(webCredential, { key: victim.ed, method: `${VICTIM_WEB}#key-1` }),
      inlineContext: await signDi(inline, { key: victim.didKey, method: vk.method }),
      p256: await signDi(unsignedCredential(profile(vkP256.did)), { key: victim.didKeyP256, method: vkP256.method }),
    },
    genuineJwt: await signJose(jwtClaims(webCredential), { kid: `${VICTIM_WEB}#key-1` }, victim.ed),
  };
}

/** The honest documents with some replaced (a value) or withheld (undefined). */
function documentsWith(changes: Record<string, unknown>): Map<string, unknown> {
  const docs = new Map(w().documents);
  for (const [url, doc] of Object.entries(changes)) {
    if (doc === undefined) docs.delete(url);
    else docs.set(url, doc);
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------------------
// Cases

type Input = string | Json;
interface Built {
  input: Input;
  documents?: Map<string, unknown>;
}
interface Forgery {
  cls: string;
  variant: string;
  /** The step that must reject the forgery, and how. */
  step: string;
  status: 'failed' | 'unknown';
  /** What that step's message must say (the contract's wording, or the JSON path it must name). */
  message?: RegExp;
  build(): Promise<Built>;
}

const di = (issuer: string | Json, key: FixedKey, method: string, documents?: Map<string, unknown>) => async (): Promise<Built> => ({
  input: await signDi(unsignedCredential(issuer), { key, method }),
  ...(documents ? { documents } : {}),
});
const jwt =
  (issuer: string | Json, kid: string, key: FixedKey, overrides: Json = {}) =>
  async (): Promise<Built> => ({ input: await signJose(jwtClaims(unsignedCredential(issuer), overrides), { kid }, key) });
/** A change made to one of the victim's genuine credentials after it was signed. */
const tamper = (pick: (g: World['genuine']) => Json, change: (copy: Json) => void) => async (): Promise<Built> => ({
  input: edited(pick(w().genuine), change),
});
const onDidKey = (change: (copy: Json) => void) => tamper((g) => g.didKey, change);
const proofOf = (doc: Json): Json => at(doc, 'proof', 0);
const JWK_REASON = /the token carries its own key, which the issuer does not publish/i;

const KEY_SUBSTITUTION = 'key substitution (→ issuer failed)';
const CONTROLLER =
  'controller forgery: an https key document claims the victim as controller (→ issuer failed; unknown without the victim’s document)';
const AUTH_ONLY = 'a key the issuer lists only for another purpose (→ issuer failed)';
const COLLISION = 'keyword alias collision added after signing (→ jsonld failed)';
const ADDED_DEFINED = 'unsigned added term, defined by a context (→ proof failed)';
const ADDED_UNDEFINED = 'unsigned added term, defined by no context (→ jsonld failed)';
const IRI = 'relative or invalid IRI (→ jsonld failed)';
const PROTECTED = 'inline context redefining a protected term (→ jsonld failed)';
const UNPROTECTED = 'inline context changing the meaning of unprotected content (→ proof failed)';
const SUITE = 'cryptosuite swap (→ proof failed; a suite never checked → proof unknown)';
const PURPOSE = 'proof purpose other than assertionMethod (→ proof failed)';
const ALG = 'alg none, HMAC key confusion, alg not fitting the key (→ proof.jwt failed)';
const ISS = 'issuer / iss mismatch (→ issuer failed)';
const JWK_HEADER = 'JWT jwk header with a self-made key, iss naming the victim (→ issuer unknown)';
const ISSUER_OBJECT = 'issuer object whose id is the victim (→ issuer failed)';
const WRONG_DID_DOC = 'did:web DID document served for a different DID (→ issuer failed)';
const WRONG_METHOD_ID = 'DID document method id not the one requested (→ issuer failed)';

const FORGERIES: Forgery[] = [
  // Key substitution: the victim stays the issuer, the attacker's key signs.
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:web issuer, attacker did:key signs (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().attacker.ed, w().attackerDidKeyMethod)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:key issuer, attacker did:key signs (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(w().victimDidKey, w().attacker.ed, w().attackerDidKeyMethod)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim https issuer, attacker key as a fragment of the victim URL, profile does not list it (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_HTTPS, w().attacker.ed, `${VICTIM_HTTPS}#${w().attacker.ed.publicKeyMultibase}`)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim https issuer, attacker fragment key, profile not available (DI) → issuer unknown',
    step: 'issuer',
    status: 'unknown',
    build: async () =>
      di(
        VICTIM_HTTPS,
        w().attacker.ed,
        `${VICTIM_HTTPS}#${w().attacker.ed.publicKeyMultibase}`,
        documentsWith({ [VICTIM_HTTPS]: undefined }),
      )(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:web issuer, attacker did:web key (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().attacker.ed, `${ATTACKER_WEB}#key-1`)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim P-256 did:key issuer, attacker P-256 did:key signs (DI, ecdsa-rdfc-2019)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(w().victimDidKeyP256, w().attacker.p256, w().attackerDidKeyP256Method)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: "the victim's method id kept, the attacker's key signs → proof failed",
    step: 'proof',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().attacker.ed, `${VICTIM_WEB}#key-1`)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: "content changed, the victim's stale proof kept beside the attacker's new one → proof[0] failed",
    step: 'proof[0]',
    status: 'failed',
    build: async () => {
      const changed = edited(w().genuine.didWeb, (d) => (d['name'] = 'Honorary Doctorate'));
      const { proof: victimProof, ...content } = changed;
      const attackers = await signDi(content, { key: w().attacker.ed, method: w().attackerDidKeyMethod });
      return { input: { ...content, proof: [...[victimProof].flat(), ...[attackers['proof']].flat()] } };
    },
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:web issuer and iss, attacker did:key kid (JWT EdDSA)',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(VICTIM_WEB, w().attackerDidKeyMethod, w().attacker.ed)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim https issuer, attacker P-256 key as a fragment of the victim URL (JWT ES256)',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(VICTIM_HTTPS, `${VICTIM_HTTPS}#${w().attacker.p256.publicKeyMultibase}`, w().attacker.p256)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:key issuer, attacker did:key kid (JWT EdDSA)',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(w().victimDidKey, w().attackerDidKeyMethod, w().attacker.ed)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: 'victim did:web issuer, attacker did:web kid (JWT ES256)',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(VICTIM_WEB, `${ATTACKER_WEB}#key-2`, w().attacker.p256)(),
  },
  {
    cls: KEY_SUBSTITUTION,
    variant: "the victim's kid kept, the attacker's key signs (JWT EdDSA) → proof.jwt failed",
    step: 'proof.jwt',
    status: 'failed',
    build: async () => jwt(VICTIM_WEB, `${VICTIM_WEB}#key-1`, w().attacker.ed)(),
  },

  // Controller forgery: an https key document that says its controller is the victim.
  {
    cls: CONTROLLER,
    variant: 'controller = victim did:web, whose DID document does not list it (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        FORGED_KEY_URL,
        documentsWith({ [FORGED_KEY_URL]: keyDocument(FORGED_KEY_URL, VICTIM_WEB, w().attacker.ed) }),
      )(),
  },
  {
    cls: CONTROLLER,
    variant: 'controller = victim did:key (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        w().victimDidKey,
        w().attacker.ed,
        FORGED_KEY_URL,
        documentsWith({ [FORGED_KEY_URL]: keyDocument(FORGED_KEY_URL, w().victimDidKey, w().attacker.ed) }),
      )(),
  },
  {
    cls: CONTROLLER,
    variant: 'controller = victim https issuer, whose profile does not list it (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_HTTPS,
        w().attacker.ed,
        FORGED_KEY_URL,
        documentsWith({ [FORGED_KEY_URL]: keyDocument(FORGED_KEY_URL, VICTIM_HTTPS, w().attacker.ed) }),
      )(),
  },
  {
    cls: CONTROLLER,
    variant: "key document on the victim's own host (user content), controller = victim https issuer (DI)",
    step: 'issuer',
    status: 'failed',
    build: async () => {
      const url = 'https://victim.example/users/mallory/key.json';
      return di(VICTIM_HTTPS, w().attacker.ed, url, documentsWith({ [url]: keyDocument(url, VICTIM_HTTPS, w().attacker.ed) }))();
    },
  },
  {
    cls: CONTROLLER,
    variant: "key document whose id claims the victim's method id, controller = victim did:web (DI)",
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        FORGED_KEY_URL,
        documentsWith({ [FORGED_KEY_URL]: { ...keyDocument(FORGED_KEY_URL, VICTIM_WEB, w().attacker.ed), id: `${VICTIM_WEB}#key-1` } }),
      )(),
  },
  {
    cls: CONTROLLER,
    variant: 'JsonWebKey document, controller = victim did:web (JWT ES256)',
    step: 'issuer',
    status: 'failed',
    build: async () => ({
      ...(await jwt(VICTIM_WEB, FORGED_JWK_URL, w().attacker.p256)()),
      documents: documentsWith({
        [FORGED_JWK_URL]: { '@context': 'https://w3id.org/security/jwk/v1', ...jwkMethod(FORGED_JWK_URL, VICTIM_WEB, w().attacker.p256) },
      }),
    }),
  },
  {
    cls: CONTROLLER,
    variant: "controller = victim did:web, the victim's DID document not available (DI) → issuer unknown",
    step: 'issuer',
    status: 'unknown',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        FORGED_KEY_URL,
        documentsWith({ [FORGED_KEY_URL]: keyDocument(FORGED_KEY_URL, VICTIM_WEB, w().attacker.ed), [didWebUrl(VICTIM_WEB)]: undefined }),
      )(),
  },
  {
    cls: CONTROLLER,
    variant: "controller = victim did:web, the victim's DID document not available (JWT ES256) → issuer unknown",
    step: 'issuer',
    status: 'unknown',
    build: async () => ({
      ...(await jwt(VICTIM_WEB, FORGED_JWK_URL, w().attacker.p256)()),
      documents: documentsWith({
        [FORGED_JWK_URL]: { '@context': 'https://w3id.org/security/jwk/v1', ...jwkMethod(FORGED_JWK_URL, VICTIM_WEB, w().attacker.p256) },
        [didWebUrl(VICTIM_WEB)]: undefined,
      }),
    }),
  },

  // Keys the issuer lists, but not under assertionMethod (signed with the victim's own keys).
  {
    cls: AUTH_ONLY,
    variant: 'did:web method embedded under authentication only',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().victim.auth1, `${VICTIM_WEB}#auth-1`)(),
  },
  {
    cls: AUTH_ONLY,
    variant: 'did:web method referenced under authentication only',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().victim.auth2, `${VICTIM_WEB}#auth-2`)(),
  },
  {
    cls: AUTH_ONLY,
    variant: 'did:web method under capabilityInvocation only',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().victim.invoke, `${VICTIM_WEB}#invoke-1`)(),
  },
  {
    cls: AUTH_ONLY,
    variant: 'did:web method in verificationMethod, under no relationship',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_WEB, w().victim.vmOnly, `${VICTIM_WEB}#vm-only`)(),
  },
  {
    cls: AUTH_ONLY,
    variant: 'https issuer whose profile lists the key under authentication only',
    step: 'issuer',
    status: 'failed',
    build: async () => di(VICTIM_HTTPS, w().victim.httpsAuth, VICTIM_AUTH_KEY_URL)(),
  },

  // Keyword aliases: `@id` beside `id`, `@type` beside `type`, added to a genuine credential after signing.
  {
    cls: COLLISION,
    variant: '@id beside id on credentialSubject, same value',
    step: 'jsonld',
    status: 'failed',
    message: /credentialSubject/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['@id'] = at(d, 'credentialSubject')['id'])),
  },
  {
    cls: COLLISION,
    variant: '@id beside id on credentialSubject, another subject',
    step: 'jsonld',
    status: 'failed',
    message: /credentialSubject/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['@id'] = 'did:example:mallory')),
  },
  {
    cls: COLLISION,
    variant: '@id beside id on the credential, another id',
    step: 'jsonld',
    status: 'failed',
    message: /@id/,
    build: onDidKey((d) => (d['@id'] = 'urn:uuid:00000000-0000-4000-8000-000000000666')),
  },
  {
    cls: COLLISION,
    variant: '@id beside id on the issuer, the attacker’s DID',
    step: 'jsonld',
    status: 'failed',
    message: /issuer/,
    build: onDidKey((d) => (at(d, 'issuer')['@id'] = ATTACKER_WEB)),
  },
  {
    cls: COLLISION,
    variant: '@id beside id on the achievement, another achievement',
    step: 'jsonld',
    status: 'failed',
    message: /achievement/,
    build: onDidKey((d) => (at(d, 'credentialSubject', 'achievement')['@id'] = 'https://example.com/achievements/phd')),
  },
  {
    cls: COLLISION,
    variant: '@type beside type on the credential, same value (the signed RDF is unchanged)',
    step: 'jsonld',
    status: 'failed',
    message: /@type/,
    build: onDidKey((d) => (d['@type'] = structuredClone(d['type']))),
  },
  {
    cls: COLLISION,
    variant: '@type beside type on the achievement, same value',
    step: 'jsonld',
    status: 'failed',
    message: /achievement/,
    build: onDidKey((d) => (at(d, 'credentialSubject', 'achievement')['@type'] = ['Achievement'])),
  },
  {
    cls: COLLISION,
    variant: '@type beside type on credentialSubject, another value',
    step: 'jsonld',
    status: 'failed',
    message: /credentialSubject/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['@type'] = ['AchievementSubject', 'Profile'])),
  },
  {
    cls: COLLISION,
    variant: '@type beside type on the credential, another type',
    step: 'jsonld',
    status: 'failed',
    message: /@type/,
    build: onDidKey((d) => (d['@type'] = ['VerifiableCredential', 'EndorsementCredential'])),
  },

  // Unsigned added terms.
  {
    cls: ADDED_DEFINED,
    variant: 'description on the credential',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (d['description'] = 'Awarded with highest honours')),
  },
  {
    cls: ADDED_DEFINED,
    variant: 'image on the achievement',
    step: 'proof',
    status: 'failed',
    build: onDidKey(
      (d) => (at(d, 'credentialSubject', 'achievement')['image'] = { id: 'https://attacker.example/badge.png', type: 'Image' }),
    ),
  },
  {
    cls: ADDED_DEFINED,
    variant: 'url on the issuer',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (at(d, 'issuer')['url'] = 'https://attacker.example/')),
  },
  {
    cls: ADDED_DEFINED,
    variant: 'evidence on the credential',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (d['evidence'] = [{ id: 'https://attacker.example/evidence/1', type: ['Evidence'], name: 'Thesis' }])),
  },
  {
    cls: ADDED_UNDEFINED,
    variant: 'honorary on the credential',
    step: 'jsonld',
    status: 'failed',
    message: /honorary/,
    build: onDidKey((d) => (d['honorary'] = true)),
  },
  {
    cls: ADDED_UNDEFINED,
    variant: 'grade on credentialSubject',
    step: 'jsonld',
    status: 'failed',
    message: /grade/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['grade'] = 'A+')),
  },
  {
    cls: ADDED_UNDEFINED,
    variant: 'accredited on the issuer',
    step: 'jsonld',
    status: 'failed',
    message: /accredited/,
    build: onDidKey((d) => (at(d, 'issuer')['accredited'] = 'yes')),
  },
  {
    cls: ADDED_UNDEFINED,
    variant: 'minimumScore on the achievement criteria',
    step: 'jsonld',
    status: 'failed',
    message: /minimumScore/,
    build: onDidKey((d) => (at(d, 'credentialSubject', 'achievement', 'criteria')['minimumScore'] = 95)),
  },
  {
    cls: IRI,
    variant: 'credential id made relative',
    step: 'jsonld',
    status: 'failed',
    build: onDidKey((d) => (d['id'] = 'credentials/3527')),
  },
  {
    cls: IRI,
    variant: 'subject id that is not an IRI',
    step: 'jsonld',
    status: 'failed',
    message: /credentialSubject/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['id'] = 'alice smith')),
  },
  {
    cls: IRI,
    variant: 'relative image id added to the achievement',
    step: 'jsonld',
    status: 'failed',
    message: /image/,
    build: onDidKey((d) => (at(d, 'credentialSubject', 'achievement')['image'] = { id: 'badge.png', type: 'Image' })),
  },

  // Inline-context injection.
  {
    cls: PROTECTED,
    variant: 'context appended redefining name',
    step: 'jsonld',
    status: 'failed',
    message: /@context/,
    build: onDidKey((d) => (d['@context'] = [...(d['@context'] as unknown[]), { name: 'https://attacker.example/vocab#name' }])),
  },
  {
    cls: PROTECTED,
    variant: 'context appended redefining OpenBadgeCredential',
    step: 'jsonld',
    status: 'failed',
    message: /@context/,
    build: onDidKey(
      (d) => (d['@context'] = [...(d['@context'] as unknown[]), { OpenBadgeCredential: 'https://attacker.example/vocab#Nothing' }]),
    ),
  },
  {
    cls: PROTECTED,
    variant: 'context appended redefining the type keyword alias',
    step: 'jsonld',
    status: 'failed',
    message: /@context/,
    build: onDidKey((d) => (d['@context'] = [...(d['@context'] as unknown[]), { type: 'https://attacker.example/vocab#type' }])),
  },
  {
    cls: PROTECTED,
    variant: 'context embedded in credentialSubject redefining name',
    step: 'jsonld',
    status: 'failed',
    message: /credentialSubject/,
    build: onDidKey((d) => (at(d, 'credentialSubject')['@context'] = { name: 'https://attacker.example/vocab#name' })),
  },
  {
    cls: PROTECTED,
    variant: 'context embedded in the achievement criteria redefining narrative',
    step: 'jsonld',
    status: 'failed',
    message: /criteria/,
    build: onDidKey(
      (d) =>
        (at(d, 'credentialSubject', 'achievement', 'criteria')['@context'] = { narrative: 'https://attacker.example/vocab#narrative' }),
    ),
  },
  // Not here: an appended context defining `issuer` or `achievement`. VC 2.0 and OB 3.0 define those only in
  // type-scoped contexts, which are applied after it and win, so jsonld.js accepts it and the RDF is unchanged.
  {
    cls: UNPROTECTED,
    variant: "context appended remapping the issuer's own unprotected term",
    step: 'proof',
    status: 'failed',
    build: tamper(
      (g) => g.inlineContext,
      (d) => (d['@context'] = [...(d['@context'] as unknown[]), { skillLevel: 'https://attacker.example/vocab#skillLevel' }]),
    ),
  },
  {
    cls: UNPROTECTED,
    variant: 'context appended giving the unprotected term a datatype',
    step: 'proof',
    status: 'failed',
    build: tamper(
      (g) => g.inlineContext,
      (d) =>
        (d['@context'] = [
          ...(d['@context'] as unknown[]),
          { skillLevel: { '@id': VOCAB, '@type': 'https://attacker.example/vocab#Level' } },
        ]),
    ),
  },
  {
    cls: UNPROTECTED,
    variant: "the issuer's inline context replaced in place",
    step: 'proof',
    status: 'failed',
    build: tamper(
      (g) => g.inlineContext,
      (d) => ((d['@context'] as unknown[])[2] = { skillLevel: 'https://attacker.example/vocab#level' }),
    ),
  },
  {
    cls: UNPROTECTED,
    variant: 'context appended defining a new term, and the term added',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => {
      d['@context'] = [...(d['@context'] as unknown[]), { endorsedBy: 'https://attacker.example/vocab#endorsedBy' }];
      d['endorsedBy'] = 'Harvard University';
    }),
  },

  // Cryptosuite swap on a genuine eddsa-rdfc-2022 proof.
  {
    cls: SUITE,
    variant: 'eddsa-rdfc-2022 relabelled eddsa-2022',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'eddsa-2022')),
  },
  {
    cls: SUITE,
    variant: 'eddsa-rdfc-2022 relabelled eddsa-jcs-2022',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'eddsa-jcs-2022')),
  },
  {
    cls: SUITE,
    variant: 'eddsa-rdfc-2022 relabelled ecdsa-rdfc-2019 (an Ed25519 key)',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'ecdsa-rdfc-2019')),
  },
  {
    cls: SUITE,
    variant: 'eddsa-rdfc-2022 relabelled ecdsa-sd-2023',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'ecdsa-sd-2023')),
  },
  {
    cls: SUITE,
    variant: 'eddsa-rdfc-2022 relabelled ecdsa-jcs-2019',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'ecdsa-jcs-2019')),
  },
  {
    cls: SUITE,
    variant: 'DataIntegrityProof relabelled Ed25519Signature2020',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => {
      proofOf(d)['type'] = 'Ed25519Signature2020';
      delete proofOf(d)['cryptosuite'];
    }),
  },
  {
    cls: SUITE,
    variant: 'P-256 ecdsa-rdfc-2019 proof relabelled eddsa-rdfc-2022 (key does not fit)',
    step: 'proof',
    status: 'failed',
    build: tamper(
      (g) => g.p256,
      (d) => (proofOf(d)['cryptosuite'] = 'eddsa-rdfc-2022'),
    ),
  },
  {
    cls: SUITE,
    variant: 'relabelled bbs-2023, a suite the verifier does not check → proof unknown',
    step: 'proof',
    status: 'unknown',
    build: onDidKey((d) => (proofOf(d)['cryptosuite'] = 'bbs-2023')),
  },

  // Proof purpose: genuinely signed by the victim's key, but not as an assertion.
  {
    cls: PURPOSE,
    variant: 'authentication (with a challenge), did:key',
    step: 'proof',
    status: 'failed',
    build: async () => ({
      input: await signDi(unsignedCredential(profile(w().victimDidKey)), {
        key: w().victim.didKey,
        method: w().victimDidKeyMethod,
        purpose: 'authentication',
      }),
    }),
  },
  {
    cls: PURPOSE,
    variant: 'capabilityInvocation, did:key',
    step: 'proof',
    status: 'failed',
    build: async () => ({
      input: await signDi(unsignedCredential(profile(w().victimDidKey)), {
        key: w().victim.didKey,
        method: w().victimDidKeyMethod,
        purpose: 'capabilityInvocation',
      }),
    }),
  },
  {
    cls: PURPOSE,
    variant: 'capabilityDelegation, did:key',
    step: 'proof',
    status: 'failed',
    build: async () => ({
      input: await signDi(unsignedCredential(profile(w().victimDidKey)), {
        key: w().victim.didKey,
        method: w().victimDidKeyMethod,
        purpose: 'capabilityDelegation',
      }),
    }),
  },
  {
    cls: PURPOSE,
    variant: 'authentication by the did:web authentication key',
    step: 'proof',
    status: 'failed',
    build: async () => ({
      input: await signDi(unsignedCredential(profile(VICTIM_WEB)), {
        key: w().victim.auth1,
        method: `${VICTIM_WEB}#auth-1`,
        purpose: 'authentication',
      }),
    }),
  },
  {
    cls: PURPOSE,
    variant: 'assertionMethod relabelled authentication',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => (proofOf(d)['proofPurpose'] = 'authentication')),
  },
  {
    cls: PURPOSE,
    variant: 'proofPurpose removed',
    step: 'proof',
    status: 'failed',
    build: onDidKey((d) => delete proofOf(d)['proofPurpose']),
  },

  // alg none and HMAC confusion, on the victim's genuine did:web token.
  {
    cls: ALG,
    variant: 'alg none, no signature',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => {
      const { header, payload } = jwtParts(w().genuineJwt);
      return { input: handmadeJwt({ ...header, alg: 'none' }, payload) };
    },
  },
  {
    cls: ALG,
    variant: 'alg none, the genuine signature kept',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => {
      const { header, payload, signature } = jwtParts(w().genuineJwt);
      return { input: handmadeJwt({ ...header, alg: 'none' }, payload, signature) };
    },
  },
  {
    cls: ALG,
    variant: 'alg None (capitalised), no signature',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => {
      const { header, payload } = jwtParts(w().genuineJwt);
      return { input: handmadeJwt({ ...header, alg: 'None' }, payload) };
    },
  },
  {
    cls: ALG,
    variant: "HS256 keyed with the issuer's raw Ed25519 public key bytes",
    step: 'proof.jwt',
    status: 'failed',
    build: async () => ({
      input: await signHmac(
        jwtClaims(unsignedCredential(VICTIM_WEB)),
        { alg: 'HS256', kid: `${VICTIM_WEB}#key-1` },
        w().victim.ed.publicRaw,
      ),
    }),
  },
  {
    cls: ALG,
    variant: "HS256 keyed with the issuer's P-256 public key as PEM (the classic confusion)",
    step: 'proof.jwt',
    status: 'failed',
    build: async () => {
      const pem = createPublicKey({ key: w().victim.p256.publicJwk as JsonWebKey, format: 'jwk' }).export({ format: 'pem', type: 'spki' });
      return {
        input: await signHmac(
          jwtClaims(unsignedCredential(VICTIM_WEB)),
          { alg: 'HS256', kid: `${VICTIM_WEB}#key-2` },
          new TextEncoder().encode(String(pem)),
        ),
      };
    },
  },
  {
    cls: ALG,
    variant: "HS256 keyed with the issuer's public JWK as JSON",
    step: 'proof.jwt',
    status: 'failed',
    build: async () => ({
      input: await signHmac(
        jwtClaims(unsignedCredential(VICTIM_WEB)),
        { alg: 'HS256', kid: `${VICTIM_WEB}#key-2` },
        new TextEncoder().encode(JSON.stringify(w().victim.p256.publicJwk)),
      ),
    }),
  },
  {
    cls: ALG,
    variant: "HS512 keyed with a did:key issuer's public key bytes",
    step: 'proof.jwt',
    status: 'failed',
    build: async () => ({
      input: await signHmac(
        jwtClaims(unsignedCredential(w().victimDidKey)),
        { alg: 'HS512', kid: w().victimDidKeyMethod },
        w().victim.didKey.publicRaw,
      ),
    }),
  },
  {
    cls: ALG,
    variant: 'ES256 claimed for an Ed25519 method',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(VICTIM_WEB)), { kid: `${VICTIM_WEB}#key-1`, alg: 'ES256' }, w().attacker.p256),
    }),
  },
  {
    cls: ALG,
    variant: 'EdDSA claimed for a P-256 method',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(VICTIM_WEB)), { kid: `${VICTIM_WEB}#key-2`, alg: 'EdDSA' }, w().attacker.ed),
    }),
  },
  {
    cls: ALG,
    variant: 'the genuine signature with one byte changed',
    step: 'proof.jwt',
    status: 'failed',
    build: async () => {
      const [h, p, s = ''] = w().genuineJwt.split('.');
      const bytes = Buffer.from(s, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return { input: `${h}.${p}.${bytes.toString('base64url')}` };
    },
  },

  // iss and the credential's issuer disagree.
  {
    cls: ISS,
    variant: 'attacker key and iss, credential issuer the victim',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(VICTIM_WEB, `${ATTACKER_WEB}#key-1`, w().attacker.ed, { iss: ATTACKER_WEB })(),
  },
  {
    cls: ISS,
    variant: 'attacker key and credential issuer, iss the victim',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(ATTACKER_WEB, `${ATTACKER_WEB}#key-1`, w().attacker.ed, { iss: VICTIM_WEB })(),
  },
  {
    cls: ISS,
    variant: 'attacker did:key and iss, credential issuer the victim did:key',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(w().victimDidKey, w().attackerDidKeyMethod, w().attacker.ed, { iss: w().attackerDidKey })(),
  },
  {
    cls: ISS,
    variant: "the issuer's own key, but iss names another organisation",
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(VICTIM_WEB, `${VICTIM_WEB}#key-1`, w().victim.ed, { iss: 'did:web:other-university.example' })(),
  },

  // A jwk header carrying a self-made key, iss naming the victim.
  {
    cls: JWK_HEADER,
    variant: 'Ed25519 jwk, victim did:web issuer',
    step: 'issuer',
    status: 'unknown',
    message: JWK_REASON,
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(VICTIM_WEB)), { jwk: w().attacker.ed.publicJwk }, w().attacker.ed),
    }),
  },
  {
    cls: JWK_HEADER,
    variant: 'P-256 jwk, victim https issuer',
    step: 'issuer',
    status: 'unknown',
    message: JWK_REASON,
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(profile(VICTIM_HTTPS))), { jwk: w().attacker.p256.publicJwk }, w().attacker.p256),
    }),
  },
  {
    cls: JWK_HEADER,
    variant: 'Ed25519 jwk, victim did:key issuer',
    step: 'issuer',
    status: 'unknown',
    message: JWK_REASON,
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(w().victimDidKey)), { jwk: w().attacker.ed.publicJwk }, w().attacker.ed),
    }),
  },
  {
    cls: JWK_HEADER,
    variant: 'Ed25519 jwk, victim did:web issuer whose DID document is not available',
    step: 'issuer',
    status: 'unknown',
    message: JWK_REASON,
    build: async () => ({
      input: await signJose(jwtClaims(unsignedCredential(VICTIM_WEB)), { jwk: w().attacker.ed.publicJwk }, w().attacker.ed),
      documents: documentsWith({ [didWebUrl(VICTIM_WEB)]: undefined }),
    }),
  },

  // The issuer given as an object whose id is the victim.
  {
    cls: ISSUER_OBJECT,
    variant: 'victim did:web profile, attacker did:key signs (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(profile(VICTIM_WEB), w().attacker.ed, w().attackerDidKeyMethod)(),
  },
  {
    cls: ISSUER_OBJECT,
    variant: "victim https profile, attacker's own https key document (DI)",
    step: 'issuer',
    status: 'failed',
    build: async () => {
      const url = 'https://attacker.example/keys/3';
      return di(
        profile(VICTIM_HTTPS),
        w().attacker.ed,
        url,
        documentsWith({
          [url]: keyDocument(url, ATTACKER_HTTPS, w().attacker.ed),
          [ATTACKER_HTTPS]: profileDocument(ATTACKER_HTTPS, 'Mallory', { assertionMethod: [url] }),
        }),
      )();
    },
  },
  {
    cls: ISSUER_OBJECT,
    variant: 'victim did:key profile, attacker did:web key (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () => di(profile(w().victimDidKey), w().attacker.ed, `${ATTACKER_WEB}#key-1`)(),
  },
  {
    cls: ISSUER_OBJECT,
    variant: 'victim did:web profile and iss, attacker did:web kid (JWT ES256)',
    step: 'issuer',
    status: 'failed',
    build: async () => jwt(profile(VICTIM_WEB), `${ATTACKER_WEB}#key-2`, w().attacker.p256)(),
  },

  // The document at the victim's did:web URL is some other DID's document.
  {
    cls: WRONG_DID_DOC,
    variant: "the attacker's DID document (relative method ids) served at the victim's URL (DI)",
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        `${VICTIM_WEB}#key-1`,
        documentsWith({
          [didWebUrl(VICTIM_WEB)]: didDocument(ATTACKER_WEB, {
            verificationMethod: [multikeyMethod('#key-1', ATTACKER_WEB, w().attacker.ed)],
            assertionMethod: ['#key-1'],
          }),
        }),
      )(),
  },
  {
    cls: WRONG_DID_DOC,
    variant: "a document for another DID listing methods with the victim's ids and controller (DI)",
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        `${VICTIM_WEB}#key-1`,
        documentsWith({
          [didWebUrl(VICTIM_WEB)]: didDocument(ATTACKER_WEB, {
            verificationMethod: [multikeyMethod(`${VICTIM_WEB}#key-1`, VICTIM_WEB, w().attacker.ed)],
            assertionMethod: [`${VICTIM_WEB}#key-1`],
          }),
        }),
      )(),
  },
  {
    cls: WRONG_DID_DOC,
    variant: "the attacker's DID document served at the victim's URL (JWT ES256)",
    step: 'issuer',
    status: 'failed',
    build: async () => ({
      ...(await jwt(VICTIM_WEB, `${VICTIM_WEB}#key-2`, w().attacker.p256)()),
      documents: documentsWith({
        [didWebUrl(VICTIM_WEB)]: didDocument(ATTACKER_WEB, {
          verificationMethod: [jwkMethod('#key-2', ATTACKER_WEB, w().attacker.p256)],
          assertionMethod: ['#key-2'],
        }),
      }),
    }),
  },
  {
    cls: WRONG_DID_DOC,
    variant: 'a path did:web URL serving a document whose id is the host DID (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_PATH,
        w().attacker.ed,
        `${VICTIM_PATH}#key-1`,
        documentsWith({
          [didWebUrl(VICTIM_PATH)]: didDocument(VICTIM_WEB, { assertionMethod: [multikeyMethod('#key-1', VICTIM_WEB, w().attacker.ed)] }),
        }),
      )(),
  },

  // The DID document has a method, but not under the id the proof asks for.
  {
    cls: WRONG_METHOD_ID,
    variant: 'document lists the key under another DID’s method id with the same fragment (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        `${VICTIM_WEB}#key-1`,
        documentsWith({
          [didWebUrl(VICTIM_WEB)]: didDocument(VICTIM_WEB, {
            verificationMethod: [multikeyMethod(`${ATTACKER_WEB}#key-1`, VICTIM_WEB, w().attacker.ed)],
            assertionMethod: [`${ATTACKER_WEB}#key-1`],
          }),
        }),
      )(),
  },
  {
    cls: WRONG_METHOD_ID,
    variant: 'document lists the key as "key-1" (no #) when #key-1 is asked for (DI)',
    step: 'issuer',
    status: 'failed',
    build: async () =>
      di(
        VICTIM_WEB,
        w().attacker.ed,
        `${VICTIM_WEB}#key-1`,
        documentsWith({
          [didWebUrl(VICTIM_WEB)]: didDocument(VICTIM_WEB, {
            verificationMethod: [multikeyMethod('key-1', VICTIM_WEB, w().attacker.ed)],
            assertionMethod: ['key-1'],
          }),
        }),
      )(),
  },
  {
    cls: WRONG_METHOD_ID,
    variant: 'document lists #key-10 when #key-1 is asked for (JWT EdDSA)',
    step: 'issuer',
    status: 'failed',
    build: async () => ({
      ...(await jwt(VICTIM_WEB, `${VICTIM_WEB}#key-1`, w().attacker.ed)()),
      documents: documentsWith({
        [didWebUrl(VICTIM_WEB)]: didDocument(VICTIM_WEB, {
          verificationMethod: [multikeyMethod(`${VICTIM_WEB}#key-10`, VICTIM_WEB, w().attacker.ed)],
          assertionMethod: [`${VICTIM_WEB}#key-10`],
        }),
      }),
    }),
  },
];

interface Control {
  name: string;
  /** The step that carries the signature: `proof` or `proof.jwt`. */
  signature: 'proof' | 'proof.jwt';
  build(): Promise<Built>;
}

const CONTROLS: Control[] = [
  {
    name: 'did:key issuer signed by its own key (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => ({ input: w().genuine.didKey }),
  },
  {
    name: 'did:web issuer whose DID document lists the key under assertionMethod (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => ({ input: w().genuine.didWeb }),
  },
  {
    name: 'https issuer whose profile lists its key document under assertionMethod (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => di(profile(VICTIM_HTTPS), w().victim.https, VICTIM_KEY_URL)(),
  },
  {
    name: 'https issuer whose profile lists its fragment key under assertionMethod (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => di(profile(VICTIM_HTTPS), w().victim.httpsFragment, w().httpsFragmentMethod)(),
  },
  {
    name: 'path did:web issuer, method embedded under assertionMethod with a relative id (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => di(profile(VICTIM_PATH), w().victim.path, `${VICTIM_PATH}#key-1`)(),
  },
  { name: 'P-256 did:key issuer (ecdsa-rdfc-2019)', signature: 'proof', build: async () => ({ input: w().genuine.p256 }) },
  {
    name: 'P-256 did:web issuer, JsonWebKey method under assertionMethod (ecdsa-rdfc-2019)',
    signature: 'proof',
    build: async () => di(profile(VICTIM_WEB), w().victim.p256, `${VICTIM_WEB}#key-2`)(),
  },
  {
    name: 'did:key issuer with its own unprotected inline context (eddsa-rdfc-2022)',
    signature: 'proof',
    build: async () => ({ input: w().genuine.inlineContext }),
  },
  {
    name: 'ES256 VC-JWT, kid through the did:web issuer, iss = issuer',
    signature: 'proof.jwt',
    build: async () => jwt(VICTIM_WEB, `${VICTIM_WEB}#key-2`, w().victim.p256)(),
  },
  {
    name: 'EdDSA VC-JWT, kid through the did:web issuer, iss = issuer',
    signature: 'proof.jwt',
    build: async () => ({ input: w().genuineJwt }),
  },
  {
    name: 'EdDSA VC-JWT, kid through a path did:web issuer, iss = issuer',
    signature: 'proof.jwt',
    build: async () => jwt(profile(VICTIM_PATH), `${VICTIM_PATH}#key-1`, w().victim.path)(),
  },
  {
    name: 'ES256 VC-JWT, P-256 did:key issuer',
    signature: 'proof.jwt',
    build: async () => jwt(w().victimDidKeyP256, w().victimDidKeyP256Method, w().victim.didKeyP256)(),
  },
];

/** The steps that are not plainly passed, for the failure message. */
const notPassed = (report: Report): string =>
  JSON.stringify(
    report.steps.filter((s) => s.status !== 'passed').map((s) => `${s.id} ${s.status}: ${s.message}`),
    null,
    1,
  );

async function run(build: () => Promise<Built>): Promise<Report> {
  const { input, documents } = await build();
  return verifyCredential(input, { documents: documents ?? w().documents, now: NOW });
}

describe('forgery corpus (independent signers: digitalbazaar for Data Integrity, jose for VC-JWT)', () => {
  beforeAll(async () => {
    world = await buildWorld();
  });

  it('is large enough, with several variants of every class', () => {
    expect(FORGERIES.length).toBeGreaterThanOrEqual(50);
    expect(CONTROLS.length).toBeGreaterThanOrEqual(6);
    const perClass = new Map<string, number>();
    for (const f of FORGERIES) perClass.set(f.cls, (perClass.get(f.cls) ?? 0) + 1);
    for (const [cls, n] of perClass) expect(n, cls).toBeGreaterThanOrEqual(2);
    expect(new Set(FORGERIES.map((f) => `${f.cls} ${f.variant}`)).size).toBe(FORGERIES.length);
  });

  it.each(CONTROLS.map((c) => [c.name, c] as const))('control is valid: %s', async (_name, control) => {
    const report = await run(control.build);
    expect(report.verdict, notPassed(report)).toBe('valid');
    expect(report.steps.find((s) => s.id === control.signature)?.status, notPassed(report)).toBe('passed');
    expect(report.steps.find((s) => s.id === 'issuer')?.status, notPassed(report)).toBe('passed');
  });

  it.each(FORGERIES.map((f) => [`${f.cls} — ${f.variant}`, f] as const))('forgery is not valid: %s', async (_name, forgery) => {
    const report = await run(forgery.build);
    expect(report.verdict, notPassed(report)).not.toBe('valid');
    const named = report.steps.filter((s) => s.id === forgery.step);
    expect(
      named.map((s) => s.status),
      `${forgery.step} must be ${forgery.status}; ${notPassed(report)}`,
    ).toContain(forgery.status);
    if (forgery.status === 'failed') expect(report.verdict).toBe('invalid');
    if (forgery.message) expect(named.find((s) => s.status === forgery.status)?.message, notPassed(report)).toMatch(forgery.message);
  });
});

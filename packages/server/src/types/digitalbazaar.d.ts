// Minimal declarations for the digitalbazaar / digitalcredentials JavaScript packages we call.
declare module '@digitalbazaar/vc' {
  /** Sign a credential with a Data Integrity suite. */
  export function issue(opts: { credential: object; suite: unknown; documentLoader: unknown; now?: Date }): Promise<Record<string, unknown>>;
  /** Verify a signed credential. */
  export function verifyCredential(opts: { credential: object; suite: unknown; documentLoader: unknown; checkStatus?: unknown; now?: Date }): Promise<{ verified: boolean; error?: unknown }>;
}
declare module '@digitalbazaar/data-integrity' {
  /** A Data Integrity proof suite. */
  export class DataIntegrityProof {
    constructor(opts: { signer?: { id: string; algorithm: string; sign(opts: { data: Uint8Array }): Promise<Uint8Array> }; cryptosuite: unknown; date?: string | Date });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  /** The eddsa-rdfc-2022 cryptosuite. */
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  /** An Ed25519 Multikey key pair. */
  export function from(key: { id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase?: string | undefined }): Promise<{ signer(): { id: string; algorithm: string; sign(opts: { data: Uint8Array }): Promise<Uint8Array> } }>;
}

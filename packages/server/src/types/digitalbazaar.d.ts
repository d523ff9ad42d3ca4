// Minimal declarations for the digitalbazaar / digitalcredentials JavaScript packages we call.
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
  }): Promise<{
    verified: boolean;
    error?: unknown;
    results?: { verified?: boolean }[];
    statusResult?: { verified: boolean; error?: unknown; results?: { verified?: boolean; status?: boolean }[] };
  }>;
}
declare module '@digitalbazaar/data-integrity' {
  /** A Data Integrity proof suite. */
  export class DataIntegrityProof {
    constructor(opts: {
      signer?: { id: string; algorithm: string; sign(opts: { data: Uint8Array }): Promise<Uint8Array> };
      cryptosuite: unknown;
      date?: string | Date;
    });
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
  }): Promise<{ signer(): { id: string; algorithm: string; sign(opts: { data: Uint8Array }): Promise<Uint8Array> } }>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  /** Check a credential's BitstringStatusListEntry: loads and verifies the status list credential, reads the bit (`status` true = set). */
  export function checkStatus(opts: {
    credential: object;
    documentLoader: unknown;
    suite: unknown;
  }): Promise<{ verified: boolean; error?: unknown; results?: { verified?: boolean; status?: boolean }[] }>;
}

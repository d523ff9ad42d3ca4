/** Limits defined once and imported by the server (validation) and the web UI (form hints). */
export const LIMITS = {
  /** Largest JSON request body the API accepts, in bytes. */
  jsonBodyBytes: 1_000_000,
  /** Largest multipart upload body (the largest evidence file plus form overhead). */
  uploadBodyBytes: 26 * 1024 * 1024,
  /** Largest evidence file. */
  evidenceFileBytes: 25 * 1024 * 1024,
  /** Largest micro-credential image. */
  imageFileBytes: 2 * 1024 * 1024,
  /** Largest body the public verifier accepts (a baked image up to 10 MB, with headroom). */
  verifyBodyBytes: 11 * 1024 * 1024,
  /** Shortest password accepted at sign-up and reset. */
  passwordMinLength: 10,
  /** Longest password accepted (scrypt input is bounded to keep hashing cheap to abuse). */
  passwordMaxLength: 256,
  /** Longest display name. */
  nameMaxLength: 120,
  /** Organisation slug: lowercase letters, digits and dashes. */
  slugMaxLength: 48,
  /** Longest URL accepted in a profile, micro-credential or evidence field (it may become an IRI in a signed credential). */
  urlMaxLength: 2048,
} as const;

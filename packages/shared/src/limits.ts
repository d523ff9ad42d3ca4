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
  /** Longest text of one evidence item (a written response, or the note beside a link or file). */
  evidenceTextMaxLength: 50_000,
  /** Largest bulk-award CSV upload (refused from its Content-Length, or as soon as the stream passes it). */
  bulkCsvBytes: 50 * 1024 * 1024,
  /** Most data rows in one bulk-award CSV. */
  bulkCsvRows: 200_000,
  /** Longest narrative of an award. */
  awardNarrativeMaxLength: 5000,
} as const;

/** Fewest double-scored pairs before inter-rater agreement is published (fewer say "not enough double-scored submissions yet"). */
export const MIN_AGREEMENT_PAIRS = 10;

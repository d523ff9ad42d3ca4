declare module 'base58-universal' {
  /** Encode bytes as base58 (Bitcoin alphabet). */
  export function encode(input: Uint8Array, maxline?: number): string;
  /** Decode base58 (Bitcoin alphabet) to bytes. */
  export function decode(input: string): Uint8Array;
}

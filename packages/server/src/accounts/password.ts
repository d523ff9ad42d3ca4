import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { scrypt, timingSafeEqual } from 'node:crypto';

/** argon2id cost of new password hashes; every stored hash records the cost it was made with. */
export interface PasswordParams {
  /** Memory in KiB. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

/**
 * Production cost: argon2id, 19 MiB, 2 passes, 1 lane (OWASP Password Storage Cheat Sheet, about 20–40 ms
 * here). Tests inject a cheaper cost through `Deps.passwords`; nothing else should.
 */
export const DEFAULT_PASSWORD_PARAMS: PasswordParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** scrypt cost parameters of hashes made before argon2id (`scrypt$N$r$p$salt$hash`); verified, never made. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The argon2 variant id of argon2id in @node-rs/argon2's `Algorithm` enum. */
const ARGON2ID = 2;

const ARGON2ID_PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

function scryptDerive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Hash a password with argon2id (PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string, params: PasswordParams = DEFAULT_PASSWORD_PARAMS): Promise<string> {
  return argon2Hash(password.normalize('NFKC'), {
    algorithm: ARGON2ID,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
  });
}

/** Check a password against a stored argon2id or legacy scrypt hash; the comparison is constant-time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (ARGON2ID_PHC.test(stored)) {
    try {
      return await argon2Verify(stored, password.normalize('NFKC'));
    } catch {
      return false;
    }
  }
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // A stored hash is data: refuse absurd costs rather than let a bad row exhaust memory.
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || params.N > 2 ** 20 || params.r > 32 || params.p > 16) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptDerive(password, Buffer.from(salt, 'base64url'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash should be replaced at the next successful sign-in: not argon2id, or not at today's cost. */
export function needsRehash(stored: string, params: PasswordParams = DEFAULT_PASSWORD_PARAMS): boolean {
  const m = ARGON2ID_PHC.exec(stored);
  if (!m) return true;
  return Number(m[1]) !== params.memoryCost || Number(m[2]) !== params.timeCost || Number(m[3]) !== params.parallelism;
}

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Encrypts and decrypts private key material with the master key (AES-256-GCM). */
export class Keyring {
  private readonly key: Buffer;
  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.key = masterKey;
  }
  /** Encrypt bytes; output is `v1.<iv>.<tag>.<ciphertext>` in base64url, bound to `context` as AAD. */
  seal(plain: Uint8Array, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }
  /** Decrypt what `seal` produced with the same context; throws if tampered. */
  open(sealed: string, context: string): Buffer {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('Unrecognised sealed key format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
  }
}

/** Load the master key from TESSERA_MASTER_KEY, else from (or into) `<dataDir>/master.key` with mode 0600. */
export function loadMasterKey(opts: { hex?: string | undefined; dataDir: string }): { key: Buffer; source: 'env' | 'file' | 'generated' } {
  if (opts.hex) return { key: Buffer.from(opts.hex, 'hex'), source: 'env' };
  const file = join(opts.dataDir, 'master.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a 32-byte hex master key`);
    return { key: Buffer.from(hex, 'hex'), source: 'file' };
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, source: 'generated' };
}

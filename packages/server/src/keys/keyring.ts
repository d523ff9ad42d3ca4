import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** The id of a master key: a truncated SHA-256 of it under a fixed label (names the key without revealing it). */
export function masterKeyId(masterKey: Buffer): string {
  return `mk${createHash('sha256').update('tessera master key id\0').update(masterKey).digest('hex').slice(0, 16)}`;
}

/**
 * Encrypts and decrypts private key material with master keys (AES-256-GCM). It seals with the current key and
 * names that key's id in what it seals; it opens with whichever loaded key the sealed value names, so values
 * sealed under an older key stay readable while a rotation re-encrypts them.
 */
export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  /** The id of the key that seals. */
  readonly currentId: string;
  constructor(current: Buffer, older: readonly Buffer[] = []) {
    for (const k of [current, ...older]) {
      if (k.length !== 32) throw new Error('The master key must be 32 bytes');
      this.keys.set(masterKeyId(k), k);
    }
    this.currentId = masterKeyId(current);
  }
  /** Ids of every loaded key, the current one first. */
  get ids(): string[] {
    return [...this.keys.keys()];
  }
  /** Encrypt bytes; output is `v2.<master key id>.<iv>.<tag>.<ciphertext>` (base64url), bound to `context` as AAD. */
  seal(plain: Uint8Array, context: string): string {
    const key = this.keys.get(this.currentId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v2', this.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }
  /**
   * Decrypt what `seal` produced with the same context, with the master key it names; throws if that key is not
   * loaded or the value was tampered with. Values from before key ids (`v1`) are tried with every loaded key.
   */
  open(sealed: string, context: string): Buffer {
    const parts = sealed.split('.');
    if (parts[0] === 'v1' && parts.length === 4) {
      let last: unknown;
      for (const key of this.keys.values()) {
        try {
          return decrypt(key, parts[1] as string, parts[2] as string, parts[3] as string, context);
        } catch (err) {
          last = err;
        }
      }
      throw last instanceof Error ? last : new Error('Could not open a sealed value');
    }
    const [v, id, iv, tag, ct] = parts;
    if (v !== 'v2' || !id || !iv || !tag || ct === undefined || parts.length !== 5) throw new Error('Unrecognised sealed key format');
    const key = this.keys.get(id);
    if (!key) {
      throw new Error(
        `This value is sealed under master key ${id}, which is not loaded (loaded: ${this.ids.join(', ')}). If a master-key rotation was interrupted, run \`tessera rotate-master-key\` again.`,
      );
    }
    return decrypt(key, iv, tag, ct, context);
  }
  /** The id of the master key a sealed value names (null for values sealed before key ids). */
  static sealedWith(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts[0] === 'v2' && parts[1] ? parts[1] : null;
  }
}

function decrypt(key: Buffer, iv: string, tag: string, ct: string, context: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
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

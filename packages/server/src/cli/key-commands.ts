import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { signDataIntegrity } from '../credentials/index.js';
import { signVcJwt } from '../credentials/index.js';
import { ed25519FromMultikey, multikeyAlgorithm, multikeyFromP256Secret, p256SecretFromMultikey } from '@tessera/credentials';
import { signerOf } from '../keys/index.js';
import type { Signer } from '../keys/index.js';
import { ed25519PrivateKey, generateEd25519, generateP256, p256PrivateKey, p256PublicMultibase } from '../keys/index.js';
import { decodeEd25519SecretMultibase, didKeyOf, encodeEd25519SecretMultibase } from '../keys/index.js';
import { loadDocumentMap } from './verify-command.js';

/** The Multikey key file that `keygen` writes and `sign` reads: Ed25519 (`z6Mk…`) or P-256 (`zDn…`). */
export const KeyFile = z.object({
  did: z.string().optional(),
  id: z.string(),
  controller: z.string(),
  type: z.literal('Multikey'),
  publicKeyMultibase: z.string().regex(/^z(6Mk|Dn)/, { message: 'Must be an Ed25519 (z6Mk…) or P-256 (zDn…) Multikey' }),
  secretKeyMultibase: z.string().startsWith('z'),
});

/** Key types `keygen --type` makes. */
const KeyType = z.enum(['ed25519', 'p256']);

/** `tessera keygen [--type ed25519|p256] [--out FILE]`: a new did:key as a Multikey JSON file. */
export async function runKeygen(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, type: { type: 'string', default: 'ed25519' } } });
    const type = KeyType.safeParse(values.type);
    if (!type.success) throw new Error(`--type must be ed25519 or p256, not ${values.type}`);
    let publicKeyMultibase: string;
    let secretKeyMultibase: string;
    if (type.data === 'p256') {
      const k = generateP256();
      publicKeyMultibase = k.publicKeyMultibase;
      secretKeyMultibase = multikeyFromP256Secret(k.scalar);
    } else {
      const k = generateEd25519();
      publicKeyMultibase = k.publicKeyMultibase;
      secretKeyMultibase = encodeEd25519SecretMultibase(k.seed);
    }
    const { did, id } = didKeyOf(publicKeyMultibase);
    const json = `${JSON.stringify({ did, id, controller: did, type: 'Multikey', publicKeyMultibase, secretKeyMultibase }, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json, { mode: 0o600, flag: 'wx' });
      process.stdout.write(`${did}\n`);
    } else process.stdout.write(json);
    return 0;
  } catch (e) {
    process.stderr.write(`tessera keygen: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** A signer over a key file (the verification method defaults to the key's own id); a key whose halves disagree is refused. */
export function keyFileSigner(key: z.infer<typeof KeyFile>, verificationMethod?: string): Signer {
  const id = verificationMethod ?? key.id;
  if (multikeyAlgorithm(key.publicKeyMultibase) === 'P-256') {
    const privateKey = p256PrivateKey(p256SecretFromMultikey(key.secretKeyMultibase));
    if (p256PublicMultibase(privateKey) !== key.publicKeyMultibase) throw new Error('the secret key does not belong to publicKeyMultibase');
    return signerOf(id, privateKey);
  }
  return signerOf(id, ed25519PrivateKey(decodeEd25519SecretMultibase(key.secretKeyMultibase), ed25519FromMultikey(key.publicKeyMultibase)));
}

/**
 * `tessera sign FILE --key KEYFILE [--format di|jwt|both] [--verification-method URL] [--created ISO] [--documents MAP.json]`.
 * `--documents` supplies JSON-LD contexts that are not bundled. A P-256 key signs JWTs (ES256) only.
 */
export async function runSign(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        format: { type: 'string', default: 'di' },
        'verification-method': { type: 'string' },
        created: { type: 'string' },
        documents: { type: 'string' },
      },
    });
    const [file] = positionals;
    if (!file || !values.key)
      throw new Error(
        'usage: tessera sign FILE --key KEYFILE [--format di|jwt|both] [--verification-method URL] [--created ISO] [--documents MAP.json]',
      );
    if (!['di', 'jwt', 'both'].includes(values.format ?? '')) throw new Error('--format must be di, jwt or both');
    const parsedKey = KeyFile.safeParse(JSON.parse(await readFile(values.key, 'utf8')));
    if (!parsedKey.success)
      throw new Error(
        `${values.key} is not a Multikey key file: ${parsedKey.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const credential = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const created = values.created ? new Date(values.created) : new Date();
    if (Number.isNaN(created.getTime())) throw new Error(`--created is not a date: ${values.created}`);
    const signer = keyFileSigner(parsedKey.data, values['verification-method']);
    if (signer.algorithm !== 'Ed25519' && values.format !== 'jwt')
      throw new Error(
        `${values.key} is a ${signer.algorithm} key: it signs JWTs (--format jwt, ES256); Data Integrity proofs (eddsa-rdfc-2022) need an Ed25519 key`,
      );
    const documents = values.documents ? await loadDocumentMap(values.documents) : undefined;
    if (values.format === 'jwt') {
      process.stdout.write(`${await signVcJwt(credential, signer)}\n`);
      return 0;
    }
    const signed = await signDataIntegrity(credential, signer, created, documents);
    if (values.format === 'both')
      process.stdout.write(`${JSON.stringify({ credential: signed, jwt: await signVcJwt(credential, signer) }, null, 2)}\n`);
    else process.stdout.write(`${JSON.stringify(signed, null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`tessera sign: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

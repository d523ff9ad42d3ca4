import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { signDataIntegrity } from '../credentials/sign.js';
import { signVcJwt } from '../credentials/sign-jwt.js';
import type { Signer } from '../keys/load-signer.js';
import { ed25519PrivateKey, ed25519Sign, generateEd25519 } from '../keys/material.js';
import { decodeEd25519PublicMultibase, decodeEd25519SecretMultibase, ed25519DidKey, encodeEd25519SecretMultibase } from '../keys/multikey.js';

/** The Multikey key file that `keygen` writes and `sign` reads. */
export const KeyFile = z.object({
  did: z.string().optional(),
  id: z.string(),
  controller: z.string(),
  type: z.literal('Multikey'),
  publicKeyMultibase: z.string().startsWith('z6Mk'),
  secretKeyMultibase: z.string().startsWith('z'),
});

/** `tessera keygen [--out FILE]`: a new Ed25519 did:key as a Multikey JSON file. */
export async function runKeygen(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
    const k = generateEd25519();
    const { did, id } = ed25519DidKey(k.publicKeyMultibase);
    const json = `${JSON.stringify({ did, id, controller: did, type: 'Multikey', publicKeyMultibase: k.publicKeyMultibase, secretKeyMultibase: encodeEd25519SecretMultibase(k.seed) }, null, 2)}\n`;
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

/** A signer over a key file (the verification method defaults to the key's own id). */
export function keyFileSigner(key: z.infer<typeof KeyFile>, verificationMethod?: string): Signer {
  const privateKey = ed25519PrivateKey(decodeEd25519SecretMultibase(key.secretKeyMultibase), decodeEd25519PublicMultibase(key.publicKeyMultibase));
  return { id: verificationMethod ?? key.id, algorithm: 'Ed25519', sign: async ({ data }) => ed25519Sign(privateKey, data) };
}

/** `tessera sign FILE --key KEYFILE [--format di|jwt|both] [--verification-method URL] [--created ISO]`. */
export async function runSign(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: 'string' }, format: { type: 'string', default: 'di' }, 'verification-method': { type: 'string' }, created: { type: 'string' } },
    });
    const [file] = positionals;
    if (!file || !values.key) throw new Error('usage: tessera sign FILE --key KEYFILE [--format di|jwt|both] [--verification-method URL] [--created ISO]');
    if (!['di', 'jwt', 'both'].includes(values.format ?? '')) throw new Error('--format must be di, jwt or both');
    const parsedKey = KeyFile.safeParse(JSON.parse(await readFile(values.key, 'utf8')));
    if (!parsedKey.success) throw new Error(`${values.key} is not a Multikey key file: ${parsedKey.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const credential = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const created = values.created ? new Date(values.created) : new Date();
    if (Number.isNaN(created.getTime())) throw new Error(`--created is not a date: ${values.created}`);
    const signer = keyFileSigner(parsedKey.data, values['verification-method']);
    if (values.format === 'jwt') {
      process.stdout.write(`${await signVcJwt(credential, signer)}\n`);
      return 0;
    }
    const signed = await signDataIntegrity(credential, signer, created);
    if (values.format === 'both') process.stdout.write(`${JSON.stringify({ credential: signed, jwt: await signVcJwt(credential, signer) }, null, 2)}\n`);
    else process.stdout.write(`${JSON.stringify(signed, null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`tessera sign: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

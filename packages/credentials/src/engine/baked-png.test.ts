import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { MAX_IMAGE_BYTES, PNG_KEYWORD_OB3, bakePng, extractFromPng } from './baked.js';
import { seedSigner, signDataIntegrity } from './data-integrity.js';
import { ed25519PrivateKey, signJwt } from './jwt.js';
import { multikeyFromEd25519 } from './multikey.js';
import { verifyCredential } from './verify.js';

const VECTOR_DIR = new URL('../../test/fixtures/ob3-spec-test-vector/obv3p0/', import.meta.url);
const vector = JSON.parse(readFileSync(new URL('test-vector.json', VECTOR_DIR), 'utf8')) as {
  keyPair: { privateKeyHex: string; verificationMethod: string };
  unsignedCredential: Record<string, unknown>;
  proofOptions: { created: string };
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1 × 1 PNG with a tEXt comment, so baking can be seen to keep the chunks it does not own. */
function png(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('tEXt', Buffer.from('Comment\0drawn by hand', 'latin1')),
      chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1])),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** The chunk types of a PNG, in order. */
function chunkTypes(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const types: string[] = [];
  for (let at = 8; at < b.length; at += 12 + b.readUInt32BE(at)) types.push(b.toString('latin1', at + 4, at + 8));
  return types;
}

describe('baked PNG (OB 3.0: iTXt chunk with keyword openbadgecredential)', () => {
  it('round-trips JSON with any Unicode, in an uncompressed iTXt chunk just before IEND, keeping the other chunks', () => {
    const json = JSON.stringify({ id: 'urn:uuid:1', name: 'Évaluation en ligne — 在线评估 ✓' });
    const baked = bakePng(png(), json);
    expect(chunkTypes(baked)).toEqual(['IHDR', 'tEXt', 'IDAT', 'iTXt', 'IEND']);
    expect(Buffer.from(baked).toString('latin1')).toContain(`iTXt${PNG_KEYWORD_OB3}\0\0\0\0\0{`);
    expect(extractFromPng(baked)).toEqual({ text: json, standard: 'ob3' });
  });

  it('round-trips a compact JWT, and re-baking replaces the credential instead of adding a second one', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln';
    const once = bakePng(png(), '{"id":"urn:uuid:old"}');
    const twice = bakePng(once, jwt);
    expect(chunkTypes(twice).filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(extractFromPng(twice)).toEqual({ text: jwt, standard: 'ob3' });
  });

  it('finds nothing in an unbaked PNG, and refuses a corrupted or oversized one', () => {
    expect(extractFromPng(png())).toBeNull();
    const baked = Buffer.from(bakePng(png(), '{"id":"urn:uuid:1"}'));
    // Flip a byte inside the credential chunk: its CRC no longer matches.
    baked.writeUInt8(baked.readUInt8(baked.length - 20) ^ 0xff, baked.length - 20);
    expect(() => extractFromPng(baked)).toThrow(/CRC mismatch/);
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
    huge.set(png());
    expect(() => bakePng(huge, '{}')).toThrow(/larger than/);
  });

  it('a baked PNG of a signed credential verifies as valid, in both proof forms', async () => {
    const signed = await signDataIntegrity(vector.unsignedCredential, {
      signer: seedSigner(Buffer.from(vector.keyPair.privateKeyHex, 'hex').subarray(0, 32), vector.keyPair.verificationMethod),
      created: vector.proofOptions.created,
      loader: documentLoader(),
    });
    const issuer = String((vector.unsignedCredential['issuer'] as { id: string }).id);
    const documents = new Map([[issuer, { id: issuer, assertionMethod: [vector.keyPair.verificationMethod] }]]);
    const report = await verifyCredential(bakePng(png(), JSON.stringify(signed)), { now: new Date('2024-01-01T00:00:00Z'), documents });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const multikey = multikeyFromEd25519(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
    const did = `did:key:${multikey}`;
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const jwt = await signJwt(
      { ...vector.unsignedCredential, issuer: { ...(vector.unsignedCredential['issuer'] as object), id: did } },
      { key: ed25519PrivateKey(seed), alg: 'EdDSA', kid: `${did}#${multikey}` },
    );
    const jwtReport = await verifyCredential(bakePng(png(), jwt), {});
    expect(jwtReport.verdict, JSON.stringify(jwtReport.steps)).toBe('valid');
  });

  it('a tampered baked credential does not verify, and the report names the proof', async () => {
    const signed = await signDataIntegrity(vector.unsignedCredential, {
      signer: seedSigner(Buffer.from(vector.keyPair.privateKeyHex, 'hex').subarray(0, 32), vector.keyPair.verificationMethod),
      created: vector.proofOptions.created,
      loader: documentLoader(),
    });
    const tampered = { ...signed, name: `${String(signed['name'])} (edited)` };
    const issuer = String((vector.unsignedCredential['issuer'] as { id: string }).id);
    const documents = new Map([[issuer, { id: issuer, assertionMethod: [vector.keyPair.verificationMethod] }]]);
    const report = await verifyCredential(bakePng(png(), JSON.stringify(tampered)), { now: new Date('2024-01-01T00:00:00Z'), documents });
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.status === 'failed')?.id).toBe('proof');
  });
});

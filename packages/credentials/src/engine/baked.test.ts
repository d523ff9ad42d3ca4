import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SVG_DEPTH, MAX_TEXT_BYTES, bakePng, bakeSvg, extractFromPng, extractFromSvg } from './baked.js';
import { verifyCredential } from './verify.js';

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"';
const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A compressed iTXt chunk: keyword, flag 1, method 0, empty language and translated keyword, deflated text. */
function compressedItxt(keyword: string, text: Buffer): Buffer {
  return chunk('iTXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 1, 0, 0, 0]), deflateSync(text, { level: 9 })]));
}

function png(...middle: Buffer[]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      ...middle,
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function timed<T>(f: () => T): { ms: number; value: T | Error } {
  const start = performance.now();
  let value: T | Error;
  try {
    value = f();
  } catch (e) {
    value = e as Error;
  }
  return { ms: performance.now() - start, value };
}

describe('baked SVG: hostile nesting', () => {
  it('refuses 100,000 nested <g> (1.2 MB) in well under a second, naming the depth limit', () => {
    const depth = 100_000;
    const svg = `<svg ${SVG_NS}>${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;
    expect(svg.length).toBeGreaterThan(700_000);
    const { ms, value } = timed(() => extractFromSvg(svg));
    expect(value).toBeInstanceOf(Error);
    expect((value as Error).message).toBe(`The SVG nests elements more than ${MAX_SVG_DEPTH} deep`);
    expect(ms).toBeLessThan(1000);
  });

  it('the engine reports such an SVG as an unreadable image at the parse step', async () => {
    const svg = `<svg ${SVG_NS}>${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}</svg>`;
    const report = await verifyCredential(new TextEncoder().encode(svg));
    expect(report.steps[0]).toMatchObject({
      id: 'parse',
      status: 'failed',
      message: expect.stringContaining(`more than ${MAX_SVG_DEPTH} deep`),
    });
  });

  it('still reads a credential nested just under the limit', () => {
    const levels = MAX_SVG_DEPTH - 2;
    const svg = `<svg ${SVG_NS}>${'<g>'.repeat(levels)}<openbadges:credential verify="${JWT}"/>${'</g>'.repeat(levels)}</svg>`;
    expect(extractFromSvg(svg)).toEqual({ text: JWT, standard: 'ob3' });
  });

  it('stops reading at the end of the credential element: what follows is never parsed', () => {
    const baked = bakeSvg(`<svg ${SVG_NS}><rect/></svg>`, JWT);
    // Everything after the credential is broken XML and nested past the limit; a full parse would refuse it.
    const tail = `${'<g>'.repeat(100_000)}</not-closed>`;
    const hostile = baked.replace('<rect/>', `<rect/>${tail}`);
    const { ms, value } = timed(() => extractFromSvg(hostile));
    expect(value).toEqual({ text: JWT, standard: 'ob3' });
    expect(ms).toBeLessThan(1000);
  });
});

describe('baked PNG: decompression bombs', () => {
  it('refuses a credential chunk that inflates past the cap, saying so', () => {
    const bomb = png(compressedItxt('openbadgecredential', Buffer.alloc(MAX_TEXT_BYTES + 1, 0x20)));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => extractFromPng(bomb)).toThrow(`The compressed openbadgecredential text inflates to more than ${MAX_TEXT_BYTES} bytes`);
  });

  it('never inflates text chunks that are not the credential (1,000 chunks of 2 MB each cost nothing)', () => {
    const filler = compressedItxt('Comment', Buffer.alloc(MAX_TEXT_BYTES - 1, 0x20));
    const bombs = png(...Array.from({ length: 1000 }, () => filler), compressedItxt('openbadgecredential', Buffer.from(JWT)));
    expect(bombs.length).toBeLessThan(4_000_000);
    const { ms, value } = timed(() => extractFromPng(bombs));
    expect(value).toEqual({ text: JWT, standard: 'ob3' });
    expect(ms).toBeLessThan(1000);
  });

  it('re-baking replaces a compressed credential chunk without inflating it', () => {
    const bomb = png(compressedItxt('openbadgecredential', Buffer.alloc(MAX_TEXT_BYTES + 1, 0x20)));
    expect(extractFromPng(bakePng(bomb, JWT))).toEqual({ text: JWT, standard: 'ob3' });
  });
});

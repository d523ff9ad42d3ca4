import { extractFromPng, bakePng } from '@tessera/credentials';
import { describe, expect, it } from 'vitest';
import { BADGE_PIXELS, badgeAsPng, badgeAsSvg, badgeForPdf, isSelfContainedSvg } from './badge-image.js';
import { certificatePdf } from './certificate.js';
import { credentialPageView } from '../testing/credential-page-view.js';

/** An 8 × 8 grey baseline JPEG, written marker by marker: one quantisation table, one-symbol Huffman tables, DC 0 and EOB. */
function greyJpeg(): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const oneSymbolTable = (tableClass: number) => [tableClass, 1, ...Array<number>(15).fill(0), 0];
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneSymbolTable(0x00)),
    ...segment(0xc4, oneSymbolTable(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ]);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#2f3e9e"/></svg>';
const svgImage = (text: string) => ({ bytes: new TextEncoder().encode(text), mimeType: 'image/svg+xml' });

describe('badge images drawn for PNG baking and the PDF', () => {
  it('draws an SVG as a 512 px PNG', () => {
    const png = badgeAsPng(svgImage(SVG));
    expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngSize(png)).toEqual({ width: BADGE_PIXELS, height: BADGE_PIXELS });
  });

  it('keeps a PNG as it is, and draws a JPEG as PNG', () => {
    const png = badgeAsPng(svgImage(SVG));
    expect(badgeAsPng({ bytes: png, mimeType: 'image/png' })).toBe(png);
    const fromJpeg = badgeAsPng({ bytes: greyJpeg(), mimeType: 'image/jpeg' });
    expect(pngSize(fromJpeg)).toEqual({ width: BADGE_PIXELS, height: BADGE_PIXELS });
  });

  it('wraps a raster image in SVG, so a baked SVG exists for every badge', () => {
    const svg = badgeAsSvg({ bytes: greyJpeg(), mimeType: 'image/jpeg' }) ?? '';
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><image href="data:image\/jpeg;base64,\/9j\//);
    expect(badgeAsSvg({ bytes: new Uint8Array([1]), mimeType: 'application/pdf' })).toBeNull();
  });

  it('never hands the rasteriser an SVG that points outside itself (resvg reads image paths from disk)', () => {
    expect(isSelfContainedSvg(SVG)).toBe(true);
    expect(isSelfContainedSvg('<svg><use href="#a"/><image href="data:image/png;base64,AAAA"/></svg>')).toBe(true);
    for (const hostile of [
      '<svg><image href="/var/lib/tessera/files/evidence.png"/></svg>',
      "<svg><image xlink:href='file:///etc/x.png'/></svg>",
      '<svg><image href="&#47;etc/x.png"/></svg>',
      '<svg><image href="https://tracker.example/x.png"/></svg>',
      '<svg><style>@import "x.css";</style></svg>',
      '<svg><rect style="fill:url(/x.png)"/></svg>',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    ]) {
      expect({ hostile, ok: isSelfContainedSvg(hostile) }).toEqual({ hostile, ok: false });
      expect(() => badgeAsPng(svgImage(hostile))).toThrow();
    }
  });

  it('gives the PDF PNG or JPEG bytes, JPEG as it is, and null for what cannot be drawn', () => {
    const jpeg = greyJpeg();
    expect(badgeForPdf({ bytes: jpeg, mimeType: 'image/jpeg' })).toBe(jpeg);
    expect(badgeForPdf(svgImage('<svg xmlns="http://www.w3.org/2000/svg"><rect'))).toBeNull();
    expect(badgeForPdf({ bytes: new Uint8Array([1, 2, 3]), mimeType: 'application/octet-stream' })).toBeNull();
  });

  it('puts a JPEG badge into the certificate as a DCT image', async () => {
    const view = credentialPageView(4, {
      credential: { name: 'Teamwork', issuer: { name: 'Issuer Example' }, credentialSubject: { achievement: { name: 'Teamwork' } } },
    });
    const pdf = Buffer.from(await certificatePdf(view, greyJpeg())).toString('latin1');
    expect(pdf).toContain('/DCTDecode');
    expect(pdf).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 8/);
  });

  it('a drawn badge carries a baked credential through bake and unbake', () => {
    const png = badgeAsPng({ bytes: greyJpeg(), mimeType: 'image/jpeg' });
    expect(extractFromPng(bakePng(png, '{"id":"urn:example:1"}'))).toEqual({ text: '{"id":"urn:example:1"}', standard: 'ob3' });
  });
});

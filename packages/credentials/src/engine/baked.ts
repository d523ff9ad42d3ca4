import { crc32, inflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';

/** Largest image accepted for extraction (bytes). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Largest inflated text chunk (bytes), against decompression bombs. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** OB 3.0 PNG keyword. */
export const PNG_KEYWORD_OB3 = 'openbadgecredential';
/** OB 2.0 PNG keyword. */
export const PNG_KEYWORD_OB2 = 'openbadges';

/** What a baked image holds: the credential text (JSON or JWT, or an OB 2.0 URL), and which standard baked it. */
export interface BakedContent {
  text: string;
  standard: 'ob3' | 'ob2';
}

/** Whether bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE);
}

interface Chunk {
  type: string;
  data: Buffer;
  start: number;
  end: number;
}

function chunks(bytes: Uint8Array): Chunk[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isPng(buf)) throw new Error('Not a PNG image');
  if (buf.length > MAX_IMAGE_BYTES) throw new Error(`The image is larger than ${MAX_IMAGE_BYTES} bytes`);
  const out: Chunk[] = [];
  let at = 8;
  while (at < buf.length) {
    if (at + 12 > buf.length) throw new Error('The PNG is truncated');
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buf.length) throw new Error('The PNG is truncated');
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) >>> 0 !== buf.readUInt32BE(at + 8 + length))
      throw new Error(`The PNG ${type} chunk is corrupt (CRC mismatch)`);
    out.push({ type, data, start: at, end });
    at = end;
    if (type === 'IEND') break;
  }
  return out;
}

function keywordOf(chunk: Chunk): string | null {
  if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') return null;
  const nul = chunk.data.indexOf(0);
  return nul < 0 ? null : chunk.data.toString('latin1', 0, nul);
}

/** The text of a tEXt or iTXt chunk; compressed text is inflated to at most MAX_TEXT_BYTES. */
function textOf(chunk: Chunk): string | null {
  const nul = chunk.data.indexOf(0);
  if (nul < 0) return null;
  if (chunk.type === 'tEXt') return chunk.data.toString('latin1', nul + 1);
  if (chunk.type !== 'iTXt') return null;
  const compressed = chunk.data[nul + 1] === 1;
  let at = nul + 3;
  for (let i = 0; i < 2; i++) {
    const next = chunk.data.indexOf(0, at);
    if (next < 0) return null;
    at = next + 1;
  }
  const body = chunk.data.subarray(at);
  if (!compressed) return body.toString('utf8');
  try {
    return inflateSync(body, { maxOutputLength: MAX_TEXT_BYTES }).toString('utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`The compressed ${keywordOf(chunk) ?? ''} text inflates to more than ${MAX_TEXT_BYTES} bytes`, { cause: e });
    throw new Error(`The compressed ${keywordOf(chunk) ?? ''} text is corrupt`, { cause: e });
  }
}

/** The credential baked into a PNG (OB 3.0 `openbadgecredential`, or OB 2.0 `openbadges`), or null. */
export function extractFromPng(bytes: Uint8Array): BakedContent | null {
  // Only the credential's own chunk is ever inflated: other text chunks are skipped by keyword, so a PNG
  // full of compressed chunks costs no more than one capped inflation.
  for (const c of chunks(bytes)) {
    const keyword = keywordOf(c);
    if (keyword !== PNG_KEYWORD_OB3 && keyword !== PNG_KEYWORD_OB2) continue;
    const text = textOf(c);
    if (text !== null) return { text, standard: keyword === PNG_KEYWORD_OB3 ? 'ob3' : 'ob2' };
  }
  return null;
}

function itxt(keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('iTXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Bake a credential (JSON text or compact JWT) into a PNG; an earlier baked credential is replaced, other chunks kept. */
export function bakePng(image: Uint8Array, credential: string): Uint8Array {
  const list = chunks(image);
  const buf = Buffer.from(image);
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const c of list) {
    const keyword = keywordOf(c);
    if (keyword === PNG_KEYWORD_OB3 || keyword === PNG_KEYWORD_OB2) continue;
    if (c.type === 'IEND') parts.push(itxt(PNG_KEYWORD_OB3, credential));
    parts.push(buf.subarray(c.start, c.end));
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Deepest element nesting read in an SVG; deeper documents are refused (the XML parser's cost grows with depth). */
export const MAX_SVG_DEPTH = 64;

/** Thrown from a parser handler to stop reading once the credential is found. */
const FOUND = new Error('The credential was found');

/**
 * The credential baked into an SVG (`openbadges:credential`, or OB 2.0 `openbadges:assertion`), or null. DTDs
 * are refused; so is nesting deeper than MAX_SVG_DEPTH. Reading stops at the end of the first credential element.
 */
export function extractFromSvg(text: string): BakedContent | null {
  if (text.length > MAX_IMAGE_BYTES) throw new Error(`The image is larger than ${MAX_IMAGE_BYTES} bytes`);
  // An external DOCTYPE (the usual SVG 1.1 one) is harmless: it is never fetched. Internal subsets and entity
  // declarations are refused outright, so no entity is ever expanded or resolved.
  if (/<!DOCTYPE[^>]*\[/i.test(text) || /<!ENTITY/i.test(text)) throw new Error('SVG documents that declare entities are refused');
  const parser = new SaxesParser({ xmlns: true });
  let found: BakedContent | null = null;
  let capturing: { standard: 'ob3' | 'ob2'; verify: string | null; text: string } | null = null;
  let root = true;
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_SVG_DEPTH) throw new Error(`The SVG nests elements more than ${MAX_SVG_DEPTH} deep`);
    if (root) {
      root = false;
      if (tag.local !== 'svg') throw new Error('Not an SVG image');
    }
    const ns = tag.uri;
    const isOb3 = tag.local === 'credential' && ns === 'https://purl.imsglobal.org/ob/v3p0';
    const isOb2 = tag.local === 'assertion' && ns === 'http://openbadges.org';
    if (!found && (isOb3 || isOb2)) {
      const verify = Object.values(tag.attributes).find((a) => typeof a === 'object' && a.local === 'verify');
      capturing = { standard: isOb3 ? 'ob3' : 'ob2', verify: typeof verify === 'object' ? verify.value : null, text: '' };
    }
  });
  const collect = (t: string) => {
    if (capturing) capturing.text += t;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', (tag) => {
    depth--;
    if (capturing && (tag.local === 'credential' || tag.local === 'assertion')) {
      const body = capturing.text.trim();
      found = { text: body || capturing.verify || '', standard: capturing.standard };
      capturing = null;
      throw FOUND;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e !== FOUND) throw e;
  }
  return found;
}

/** Bake a credential into an SVG as the first child of the root element (JSON in CDATA, a JWT in `verify`). */
export function bakeSvg(svg: string, credential: string): string {
  const cleaned = svg.replace(/<openbadges:credential[\s\S]*?(<\/openbadges:credential>|\/>)/g, '');
  const open = /<svg\b[^>]*>/.exec(cleaned);
  if (!open) throw new Error('Not an SVG image');
  let tag = open[0];
  if (!/xmlns:openbadges=/.test(tag)) tag = tag.replace(/<svg\b/, '<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
  const jwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential.trim());
  const element = jwt
    ? `<openbadges:credential verify="${credential.trim()}"/>`
    : `<openbadges:credential><![CDATA[${credential.replaceAll(']]>', ']]]]><![CDATA[>')}]]></openbadges:credential>`;
  return cleaned.slice(0, open.index) + tag + element + cleaned.slice(open.index + open[0].length);
}

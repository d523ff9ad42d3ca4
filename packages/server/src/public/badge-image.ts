import { Resvg } from '@resvg/resvg-js';

/** A micro-credential's image as stored: its bytes and media type. */
export interface BadgeImage {
  bytes: Uint8Array;
  mimeType: string;
}

/** Width in pixels of a rasterised badge (the default badge is drawn on 512 × 512). */
export const BADGE_PIXELS = 512;

const RASTER_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Whether an SVG may be handed to the rasteriser: no entity declarations, and every `href` is an in-document
 * `#fragment` or a `data:image/…` URI. resvg would otherwise read image files named by a path from this
 * server's disk into a public PNG.
 */
export function isSelfContainedSvg(svg: string): boolean {
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(svg)) return false;
  for (const m of svg.matchAll(/\bhref\s*=\s*(["'])([^"']*)\1/gi)) {
    const target = m[2] ?? '';
    if (!target.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);base64,/i.test(target)) return false;
  }
  return !/\bhref\s*=\s*[^\s"']/i.test(svg) && !/@import|url\(\s*["']?(?!#)/i.test(svg);
}

/** A raster image as a square SVG that shows it whole (so any badge image can carry a baked SVG credential). */
export function rasterAsSvg(image: BadgeImage): string {
  const data = `data:${image.mimeType};base64,${Buffer.from(image.bytes).toString('base64')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_PIXELS}" height="${BADGE_PIXELS}" viewBox="0 0 ${BADGE_PIXELS} ${BADGE_PIXELS}"><image href="${data}" width="${BADGE_PIXELS}" height="${BADGE_PIXELS}"/></svg>`;
}

/** The badge image as SVG text: an SVG as it is, a raster image wrapped; null for any other type. */
export function badgeAsSvg(image: BadgeImage): string | null {
  if (image.mimeType === 'image/svg+xml') return Buffer.from(image.bytes).toString('utf8');
  return RASTER_TYPES.includes(image.mimeType) ? rasterAsSvg(image) : null;
}

/**
 * The badge image as PNG bytes: a PNG as it is; an SVG, JPEG, GIF or WebP drawn by resvg at BADGE_PIXELS wide
 * (generic sans-serif text in DejaVu Sans, Debian's default, when the system has it).
 * Throws when the image cannot be drawn (an unknown type, an SVG that is not self-contained, or a broken image).
 */
export function badgeAsPng(image: BadgeImage): Uint8Array {
  if (image.mimeType === 'image/png') return image.bytes;
  const svg = badgeAsSvg(image);
  if (svg === null) throw new Error(`A ${image.mimeType} image cannot be drawn as PNG`);
  if (!isSelfContainedSvg(svg)) throw new Error('The SVG refers to resources outside itself, so it is not drawn');
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: BADGE_PIXELS },
    font: { loadSystemFonts: true, sansSerifFamily: 'DejaVu Sans' },
  }).render();
  if (rendered.width === 0 || rendered.height === 0) throw new Error('The image has no area');
  return new Uint8Array(rendered.asPng());
}

/** The badge image as pdfkit can draw it (PNG or JPEG bytes), or null when it cannot be drawn: the certificate then has none. */
export function badgeForPdf(image: BadgeImage): Uint8Array | null {
  if (image.mimeType === 'image/jpeg') return image.bytes;
  try {
    return badgeAsPng(image);
  } catch {
    return null;
  }
}

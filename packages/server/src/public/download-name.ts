/** Longest file-name stem a download gets (the extension comes on top). */
const MAX_STEM = 80;

/**
 * The stem of a download's file name from the achievement's name: lowercase words joined by dashes, accents
 * dropped, letters of any script kept (e.g. "Online Assessment Design" → `online-assessment-design`).
 */
export function downloadStem(achievementName: string): string {
  const stem = achievementName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  return stem || 'credential';
}

/** A download's file name: the achievement's stem, an optional suffix (`qr`), and the extension. */
export function downloadName(achievementName: string, ext: 'pdf' | 'svg' | 'png' | 'json' | 'jwt', suffix?: string): string {
  return `${downloadStem(achievementName)}${suffix ? `-${suffix}` : ''}.${ext}`;
}

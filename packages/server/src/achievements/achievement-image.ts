import type { Deps } from '../context.js';
import { findFile } from '../files/index.js';
import { AppError } from '../shared/errors.js';
import { can } from '../orgs/index.js';
import { findOrgWithRole } from '../orgs/index.js';
import type { Content } from './content.js';
import { readContent } from './content.js';
import { findAchievementWithOrg, findVersion } from './store.js';

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line + ' ' + word).trim().length > width && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]?.slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}

/** A default badge image: a hexagon in the organisation's colour with the micro-credential's name. */
export function defaultBadgeSvg(opts: { name: string; orgName: string; color: string }): string {
  const lines = wrap(opts.name, 16, 4);
  const startY = 256 - (lines.length - 1) * 17;
  const text = lines.map((l, i) => `<tspan x="256" y="${startY + i * 34}">${escapeXml(l)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img" aria-label="${escapeXml(opts.name)}">
<title>${escapeXml(opts.name)}</title>
<polygon points="256,16 464,136 464,376 256,496 48,376 48,136" fill="${opts.color}"/>
<polygon points="256,44 440,150 440,362 256,468 72,362 72,150" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="6"/>
<text font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="700" fill="#ffffff" text-anchor="middle">${text}</text>
<text x="256" y="420" font-family="Helvetica, Arial, sans-serif" font-size="18" fill="#ffffff" text-anchor="middle">${escapeXml(opts.orgName.slice(0, 40))}</text>
</svg>`;
}

/**
 * The image bytes of a micro-credential: its uploaded image, or the generated default. The public sees the latest
 * published version only (a draft's name and image are not public; a never-published one is 404); members of the
 * organisation see the draft they are editing. `draft` says which one was served.
 */
export async function getAchievementImage(
  deps: Deps,
  opts: { achievementId: string; viewerId: string | null },
): Promise<{ bytes: Uint8Array; mimeType: string; draft: boolean }> {
  const found = await findAchievementWithOrg(deps.db, opts.achievementId);
  if (!found) throw new AppError('not_found', 'No such micro-credential');
  const membership = opts.viewerId ? await findOrgWithRole(deps.db, found.org.slug, opts.viewerId) : undefined;
  const draft = membership !== undefined && can(membership.role, 'achievements.list');
  let content: Content;
  if (draft) content = readContent(found.achievement.draft);
  else {
    const version = found.achievement.latestVersionId ? await findVersion(deps.db, found.achievement.latestVersionId) : undefined;
    if (!version) throw new AppError('not_found', 'No such micro-credential');
    content = readContent(version.content);
  }
  if (content.imageFileId) {
    const file = await findFile(deps.db, content.imageFileId);
    if (file && file.purpose === 'image') return { bytes: await deps.storage.get(file.storageKey), mimeType: file.mimeType, draft };
  }
  return {
    bytes: Buffer.from(defaultBadgeSvg({ name: content.name, orgName: found.org.name, color: found.org.brandColor })),
    mimeType: 'image/svg+xml',
    draft,
  };
}

/** Safe link helpers for user-supplied URLs and redirect targets. */

/** The URL if it is http(s), else null (never render javascript: or data: links). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A post-sign-in target from `?next=`, limited to paths inside the app (no open redirects).
 * Returns a path relative to the router basename (/app).
 */
export function safeNext(next: string | null): string {
  if (!next) return '/';
  if (!next.startsWith('/app/') && next !== '/app') return '/';
  if (next.startsWith('//') || next.includes('\\')) return '/';
  const inner = next.slice('/app'.length);
  return inner === '' ? '/' : inner;
}

/** `/app` + router path, for `?next=` values. */
export function appPath(routerPath: string): string {
  return `/app${routerPath === '/' ? '' : routerPath}`;
}

/** Split text into plain parts and http(s) links, for rendering emails with clickable links. */
export function linkify(text: string): Array<{ kind: 'text' | 'link'; value: string }> {
  const parts: Array<{ kind: 'text' | 'link'; value: string }> = [];
  const re = /https?:\/\/[^\s<>"')\]]+/g;
  let last = 0;
  for (const match of text.matchAll(re)) {
    const index = match.index;
    let url = match[0];
    // Trailing punctuation usually ends the sentence, not the URL.
    const trail = /[.,;:!?]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    if (index > last) parts.push({ kind: 'text', value: text.slice(last, index) });
    parts.push({ kind: safeHref(url) ? 'link' : 'text', value: url });
    last = index + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}

/** Format an ISO timestamp for people. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

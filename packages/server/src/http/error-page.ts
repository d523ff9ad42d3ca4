import { html, page } from '../public/index.js';

/** What a browser's error page needs to know. */
export interface ErrorPageInput {
  status: number;
  code: string;
  detail: string;
  path: string;
  requestId: string | undefined;
}

/** What was not found, named by the kind of public page the path points at. */
function missingThing(path: string): string {
  if (path.startsWith('/credentials/')) return 'that credential';
  if (path.startsWith('/people/')) return 'that profile';
  if (/^\/orgs\/[^/]+\/achievements\//.test(path)) return 'that micro-credential';
  if (path.startsWith('/orgs/')) return 'that organisation';
  if (path.startsWith('/media/') || path.startsWith('/app/assets/')) return 'that file';
  return 'that page';
}

/** A plain-language title and explanation for a status. */
function wording(input: ErrorPageInput): { title: string; explain: string } {
  const { status, path } = input;
  if (status === 404) {
    const what = missingThing(path);
    const explain = path.startsWith('/credentials/')
      ? 'The link may be mistyped or cut short, the credential may be private (its owner decides who can see it), or it may have been removed. If someone sent you this link, ask them to check it or to share it again.'
      : 'The link may be mistyped or cut short, or what it pointed to may have been moved, made private or removed.';
    return { title: `We couldn't find ${what}`, explain };
  }
  if (status === 401)
    return {
      title: 'Please sign in to see this page',
      explain: 'This page is only shown to signed-in people. Sign in, then open the link again.',
    };
  if (status === 403)
    return {
      title: "You don't have access to this page",
      explain: 'You may be signed in with a different account, or the owner has not shared it with you.',
    };
  if (status === 429)
    return {
      title: 'Too many requests',
      explain: 'You (or your network) sent a lot of requests in a short time. Wait a minute, then try again.',
    };
  if (status >= 500)
    return {
      title: 'Something went wrong on our side',
      explain: "It isn't anything you did. Try again in a moment; if it keeps happening, tell the site's operator the request id below.",
    };
  return {
    title: "We couldn't handle that request",
    explain: 'The address or the request is not in a form we understand. Check the link and try again.',
  };
}

/**
 * The HTML page a browser gets instead of problem+json: plain-language title, what may have happened, ways on, and
 * the request id. Every value is escaped by `hono/html`.
 */
export function renderErrorPage(input: ErrorPageInput): string {
  const { title, explain } = wording(input);
  // Server errors never show their detail; client errors show the typed error's message, written for people.
  const detail = input.status < 500 && input.detail ? input.detail : null;
  const body = html`<div class="card" role="region" aria-labelledby="error-title">
    <p class="meta">Error ${input.status}</p>
    <h1 id="error-title">${title}</h1>
    <p>${explain}</p>
    ${detail ? html`<p class="meta">Details: ${detail}</p>` : ''}
    ${input.status === 401 ? html`<p><a href="/app/signin">Sign in</a></p>` : ''}
    <h2 style="margin-top:20px">Where to go from here</h2>
    <ul class="actions" style="list-style:none;padding:0">
      <li><a href="/">Tessera home</a></li>
      <li><a href="/app/verify">Verify a credential</a></li>
      <li><a href="/app/catalog">Browse micro-credentials</a></li>
    </ul>
    ${input.requestId ? html`<p class="meta">Request id: <code>${input.requestId}</code></p>` : ''}
  </div>`;
  return page({ title: `${title} · Tessera`, body });
}

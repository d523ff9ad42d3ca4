import { httpUrlProblem } from '@tessera/shared';

/**
 * A stored URL as an IRI that may go into a signed credential, or null when it cannot. Values saved under
 * older, looser rules may hold characters JSON-LD refuses (`"`, `{`, `|`, spaces…): those are percent-encoded
 * as the WHATWG URL serialiser does, which is the request a browser makes for that link anyway. What is still
 * not an absolute http(s) IRI after that (a stray `%`, a `^`, a second `#`…) gives null.
 */
export function signableUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = value.trim();
  if (httpUrlProblem(url) === null) return url;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return null;
  const href = new URL(url).href;
  return httpUrlProblem(href) === null ? href : null;
}

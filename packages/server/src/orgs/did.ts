/** The did:web of an organisation: `did:web:<host>[%3A<port>][:<base path>]:orgs:<slug>`. */
export function orgDid(baseUrl: string, slug: string): string {
  return `${platformDid(baseUrl)}:orgs:${slug}`;
}

/** The platform's own did:web (resolves to <base>/.well-known/did.json when the base has no path). */
export function platformDid(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...path].join(':');
}

/** The https(s) URL a did:web resolves to. */
export function didWebUrl(did: string): string {
  const parts = did.split(':').slice(2).map(decodeURIComponent);
  const [host, ...path] = parts;
  const proto = host?.startsWith('localhost') || host?.startsWith('127.0.0.1') ? 'http' : 'https';
  return path.length ? `${proto}://${host}/${path.join('/')}/did.json` : `${proto}://${host}/.well-known/did.json`;
}

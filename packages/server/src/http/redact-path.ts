/** Path segments whose next segment is a secret (invitation tokens, and any `/token/<value>` style path). */
const SECRET_AFTER = new Set(['invitations', 'token', 'tokens']);
/** Query parameters whose value is a secret. */
const SECRET_PARAM = /token|secret|password|code|key/i;

/**
 * A request path safe to log: the segment after `invitations`, `token` or `tokens` and the value of any
 * query parameter named like a token (reset and verification links carry `?token=`) become `[redacted]`.
 */
export function redactPath(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const segments = path.split('/');
  const redacted = segments
    .map((s, i) => (i > 0 && SECRET_AFTER.has((segments[i - 1] ?? '').toLowerCase()) && s !== '' ? '[redacted]' : s))
    .join('/');
  if (q === -1) return redacted;
  const params = pathAndQuery
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAM.test(name) ? `${name}=[redacted]` : pair;
    });
  return `${redacted}?${params.join('&')}`;
}

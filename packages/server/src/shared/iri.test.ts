import { describe, expect, it } from 'vitest';
import { signableUrl } from './iri.js';

describe('signableUrl (a stored URL made fit for a signed credential)', () => {
  it('keeps a valid IRI exactly as it is (no trailing slash or case changes)', () => {
    for (const v of ['https://iri.example', 'http://x.example/Path?q=1#frag', 'https://例え.jp/ä']) expect(signableUrl(v)).toBe(v);
  });

  it('percent-encodes what a browser would encode when requesting the link', () => {
    expect(signableUrl('https://x.example/a b')).toBe('https://x.example/a%20b');
    expect(signableUrl('https://x.example/a".png')).toBe('https://x.example/a%22.png');
    expect(signableUrl('https://x.example/{x}?q=<a>')).toBe('https://x.example/%7Bx%7D?q=%3Ca%3E');
  });

  it('gives null for what is still not an absolute http(s) IRI, and for nothing at all', () => {
    for (const v of [
      'https://iste.org/standards|educators',
      'https://x.example/100%.pdf',
      'https://x.example/a#b#c',
      'ftp://x.example/a',
      'not a url',
      '',
      null,
      undefined,
    ])
      expect(signableUrl(v), String(v)).toBeNull();
  });
});

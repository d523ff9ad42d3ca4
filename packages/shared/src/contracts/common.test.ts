import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.js';
import { Did } from './accounts.js';
import { HttpUrl } from './common.js';

const message = (v: string) => {
  const r = HttpUrl.safeParse(v);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('HttpUrl (an absolute http(s) IRI)', () => {
  it('accepts ordinary web addresses, internationalised ones, IP literals and percent-escapes, trimmed', () => {
    for (const v of [
      'https://north.example',
      'http://x.example/a/b?c=d&e=f#top',
      'https://例え.jp/パス?q=ü',
      'http://[2001:db8::1]:8080/x',
      'https://x.example/a%22.png',
      "https://x.example/(a)!$&'*+,;=:@~",
    ]) {
      expect(HttpUrl.safeParse(v), v).toMatchObject({ success: true, data: v });
    }
    expect(HttpUrl.parse('  https://x.example/a  ')).toBe('https://x.example/a');
  });

  it('refuses what new URL would silently repair but JSON-LD refuses: quotes, brackets, spaces, controls', () => {
    expect(message('https://x.example/a".png')).toMatch(/contains the character “"”/);
    for (const ch of ['<', '>', '\\', '^', '`', '{', '|', '}'])
      expect(message(`https://x.example/a${ch}b`), ch).toMatch(/which a web address cannot hold/);
    expect(message('https://x.example/a b')).toMatch(/Remove the spaces/);
    expect(message('https://x.example/a\tb')).toMatch(/Remove the spaces/);
    expect(message('https://x.example/a\u0007b')).toMatch(/invisible character \(U\+0007\)/);
    expect(message('https://x.example/a\u202Eb')).toMatch(/invisible character \(U\+202E\)/);
    expect(message('https://x.example/100%')).toMatch(/two hexadecimal digits/);
    expect(message('https://x.example/a%zz')).toMatch(/two hexadecimal digits/);
    expect(message('https://x.example/a[1]')).toMatch(/Square brackets/);
    expect(message('https://x.example/a#b#c')).toMatch(/only one #/);
  });

  it('refuses other schemes, relative and empty-host URLs, and over-long ones', () => {
    for (const v of ['ftp://x.example', 'javascript:alert(1)', '/relative', 'https://', 'https:///path', 'x.example', ''])
      expect(message(v), v).toMatch(/URL starting with http/);
    expect(message(`https://x.example/${'a'.repeat(LIMITS.urlMaxLength)}`)).toMatch(/at most/);
  });
});

describe('Did', () => {
  it('accepts DIDs by the DID Core ABNF and refuses malformed percent-escapes and trailing colons', () => {
    for (const v of [
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      'did:web:example.org:users:alice',
      'did:web:localhost%3A3000',
    ])
      expect(Did.safeParse(v).success, v).toBe(true);
    for (const v of ['did:web:example.org:', 'did:web:a%zz', 'did:web:a"b', 'not a did', 'did:Key:abc'])
      expect(Did.safeParse(v).success, v).toBe(false);
  });
});

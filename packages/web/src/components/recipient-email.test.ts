import { describe, expect, it } from 'vitest';
import { candidates, checkEmail, checkRecipientEmail, emailIdentities, sha256Hex } from './recipient-email';

const SALT = '5f1c0a9e3b7d2468';
/**
 * OB 3.0 identity hashes (`sha256$` + hex(sha256(identity + SALT))) computed independently, outside this code, with
 * Node's crypto (`createHash('sha256').update(identity + salt).digest('hex')`), as test vectors.
 */
const VECTORS: Record<string, string> = {
  'alex@riverside.example': '224f38386654fb7797dfe658cc31c3e84b052e00734d4a05b4b278c3d5350875',
  'a@b.example': '5786801233a00a876eaab14a9d1db462960def26c78e6cc5f9d19c2886857a82',
  x: 'cb63ff196f2ac61b011fd6f785195e0e32ba9ea2f5091b89ad79acb1b74f7832',
  'Sam.Rivera@Example.org': '61841c30a4d5d0939e99b556f47b3d13ec5aef155191ca52dce0010159abd724',
};
/** The MD5 form of a@b.example + SALT (legacy Open Badges hashes). */
const MD5_AB = '1a824edbdb44bc6406c75a9d86d6b805';
const obHash = (identity: string, salt: string) => {
  if (salt !== SALT || !VECTORS[identity]) throw new Error(`no test vector for ${identity}`);
  return `sha256$${VECTORS[identity]}`;
};
const ob3 = (identifier: unknown) => ({
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  credentialSubject: { type: ['AchievementSubject'], identifier },
});

describe('recipient email check', () => {
  it('computes the same SHA-256 as Node', async () => {
    expect(await sha256Hex(`alex@riverside.example${SALT}`)).toBe(obHash('alex@riverside.example', SALT).slice('sha256$'.length));
  });

  it('finds hashed and plain email identities in OB 3.0 and the recipient of OB 2.0, and nothing else', () => {
    const found = emailIdentities(
      ob3([
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: obHash('a@b.example', SALT), salt: SALT },
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Alex Kim' },
      ]),
    );
    expect(found).toEqual([{ hashed: true, value: obHash('a@b.example', SALT), salt: SALT }]);
    expect(emailIdentities({ recipient: { type: 'email', hashed: false, identity: 'a@b.example' } })).toEqual([
      { hashed: false, value: 'a@b.example', salt: '' },
    ]);
    expect(
      emailIdentities(
        ob3([{ type: 'IdentityObject', identityType: 'accountId', hashed: true, identityHash: obHash('x', SALT), salt: SALT }]),
      ),
    ).toEqual([]);
    expect(emailIdentities(null)).toEqual([]);
  });

  it('says "match" for the right address and "no_match" for another, against a salted hash', async () => {
    const identity = { hashed: true, value: obHash('alex@riverside.example', SALT), salt: SALT };
    expect(await checkEmail(identity, 'alex@riverside.example')).toBe('match');
    expect(await checkEmail(identity, 'alex@riverside.example.org')).toBe('no_match');
    expect(await checkEmail(identity, 'jordan@riverside.example')).toBe('no_match');
    // The salt matters: the same address hashed with another salt does not match.
    expect(await checkEmail({ ...identity, salt: 'other' }, 'alex@riverside.example')).toBe('no_match');
    // Without the salt, likewise.
    expect(await checkEmail({ ...identity, salt: '' }, 'alex@riverside.example')).toBe('no_match');
    expect(await checkEmail(identity, '')).toBe('no_match');
  });

  it('trims surrounding spaces and tries lower case, since the spec hashes the address as issued and most issuers store it lower-cased', async () => {
    const identity = { hashed: true, value: obHash('alex@riverside.example', SALT), salt: SALT };
    expect(await checkEmail(identity, '  Alex@Riverside.EXAMPLE \n')).toBe('match');
    expect(candidates('  Alex@X.org ')).toEqual(['Alex@X.org', 'alex@x.org']);
    expect(candidates('a@x.org')).toEqual(['a@x.org']);
    // An address hashed with capitals (as issued) still matches when typed exactly.
    const mixed = { hashed: true, value: obHash('Sam.Rivera@Example.org', SALT), salt: SALT };
    expect(await checkEmail(mixed, 'Sam.Rivera@Example.org')).toBe('match');
    // Spaces inside an address are not removed: they make another address.
    expect(await checkEmail(identity, 'alex @riverside.example')).toBe('no_match');
  });

  it('accepts upper-case hex in the hash and compares plain identities without hashing', async () => {
    const upper = { hashed: true, value: `sha256$${obHash('a@b.example', SALT).slice(7).toUpperCase()}`, salt: SALT };
    expect(await checkEmail(upper, 'a@b.example')).toBe('match');
    expect(await checkEmail({ hashed: false, value: 'a@b.example', salt: '' }, ' A@B.example ')).toBe('match');
    expect(await checkEmail({ hashed: false, value: 'a@b.example', salt: '' }, 'c@b.example')).toBe('no_match');
  });

  it('reports MD5 hashes as not checkable rather than as a mismatch, and a match on any identity as a match', async () => {
    const md5 = { hashed: true, value: `md5$${MD5_AB}`, salt: SALT };
    expect(await checkRecipientEmail([md5], 'a@b.example')).toBe('unsupported');
    expect(await checkRecipientEmail([md5, { hashed: true, value: obHash('a@b.example', SALT), salt: SALT }], 'a@b.example')).toBe('match');
    expect(await checkRecipientEmail([{ hashed: true, value: 'not-a-hash', salt: SALT }], 'a@b.example')).toBe('no_match');
  });
});

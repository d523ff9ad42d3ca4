/** A credential page view for tests of the public page, the certificate and the badge images. */
import type { CredentialPageView } from '../public/credential-page.js';
import { downloadNames } from '../public/get-credential-page.js';

/**
 * An active, valid "Teamwork" credential page view at http://tessera.test/credentials/<n>, with no recipient name,
 * evidence or status; `overrides` replaces any field.
 */
export function credentialPageView(n: number, overrides: Partial<CredentialPageView> = {}): CredentialPageView {
  const pageUrl = `http://tessera.test/credentials/${n}`;
  return {
    credential: {
      name: 'Teamwork',
      issuer: { id: 'did:web:issuer.example', name: 'Issuer Example' },
      credentialSubject: { achievement: { name: 'Teamwork' } },
    },
    report: { verdict: 'valid', steps: [], format: 'Open Badges 3.0', credential: null },
    pageUrl,
    jsonUrl: `${pageUrl}/credential.json`,
    jwtUrl: `${pageUrl}/credential.jwt`,
    bakedSvgUrl: `${pageUrl}/badge.svg`,
    bakedPngUrl: `${pageUrl}/badge.png`,
    imageUrl: 'http://tessera.test/media/achievements/a/image',
    linkedInUrl: 'https://www.linkedin.com/profile/add',
    recipientName: null,
    evidence: [],
    indexable: false,
    status: 'active',
    statusReason: null,
    statusDate: null,
    issuerPageUrl: null,
    transparencyUrl: null,
    replacedByUrl: null,
    downloads: downloadNames('Teamwork'),
    ...overrides,
  };
}

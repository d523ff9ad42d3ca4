import type { OrgRow } from '../store.js';

/** Where the DNS TXT proof of a domain goes. */
export function dnsRecordName(domain: string): string {
  return `_tessera-verification.${domain}`;
}

/** Where the file proof of a domain goes. */
export function wellKnownUrl(domain: string): string {
  return `https://${domain}/.well-known/tessera-verification.txt`;
}

/** An organisation's issuer verification as its owners see it (the pending token included). */
export function presentDomainVerification(org: OrgRow) {
  return {
    verifiedDomain: org.verifiedDomain,
    verifiedAt: org.domainVerifiedAt?.toISOString() ?? null,
    method: org.domainVerificationMethod,
    pending:
      org.pendingDomain && org.domainToken
        ? {
            domain: org.pendingDomain,
            token: org.domainToken,
            dnsName: dnsRecordName(org.pendingDomain),
            fileUrl: wellKnownUrl(org.pendingDomain),
          }
        : null,
  };
}

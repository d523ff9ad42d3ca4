/** Issuer verification (owners): prove the organisation's web domain with a DNS TXT record or a /.well-known file. */
import { Alert, Badge, Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { DomainCheckResponse, DomainVerification as DomainVerificationContract } from '@tessera/shared';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { useOrg } from './OrgLayout';
import { apiCall, useApiQuery } from '../../lib/query';

const METHOD_WORDS = { dns: 'a DNS TXT record', file: 'a file under /.well-known/', admin: 'a platform admin' } as const;

/** The issuer verification screen. */
export function OrgVerificationPage() {
  const { org, reload } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const isOwner = org.role === 'owner';
  const v = useApiQuery(isOwner ? `/orgs/${slug}/domain-verification` : null, DomainVerificationContract);
  const form = useFormState();
  const [domain, setDomain] = useState(() => {
    try {
      return org.url ? new URL(org.url).hostname : '';
    } catch {
      return '';
    }
  });
  const [outcome, setOutcome] = useState<string | null>(null);

  async function claim() {
    await form.run(async () => {
      v.setData(await apiCall('POST', `/orgs/${slug}/domain-verification`, DomainVerificationContract, { body: { domain } }));
      setOutcome(null);
    });
  }

  async function check(method: 'dns' | 'file') {
    await form.run(async () => {
      const r = await apiCall('POST', `/orgs/${slug}/domain-verification/check`, DomainCheckResponse, { body: { method } });
      v.setData(r.verification);
      setOutcome(r.verified ? `Verified: ${r.verification.verifiedDomain ?? ''}` : `Not verified yet. ${r.reason ?? ''}`);
      if (r.verified) reload();
    });
  }

  if (!isOwner) {
    return (
      <>
        <PageTitle title={`${org.name} issuer verification`}>Issuer verification</PageTitle>
        <EmptyState title="Only owners verify the organisation">
          {org.verifiedDomain ? `Verified issuer: ${org.verifiedDomain}` : 'Unverified issuer'}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageTitle title={`${org.name} issuer verification`}>Issuer verification</PageTitle>
      <Stack gap="md" maw={760}>
        <Text>
          Public pages show “Verified issuer: your domain” once you prove you control it, so others cannot pass off badges as yours under a
          look-alike name. Publish a token in DNS or on your web server, then check it here. Changing the organisation’s web address to
          another domain asks for a new proof.
        </Text>
        {v.status === 'loading' ? <LoadingState label="Loading verification…" /> : null}
        {v.status === 'error' ? <ErrorState error={v.error} onRetry={v.reload} /> : null}
        {v.status === 'ok' ? (
          <>
            <Group gap="sm">
              {v.data.verifiedDomain ? (
                <Badge color="teal.9" variant="filled">
                  Verified issuer: {v.data.verifiedDomain}
                </Badge>
              ) : (
                <Badge color="gray.8" variant="filled">
                  Unverified issuer
                </Badge>
              )}
              {v.data.verifiedDomain && v.data.method && v.data.verifiedAt ? (
                <Text size="sm">
                  Proven by {METHOD_WORDS[v.data.method]} on {formatDateTime(v.data.verifiedAt)}
                </Text>
              ) : null}
            </Group>
            <ProblemAlert problem={form.problem} />
            {outcome ? (
              <Text role="status" fw={500}>
                {outcome}
              </Text>
            ) : null}
            <Group align="flex-end">
              <TextInput
                label="Domain to verify"
                description="Like riverside.example: no https://, no path"
                value={domain}
                onChange={(e) => setDomain(e.currentTarget.value)}
                error={form.fieldErrors['domain']}
                w={360}
              />
              <Button onClick={() => void claim()} loading={form.submitting} disabled={!domain.trim()}>
                {v.data.pending ? 'Get a new token' : 'Get a token'}
              </Button>
            </Group>
            {v.data.pending ? (
              <Alert variant="outline" color="blue.9" title={`Prove that you control ${v.data.pending.domain}`}>
                <Stack gap="sm">
                  <Title order={2} size="h5">
                    Either: a DNS TXT record
                  </Title>
                  <Text size="sm">
                    Name <Code className="wrap-anywhere">{v.data.pending.dnsName}</Code>, value{' '}
                    <Code className="wrap-anywhere">{v.data.pending.token}</Code>
                  </Text>
                  <Button variant="default" onClick={() => void check('dns')} loading={form.submitting} w="fit-content">
                    Check the DNS record
                  </Button>
                  <Title order={2} size="h5">
                    Or: a file on your web server
                  </Title>
                  <Text size="sm">
                    Serve <Code className="wrap-anywhere">{v.data.pending.fileUrl}</Code> containing the line{' '}
                    <Code className="wrap-anywhere">{v.data.pending.token}</Code>
                  </Text>
                  <Button variant="default" onClick={() => void check('file')} loading={form.submitting} w="fit-content">
                    Check the file
                  </Button>
                </Stack>
              </Alert>
            ) : null}
          </>
        ) : null}
      </Stack>
    </>
  );
}

/** Issuers for platform admins: verification status, names that resemble a verified issuer, and verifying a domain by hand. */
import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import type { AdminIssuer } from '@tessera/shared';
import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../components/states';
import { api } from '../lib/api';
import { useFormState } from '../lib/forms';
import { useSignedInSession } from '../lib/session';
import { AdminIssuerList } from '../lib/contracts';
import { useApiQuery } from '../lib/query';

/** The issuers screen. */
export function AdminIssuersPage() {
  const session = useSignedInSession();
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const issuers = useApiQuery(
    session.account.isPlatformAdmin ? `/admin/issuers?flagged=${flaggedOnly ? 'true' : 'false'}` : null,
    AdminIssuerList,
  );
  const [verifying, setVerifying] = useState<AdminIssuer | null>(null);
  const [domain, setDomain] = useState('');
  const [note, setNote] = useState('');
  const form = useFormState();

  if (!session.account.isPlatformAdmin) {
    return (
      <>
        <PageTitle title="Issuers">Issuers</PageTitle>
        <EmptyState title="Only platform admins can see this" />
      </>
    );
  }

  async function verify() {
    if (!verifying) return;
    const ok = await form.run(async () => {
      await api('POST', `/admin/issuers/${encodeURIComponent(verifying.slug)}/verify-domain`, { body: { domain, note } });
    });
    if (ok) {
      setVerifying(null);
      issuers.reload();
    }
  }

  return (
    <>
      <PageTitle title="Issuers">Issuers</PageTitle>
      <Stack gap="md">
        <Text>
          Organisations whose names look like a verified issuer’s (ignoring case, punctuation and look-alike characters, or a character or
          two apart) are flagged for review. You may also verify an organisation’s domain yourself after checking it another way; that is
          recorded in its audit log with your note.
        </Text>
        <Switch label="Only flagged organisations" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.currentTarget.checked)} />
        {issuers.status === 'loading' ? <LoadingState label="Loading issuers…" /> : null}
        {issuers.status === 'error' ? <ErrorState error={issuers.error} onRetry={issuers.reload} /> : null}
        {issuers.status === 'ok' && issuers.data.length === 0 ? (
          <EmptyState title={flaggedOnly ? 'No flagged organisations' : 'No organisations'} />
        ) : null}
        {issuers.status === 'ok' && issuers.data.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder striped aria-label="Issuers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Organisation</Table.Th>
                  <Table.Th scope="col">Verification</Table.Th>
                  <Table.Th scope="col">Resembles</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Action</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issuers.data.map((o) => (
                  <Table.Tr key={o.slug}>
                    <Table.Td>
                      <a href={`/orgs/${encodeURIComponent(o.slug)}`}>{o.name}</a>
                      <Text size="xs" c="dimmed">
                        {o.slug}
                        {o.url ? ` · ${o.url}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {o.verifiedDomain ? (
                        <Badge color="teal.9" variant="filled">
                          {o.verifiedDomain} ({o.method})
                        </Badge>
                      ) : (
                        <Text size="sm">Unverified{o.pendingDomain ? ` (claims ${o.pendingDomain})` : ''}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {o.resembles.length === 0
                        ? '—'
                        : o.resembles.map((r) => (
                            <Text size="sm" key={r.slug} c="red.9">
                              {r.name} ({r.verifiedDomain}): {r.reason}
                            </Text>
                          ))}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          form.reset();
                          setDomain(o.pendingDomain ?? o.verifiedDomain ?? '');
                          setNote('');
                          setVerifying(o);
                        }}
                      >
                        Verify domain
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal
        opened={verifying !== null}
        onClose={() => setVerifying(null)}
        title={`Verify the domain of ${verifying?.name ?? ''}`}
        centered
      >
        <Stack>
          <ProblemAlert problem={form.problem} />
          <TextInput label="Domain" value={domain} onChange={(e) => setDomain(e.currentTarget.value)} error={form.fieldErrors['domain']} />
          <Textarea
            label="How you checked it"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={form.fieldErrors['note']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setVerifying(null)}>
              Cancel
            </Button>
            <Button loading={form.submitting} onClick={() => void verify()}>
              Verify
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

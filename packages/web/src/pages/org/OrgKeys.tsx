/** Signing keys: the current key, retired keys that stay resolvable, and rotation (owners). */
import { Anchor, Badge, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import type { SigningKey } from '../../lib/types';
import { useOrg } from './OrgLayout';
import { SigningKey as SigningKeyContract } from '@tessera/shared';
import { SigningKeyList } from '../../lib/contracts';
import { apiCall, useApiQuery } from '../../lib/query';

/** The signing keys screen. */
export function OrgKeysPage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const isOwner = org.role === 'owner';
  const keys = useApiQuery(isOwner ? `/orgs/${slug}/keys` : null, SigningKeyList);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<SigningKey | null>(null);
  const form = useFormState();

  async function rotate() {
    const ok = await form.run(async () => {
      const key = await apiCall('POST', `/orgs/${slug}/keys/rotate`, SigningKeyContract);
      setRotated(key);
    });
    setConfirming(false);
    if (ok) keys.reload();
  }

  if (!isOwner) {
    return (
      <>
        <PageTitle title={`${org.name} signing keys`}>Signing keys</PageTitle>
        <EmptyState title="Only owners manage signing keys">
          The public keys of {org.name} are listed in its <Anchor href={`/orgs/${slug}/did.json`}>DID document</Anchor>.
        </EmptyState>
      </>
    );
  }

  const sorted =
    keys.status === 'ok'
      ? [...keys.data].sort((a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt))
      : [];

  return (
    <>
      <PageTitle
        title={`${org.name} signing keys`}
        actions={
          <Button
            onClick={() => {
              form.reset();
              setConfirming(true);
            }}
          >
            Rotate signing keys
          </Button>
        }
      >
        Signing keys
      </PageTitle>
      <Stack gap="md">
        <Text>
          New credentials carry a Data Integrity proof made with the current Ed25519 key. A credential’s JWT form is signed the first time
          someone downloads it, with the P-256 key current then (ES256, the JWT algorithm 1EdTech’s validator accepts), and kept. Status
          lists are signed with the Ed25519 key. Retired keys stay in the <Anchor href={`/orgs/${slug}/did.json`}>DID document</Anchor> and{' '}
          <Anchor href={`/orgs/${slug}/jwks.json`}>JWKS</Anchor> so credentials signed with them still verify. Private keys are encrypted at
          rest and never leave the server.
        </Text>
        <ProblemAlert problem={form.problem} />
        {rotated ? (
          <Text role="status" c="teal.9" fw={500}>
            Keys rotated. New credentials are now signed with {rotated.verificationMethod}, and JWT forms signed from now on use a new P-256
            key.
          </Text>
        ) : null}
        {keys.status === 'loading' ? <LoadingState label="Loading keys…" /> : null}
        {keys.status === 'error' ? <ErrorState error={keys.error} onRetry={keys.reload} /> : null}
        {keys.status === 'ok' && sorted.length === 0 ? (
          <EmptyState title="No signing keys">Rotate to create the first key.</EmptyState>
        ) : null}
        {keys.status === 'ok' && sorted.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder striped aria-label="Signing keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={110}>
                    Status
                  </Table.Th>
                  <Table.Th scope="col">Algorithm</Table.Th>
                  <Table.Th scope="col">Verification method</Table.Th>
                  <Table.Th scope="col">Created on</Table.Th>
                  <Table.Th scope="col">Retired on</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      {k.current ? (
                        <Badge color="teal.9" variant="filled" miw={84} style={{ flexShrink: 0 }}>
                          Current
                        </Badge>
                      ) : (
                        <Badge color="gray.8" variant="filled" miw={84} style={{ flexShrink: 0 }}>
                          Retired
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {k.algorithm}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {k.algorithm === 'P-256' ? 'Signs the JWT form (ES256)' : 'Signs proofs and status lists'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code className="wrap-anywhere">{k.verificationMethod}</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                    <Table.Td>{k.retiredAt ? formatDateTime(k.retiredAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Rotate the signing keys?" centered>
        <Stack>
          <Text>
            New Ed25519 and P-256 keys sign all new credentials. The current keys are retired but stay resolvable, so existing credentials
            remain valid.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button loading={form.submitting} onClick={() => void rotate()}>
              Rotate keys
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Organisation API tokens (owners): create with scopes, copy once, list, revoke. */
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { API_TOKEN_SCOPES, ApiTokenCreated, ApiTokenInput, ApiTokenView } from '@tessera/shared';
import type { ApiTokenCreated as Created, ApiTokenScope } from '@tessera/shared';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState, validate } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { apiCall, useApiQuery } from '../../lib/query';
import { WARNING } from '../../theme';
import { useOrg } from './OrgLayout';

const TokenList = z.array(ApiTokenView);
const SCOPE_HELP: Record<ApiTokenScope, string> = {
  'awards:write': 'Award credentials (POST /orgs/{slug}/awards)',
  'credentials:read': 'List awards and issued credentials',
};

/** The API tokens screen. */
export function OrgApiTokensPage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const isOwner = org.role === 'owner';
  const tokens = useApiQuery(isOwner ? `/orgs/${slug}/api-tokens` : null, TokenList);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['awards:write']);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useFormState();
  const revoking = useFormState();

  if (!isOwner) {
    return (
      <>
        <PageTitle title={`API tokens · ${org.name}`}>API tokens</PageTitle>
        <EmptyState title="Only owners manage API tokens" />
      </>
    );
  }

  async function create() {
    const v = validate(ApiTokenInput, { name, scopes });
    if (!v.ok) {
      form.setFieldErrors(v.errors);
      return;
    }
    const ok = await form.run(async () => setCreated(await apiCall('POST', `/orgs/${slug}/api-tokens`, ApiTokenCreated, { body: v.data })));
    if (ok) {
      setName('');
      tokens.reload();
    }
  }
  async function revoke(id: string) {
    if (await revoking.run(async () => void (await apiCall('DELETE', `/orgs/${slug}/api-tokens/${encodeURIComponent(id)}`, ApiTokenView))))
      tokens.reload();
  }

  return (
    <>
      <PageTitle title={`API tokens · ${org.name}`}>API tokens</PageTitle>
      <Text c="dimmed" mb="md">
        Let your LMS or HR system award credentials and read what was issued. Send the token as <Code>Authorization: Bearer tsr_…</Code>; it
        works only for {org.name}, only with its scopes, and every use is in the audit log. The API is described at{' '}
        <a href="/api/docs">/api/docs</a>.
      </Text>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Create a token
          </Title>
          <Stack>
            <TextInput
              label="Name"
              description="Say where it is used, e.g. “Moodle production”."
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={form.fieldErrors['name']}
              required
            />
            <Checkbox.Group
              label="Scopes"
              value={scopes}
              onChange={(v) => setScopes(v.filter((s): s is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s)))}
              error={form.fieldErrors['scopes']}
              required
            >
              <Stack gap="xs" mt="xs">
                {API_TOKEN_SCOPES.map((s) => (
                  <Checkbox key={s} value={s} label={`${s} — ${SCOPE_HELP[s]}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <ProblemAlert problem={form.problem} />
            <Group>
              <Button onClick={() => void create()} loading={form.submitting}>
                Create token
              </Button>
            </Group>
          </Stack>
        </Paper>

        {created ? (
          <Alert color={WARNING} variant="outline" title={`Copy the token “${created.name}” now`} role="status">
            <Text size="sm" mb="xs">
              It is shown only this once; Tessera keeps only a hash of it.
            </Text>
            <Group wrap="nowrap" align="flex-start">
              <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1 }} data-testid="new-api-token">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button mt="sm" size="xs" variant="subtle" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </Alert>
        ) : null}

        <ProblemAlert problem={revoking.problem} />
        {tokens.status === 'loading' ? <LoadingState label="Loading tokens…" /> : null}
        {tokens.status === 'error' ? <ErrorState error={tokens.error} onRetry={tokens.reload} /> : null}
        {tokens.status === 'ok' && tokens.data.length === 0 ? <EmptyState title="No API tokens yet" /> : null}
        {tokens.status === 'ok' && tokens.data.length > 0 ? (
          <Stack gap="sm" component="ul" aria-label="API tokens" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {tokens.data.map((t) => (
              <Paper key={t.id} component="li" withBorder p="sm" radius="md">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text fw={600}>{t.name}</Text>
                    <Group gap={4}>
                      <Code>{t.prefix}…</Code>
                      {t.scopes.map((s) => (
                        <Badge key={s} variant="filled" color="indigo.9">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                    <Text size="sm" c="dimmed">
                      Created {formatDateTime(t.createdAt)} · last used {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}
                    </Text>
                  </Stack>
                  {t.revokedAt ? (
                    <Badge color="gray.8" variant="outline">
                      Revoked
                    </Badge>
                  ) : (
                    <Button size="xs" color="red.9" variant="outline" onClick={() => void revoke(t.id)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}

/** "Where this counts": the recognising organisations that count a learner's credentials, and sending them a record. */
import { Alert, Anchor, Badge, Button, Card, Checkbox, List, Stack, Text, Textarea, Title } from '@mantine/core';
import type { RecognitionRecord, WhereThisCounts as WhereThisCountsData } from '@tessera/shared';
import {
  RecognitionRecord as RecognitionRecordContract,
  RecognitionRecordList,
  WhereThisCounts as WhereThisCountsContract,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { WARNING } from '../../theme';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';

const COUNTS_PATH = '/me/where-this-counts';

/** A verification verdict as a badge with a full label (never colour alone). */
export function VerdictBadge({ verdict, label }: { verdict: string; label?: string }) {
  const color = verdict === 'valid' ? 'teal.9' : verdict === 'invalid' ? 'red.9' : WARNING;
  return (
    <Badge variant="filled" color={color} styles={{ label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal' } }}>
      {label ? `${label}: ` : ''}
      {verdict === 'valid' ? 'Valid' : verdict === 'invalid' ? 'Not valid' : verdict}
    </Badge>
  );
}

/** Where one credential counts (shown on the learner's credential card); nothing when it counts nowhere. */
export function CredentialCounts({ credentialId }: { credentialId: string }) {
  const counts = useApiQuery(COUNTS_PATH, WhereThisCountsContract);
  if (counts.status !== 'ok') return null;
  const mine = counts.data.find((c) => c.credentialId === credentialId);
  if (!mine) return null;
  return (
    <Stack gap={4} component="section" aria-label="Where this counts">
      <Text size="sm" fw={600}>
        Where this counts
      </Text>
      <List size="sm" spacing={2}>
        {mine.rules.map((r) => (
          <List.Item key={r.ruleId}>{r.statement}</List.Item>
        ))}
      </List>
      <Anchor component={Link} to="/me/where-this-counts" size="sm">
        Send a record to the organisation
      </Anchor>
    </Stack>
  );
}

/** The organisations that count at least one credential, with the credentials each counts. */
function byOrg(data: WhereThisCountsData) {
  const orgs = new Map<string, { slug: string; name: string; items: Array<{ credentialId: string; name: string; statement: string }> }>();
  for (const c of data)
    for (const r of c.rules) {
      const o = orgs.get(r.org.slug) ?? { slug: r.org.slug, name: r.org.name, items: [] };
      o.items.push({ credentialId: c.credentialId, name: c.achievementName, statement: r.statement });
      orgs.set(r.org.slug, o);
    }
  return [...orgs.values()];
}

/** Choose credentials that count at one organisation and send them as a record (verified on sending). */
function SendRecord({
  org,
}: {
  org: { slug: string; name: string; items: Array<{ credentialId: string; name: string; statement: string }> };
}) {
  const [chosen, setChosen] = useState<string[]>(org.items.map((i) => i.credentialId));
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<RecognitionRecord | null>(null);
  const form = useFormState();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen.length) return form.setFieldErrors({ credentialIds: 'Choose at least one credential' });
    void form.run(async () => {
      setSent(
        await apiCall('POST', '/me/recognition-records', RecognitionRecordContract, {
          body: { orgSlug: org.slug, credentialIds: chosen, message },
        }),
      );
      await invalidateApi('/me/recognition-records');
    });
  };
  const headingId = `send-${org.slug}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {org.name}
          </Title>
          <Checkbox.Group label="Credentials that count here" value={chosen} onChange={setChosen} error={form.fieldErrors['credentialIds']}>
            <Stack gap={6} mt={4}>
              {org.items.map((i) => (
                <Checkbox key={i.credentialId} value={i.credentialId} label={`${i.name}: ${i.statement}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label="Message (optional)"
            autosize
            minRows={2}
            maxLength={1000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={form.fieldErrors['message']}
          />
          <ProblemAlert problem={form.problem} />
          {sent ? (
            <Alert color="teal.9" variant="outline" title={`Sent to ${org.name}`} role="status">
              <List size="sm">
                {sent.items.map((i) => (
                  <List.Item key={i.credentialId}>
                    {i.achievementName} <VerdictBadge verdict={i.sentVerdict} label="Verified" />
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Button
            type="submit"
            loading={form.submitting}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            styles={{ root: { height: 'auto', minHeight: 36, paddingBlock: 6 }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            Send record to {org.name}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Every organisation where the learner's credentials count, with a form to send each a record (wallet and own page). */
export function WhereThisCountsPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const counts = useApiQuery(COUNTS_PATH, WhereThisCountsContract);
  if (counts.status === 'loading') return <LoadingState label="Loading where your credentials count…" />;
  if (counts.status === 'error') return <ErrorState error={counts.error} onRetry={counts.reload} />;
  const orgs = byOrg(counts.data);
  return (
    <Stack gap="md" component="section" aria-labelledby="where-this-counts-heading">
      <Title order={headingLevel} size="h3" id="where-this-counts-heading">
        Where this counts
      </Title>
      {orgs.length === 0 ? (
        <Text size="sm">None of your credentials is recognised by another organisation yet.</Text>
      ) : (
        orgs.map((o) => <SendRecord key={o.slug} org={o} />)
      )}
    </Stack>
  );
}

/** The learner's page: where their credentials count, and the records they sent. */
export function WhereThisCountsPage() {
  const records = useApiQuery('/me/recognition-records', RecognitionRecordList);
  return (
    <>
      <PageTitle title="Where this counts">Where your credentials count</PageTitle>
      <Text mb="md">
        Organisations such as state agencies, districts and universities publish signed rules saying which credentials count toward licence
        renewal hours, credit or requirements. Send them a record; they see each credential verified.
      </Text>
      <WhereThisCountsPanel />
      <Title order={2} size="h3" mt="xl" mb="sm">
        Records you sent
      </Title>
      {records.status === 'ok' && records.data.length === 0 ? <Text size="sm">You have not sent any record yet.</Text> : null}
      {records.status === 'ok' ? (
        <List spacing="xs">
          {records.data.map((r) => (
            <List.Item key={r.id}>
              To {r.org.name} on {formatDateTime(r.createdAt)}: {r.items.map((i) => i.achievementName).join(', ')}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

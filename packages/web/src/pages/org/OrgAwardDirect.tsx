/** Award a published micro-credential directly: pick it, add recipients (email, members, past learners), preview, award. */
import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import {
  AchievementSummary,
  AwardCandidate,
  AwardRecipientInput,
  DirectAwardInput,
  DirectAwardPreview,
  DirectAwardResult,
} from '@tessera/shared';
import type { DirectAwardPreview as Preview, DirectAwardResult as Result } from '@tessera/shared';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { count } from '../../lib/format';
import { useFormState, validate } from '../../lib/forms';
import { safeHref } from '../../lib/links';
import { apiCall, useApiQuery } from '../../lib/query';
import { useOrg } from './OrgLayout';

const AchievementList = z.array(AchievementSummary);
const CandidateList = z.array(AwardCandidate);
const Settings = z.object({ awardRoles: z.array(z.string()), canAward: z.boolean() });

/** A recipient in the list being built, with how to show it. */
interface Pending {
  input: AwardRecipientInput;
  label: string;
}

/** The direct award screen. */
export function OrgAwardDirectPage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const settings = useApiQuery(`/orgs/${slug}/award-settings`, Settings);
  const allowed = settings.status === 'ok' && settings.data.canAward;
  const achievements = useApiQuery(allowed ? `/orgs/${slug}/achievements` : null, AchievementList);
  const members = useApiQuery(allowed ? `/orgs/${slug}/award-candidates?kind=members` : null, CandidateList);
  const learners = useApiQuery(allowed ? `/orgs/${slug}/award-candidates?kind=learners` : null, CandidateList);
  const [achievementId, setAchievementId] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<Pending[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [narrative, setNarrative] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const form = useFormState();
  const adder = useFormState();

  if (settings.status === 'loading') return <LoadingState label="Loading…" />;
  if (settings.status === 'error') return <ErrorState error={settings.error} onRetry={settings.reload} />;
  if (!allowed) {
    return (
      <>
        <PageTitle title={`Award directly · ${org.name}`}>Award directly</PageTitle>
        <EmptyState title="Your role may not award credentials directly">An owner of {org.name} can allow your role to award.</EmptyState>
      </>
    );
  }

  const published =
    achievements.status === 'ok' ? achievements.data.filter((a) => a.status === 'published' && a.latestVersion !== null) : [];
  const changed = () => {
    setPreview(null);
    setResult(null);
  };
  const addRecipient = (p: Pending) => {
    const key = JSON.stringify(p.input);
    if (!recipients.some((r) => JSON.stringify(r.input) === key)) setRecipients([...recipients, p]);
    changed();
  };
  const addEmail = () => {
    const v = validate(AwardRecipientInput, { email, name });
    if (!v.ok) {
      adder.setFieldErrors(v.errors);
      return;
    }
    adder.reset();
    addRecipient({ input: v.data, label: `${name.trim()} <${email.trim().toLowerCase()}>` });
    setEmail('');
    setName('');
  };
  const body = (dryRun: boolean) => ({
    achievementId: achievementId ?? '',
    recipients: recipients.map((r) => r.input),
    ...(narrative.trim() ? { narrative: narrative.trim() } : {}),
    ...(evidenceUrl.trim() ? { evidenceUrl: evidenceUrl.trim() } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    dryRun,
  });
  const submit = async (dryRun: boolean) => {
    const v = validate(DirectAwardInput, body(dryRun));
    if (!v.ok) {
      form.setFieldErrors(v.errors);
      return;
    }
    await form.run(async () => {
      if (dryRun) setPreview(await apiCall('POST', `/orgs/${slug}/awards`, DirectAwardPreview, { body: v.data }));
      else {
        setResult(await apiCall('POST', `/orgs/${slug}/awards`, DirectAwardResult, { body: v.data }));
        setRecipients([]);
        setPreview(null);
      }
    });
  };
  const candidateOptions = (list: typeof members) =>
    list.status === 'ok' ? list.data.map((c) => ({ value: c.accountId, label: `${c.name} (${c.emailHint})` })) : [];
  const pickCandidate = (list: typeof members) => (id: string | null) => {
    const c = list.status === 'ok' ? list.data.find((x) => x.accountId === id) : undefined;
    if (c) addRecipient({ input: { accountId: c.accountId }, label: `${c.name} (${c.emailHint})` });
  };

  return (
    <>
      <PageTitle title={`Award directly · ${org.name}`}>Award directly</PageTitle>
      <Text mb="md" c="dimmed">
        Award a published micro-credential to people who earned it elsewhere, for example a workshop cohort. Each recipient gets a signed
        credential; someone without an account gets an email with a link to claim it.
      </Text>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            1. Micro-credential
          </Title>
          {achievements.status === 'error' ? <ErrorState error={achievements.error} onRetry={achievements.reload} /> : null}
          <Select
            label="Published micro-credential"
            placeholder={published.length ? 'Choose one' : 'No published micro-credentials yet'}
            data={published.map((a) => ({ value: a.id, label: `${a.name} (version ${a.latestVersion ?? ''})` }))}
            value={achievementId}
            onChange={(v) => {
              setAchievementId(v);
              changed();
            }}
            error={form.fieldErrors['achievementId']}
            searchable
            required
          />
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            2. Recipients
          </Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={adder.fieldErrors['email']}
              style={{ flex: '1 1 220px' }}
            />
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={adder.fieldErrors['name']}
              style={{ flex: '1 1 180px' }}
            />
            <Button variant="default" onClick={addEmail}>
              Add recipient
            </Button>
          </Group>
          <Group mt="sm" grow wrap="wrap">
            <Select
              label="Add a member"
              placeholder="Choose a member"
              data={candidateOptions(members)}
              value={null}
              onChange={pickCandidate(members)}
              searchable
            />
            <Select
              label="Add a past learner"
              placeholder="Choose a learner"
              data={candidateOptions(learners)}
              value={null}
              onChange={pickCandidate(learners)}
              searchable
            />
          </Group>
          {form.fieldErrors['recipients'] ? (
            <Text c="red.8" size="sm" mt="xs" role="alert">
              {form.fieldErrors['recipients']}
            </Text>
          ) : null}
          {recipients.length ? (
            <List mt="md" spacing="xs" aria-label="Recipients">
              {recipients.map((r, i) => (
                <List.Item key={r.label}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {r.label}
                    </Text>
                    {(form.fieldErrors[`recipients.${i}.email`] ??
                    form.fieldErrors[`recipients.${i}.accountId`] ??
                    form.fieldErrors[`recipients.${i}`]) ? (
                      <Text size="sm" c="red.8">
                        {form.fieldErrors[`recipients.${i}.email`] ??
                          form.fieldErrors[`recipients.${i}.accountId`] ??
                          form.fieldErrors[`recipients.${i}`]}
                      </Text>
                    ) : null}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Remove ${r.label}`}
                      onClick={() => {
                        setRecipients(recipients.filter((_, j) => j !== i));
                        changed();
                      }}
                    >
                      Remove
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed" mt="md">
              No recipients yet.
            </Text>
          )}
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            3. Details (optional)
          </Title>
          <Stack>
            <Textarea
              label="Narrative"
              description="Signed into the credential as evidence, e.g. what the recipients did."
              autosize
              minRows={2}
              value={narrative}
              onChange={(e) => {
                setNarrative(e.currentTarget.value);
                changed();
              }}
              error={form.fieldErrors['narrative']}
            />
            <TextInput
              label="Evidence link"
              placeholder="https://"
              value={evidenceUrl}
              onChange={(e) => {
                setEvidenceUrl(e.currentTarget.value);
                changed();
              }}
              error={form.fieldErrors['evidenceUrl']}
            />
            <TextInput
              label="Award date"
              type="date"
              description="Leave empty for today."
              value={issuedOn}
              onChange={(e) => {
                setIssuedOn(e.currentTarget.value);
                changed();
              }}
              error={form.fieldErrors['issuedOn']}
            />
          </Stack>
        </Paper>

        <ProblemAlert problem={form.problem} />
        <Group>
          <Button variant="default" onClick={() => void submit(true)} loading={form.submitting && !preview}>
            Preview
          </Button>
          <Button
            onClick={() => void submit(false)}
            disabled={!preview || preview.items.some((i) => !i.ok)}
            loading={form.submitting && preview !== null}
          >
            Award {recipients.length ? `to ${count(recipients.length, 'recipient')}` : ''}
          </Button>
        </Group>

        {preview ? (
          <Paper withBorder p="md" radius="md" aria-live="polite">
            <Title order={2} size="h4" mb="sm">
              Preview: {preview.achievement.name} (version {preview.achievement.version})
            </Title>
            <List spacing="xs">
              {preview.items.map((i) => (
                <List.Item key={i.index}>
                  <Group gap="xs">
                    <Badge color={i.ok ? 'teal.9' : 'red.9'} variant="filled">
                      {i.ok ? 'Ready' : 'Problem'}
                    </Badge>
                    <Text size="sm">
                      {i.recipientName}
                      {i.recipientEmail ? ` <${i.recipientEmail}>` : ''}
                    </Text>
                    {i.errors.map((e) => (
                      <Text key={e.path + e.message} size="sm" c="red.8">
                        {e.message}
                      </Text>
                    ))}
                  </Group>
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed" mt="sm">
              Recipients by email are named in the credential only by a salted hash of their address; the credential joins their account
              when they claim it.
            </Text>
          </Paper>
        ) : null}

        {result ? (
          <Alert color="teal.9" variant="outline" title={`Awarded ${result.items.length}`} role="status">
            <List spacing="xs">
              {result.items.map((i) => (
                <List.Item key={i.award.id}>
                  {i.award.recipientName}
                  {i.award.recipientEmail ? ` <${i.award.recipientEmail}>` : ''} ·{' '}
                  {i.award.claimed ? 'in their wallet' : 'claim email sent'}
                  {i.award.credentialPageUrl && safeHref(i.award.credentialPageUrl) ? (
                    <>
                      {' · '}
                      <Anchor href={safeHref(i.award.credentialPageUrl) ?? undefined}>credential page</Anchor>
                    </>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}

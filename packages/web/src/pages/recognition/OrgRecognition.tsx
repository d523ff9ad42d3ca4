/** An organisation's recognition rules (which credentials count here, and how) and the records learners send it. */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { RecognitionRule } from '@tessera/shared';
import {
  Member,
  RecognitionRecord as RecordContract,
  RecognitionRecordList,
  RecognitionRule as RuleContract,
  RecognitionRuleList,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { DANGER } from '../../theme';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { useOrg } from '../org/OrgLayout';
import { AchievementSearch } from './AchievementSearch';
import type { PickedAchievement } from './AchievementSearch';
import { VerdictBadge } from './WhereThisCounts';
import { WithdrawRuleDialog } from './WithdrawRuleDialog';

const Members = z.array(Member);
const KINDS = [
  { value: 'hours', label: 'Hours (e.g. licence renewal)' },
  { value: 'credit', label: 'Credit toward a programme' },
  { value: 'satisfies', label: 'Satisfies a requirement' },
];
const today = () => new Date().toISOString().slice(0, 10);
const dayToIso = (d: string) => new Date(`${d}T00:00:00Z`).toISOString();

/** Write a draft rule. */
function RuleForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const members = useApiQuery(`/orgs/${encodeURIComponent(slug)}/members`, Members);
  const [achievement, setAchievement] = useState<PickedAchievement | null>(null);
  const [kind, setKind] = useState<string>('hours');
  const [amount, setAmount] = useState<number | string>(15);
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState(today());
  const [until, setUntil] = useState('');
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const form = useFormState();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!achievement) return form.setFieldErrors({ achievementId: 'Choose an achievement' });
    void form.run(async () => {
      await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/recognition/rules`, RuleContract, {
        body: {
          achievementId: achievement.id,
          kind,
          amount: kind === 'satisfies' || amount === '' ? null : Number(amount),
          unit: unit.trim() || null,
          target,
          validFrom: dayToIso(from),
          validUntil: until ? dayToIso(until) : null,
          reviewerId,
          rationale,
        },
      });
      await invalidateApi(`/orgs/${slug}/recognition/rules`);
      onDone();
    });
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="rule-form-heading" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="rule-form-heading">
            New recognition rule
          </Title>
          <AchievementSearch
            label="Micro-credential"
            value={achievement}
            onChange={setAchievement}
            error={form.fieldErrors['achievementId']}
          />
          <Select
            label="How it counts"
            data={KINDS}
            value={kind}
            onChange={(v) => setKind(v ?? 'hours')}
            allowDeselect={false}
            error={form.fieldErrors['kind']}
          />
          {kind !== 'satisfies' ? (
            <Group grow align="flex-start">
              <NumberInput
                label="Amount"
                min={0}
                decimalScale={2}
                value={amount}
                onChange={setAmount}
                error={form.fieldErrors['amount']}
                required
              />
              <TextInput
                label="Unit (optional)"
                placeholder={kind === 'hours' ? 'hours' : 'credits'}
                value={unit}
                onChange={(e) => setUnit(e.currentTarget.value)}
                error={form.fieldErrors['unit']}
                maxLength={40}
              />
            </Group>
          ) : null}
          <TextInput
            label={kind === 'satisfies' ? 'Requirement it satisfies' : kind === 'credit' ? 'Toward' : 'Of (what the hours count for)'}
            placeholder={
              kind === 'hours'
                ? 'licence renewal'
                : kind === 'credit'
                  ? 'M.Ed. in Online Learning'
                  : 'requirement 3 of our induction pathway'
            }
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            error={form.fieldErrors['target']}
            required
            maxLength={200}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="Valid from"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={form.fieldErrors['validFrom']}
              required
            />
            <TextInput
              type="date"
              label="Valid until (optional)"
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
              error={form.fieldErrors['validUntil']}
            />
          </Group>
          <Select
            label="Reviewed by"
            placeholder="Choose a member"
            data={members.status === 'ok' ? members.data.map((m) => ({ value: m.accountId, label: m.name })) : []}
            value={reviewerId}
            onChange={setReviewerId}
            clearable
            error={form.fieldErrors['reviewerId']}
          />
          <Textarea
            label="Public rationale"
            description="Shown on public pages and signed into the statement"
            autosize
            minRows={3}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            error={form.fieldErrors['rationale']}
            required
            maxLength={2000}
          />
          <ProblemAlert problem={form.problem} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              Save draft rule
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const STATUS_COLOR: Record<RecognitionRule['status'], string> = { draft: 'gray.8', published: 'teal.9', withdrawn: 'red.9' };

/** The rules table with publish and withdraw. */
function Rules({ slug, isOwner }: { slug: string; isOwner: boolean }) {
  const rules = useApiQuery(`/orgs/${encodeURIComponent(slug)}/recognition/rules`, RecognitionRuleList);
  const form = useFormState();
  const [withdrawing, setWithdrawing] = useState<RecognitionRule | null>(null);
  const publish = (rule: RecognitionRule) =>
    void form.run(async () => {
      await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/recognition/rules/${encodeURIComponent(rule.id)}/publish`, RuleContract);
      await invalidateApi(`/orgs/${slug}/recognition/rules`);
    });
  if (rules.status === 'loading') return <LoadingState label="Loading rules…" />;
  if (rules.status === 'error') return <ErrorState error={rules.error} onRetry={rules.reload} />;
  if (!rules.data.length) return <EmptyState title="No rules yet">Declare which micro-credentials count here, and how.</EmptyState>;
  return (
    <>
      <ProblemAlert problem={form.problem} />
      {withdrawing ? (
        <WithdrawRuleDialog
          slug={slug}
          rule={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={async () => {
            setWithdrawing(null);
            await invalidateApi(`/orgs/${slug}/recognition/rules`);
          }}
        />
      ) : null}
      <div role="region" aria-label="Recognition rules" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="sm" miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rule</Table.Th>
              <Table.Th scope="col">Micro-credential</Table.Th>
              <Table.Th scope="col">Valid</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {isOwner ? <Table.Th scope="col">Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text fw={600}>{r.statement}</Text>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {r.rationale}
                  </Text>
                  {r.reviewer ? <Text size="xs">Reviewed by {r.reviewer.name}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {r.achievement.name}
                  <Text size="xs">by {r.achievement.issuer.name}</Text>
                </Table.Td>
                <Table.Td>
                  {r.validFrom.slice(0, 10)} – {r.validUntil ? r.validUntil.slice(0, 10) : 'open'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="filled" styles={FULL_LABEL_BADGE} color={STATUS_COLOR[r.status]}>
                    {r.status}
                  </Badge>
                  {r.credentialUrl ? (
                    <Anchor href={r.credentialUrl} target="_blank" rel="noopener noreferrer" size="xs" display="block">
                      Signed statement
                    </Anchor>
                  ) : null}
                </Table.Td>
                {isOwner ? (
                  <Table.Td>
                    {r.status === 'draft' ? (
                      <Button size="xs" onClick={() => publish(r)} aria-label={`Publish ${r.statement}`}>
                        Publish
                      </Button>
                    ) : null}
                    {r.status !== 'withdrawn' ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color={DANGER}
                        onClick={() => setWithdrawing(r)}
                        aria-label={`Withdraw ${r.statement}`}
                      >
                        Withdraw
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}

/** Records learners sent, each credential with its verdict at sending and now. */
function Records({ slug }: { slug: string }) {
  const records = useApiQuery(`/orgs/${encodeURIComponent(slug)}/recognition/records`, RecognitionRecordList);
  const form = useFormState();
  const reverify = (id: string) =>
    void form.run(async () => {
      const fresh = await apiCall(
        'POST',
        `/orgs/${encodeURIComponent(slug)}/recognition/records/${encodeURIComponent(id)}/verify`,
        RecordContract,
      );
      if (records.status === 'ok') records.setData(records.data.map((r) => (r.id === id ? fresh : r)));
    });
  if (records.status === 'loading') return <LoadingState label="Loading records…" />;
  if (records.status === 'error') return <ErrorState error={records.error} onRetry={records.reload} />;
  if (!records.data.length) return <Text size="sm">No learner has sent a record yet.</Text>;
  return (
    <Stack gap="sm">
      <ProblemAlert problem={form.problem} />
      {records.data.map((r) => (
        <Card key={r.id} withBorder radius="md" padding="md" component="article" aria-label={`Record from ${r.learner.name}`}>
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>
              {r.learner.name} ({r.learner.email})
            </Text>
            <Text size="sm">Sent {formatDateTime(r.createdAt)}</Text>
          </Group>
          {r.message ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.message}
            </Text>
          ) : null}
          <List size="sm" spacing={6} mt="xs">
            {r.items.map((i) => (
              <List.Item key={i.credentialId}>
                <Anchor href={i.credentialUrl} target="_blank" rel="noopener noreferrer">
                  {i.achievementName}
                </Anchor>{' '}
                — {i.statement} <VerdictBadge verdict={i.sentVerdict} label="When sent" />{' '}
                <VerdictBadge verdict={i.verdict} label={`Checked ${formatDateTime(i.checkedAt)}`} />
              </List.Item>
            ))}
          </List>
          <Button
            size="xs"
            variant="light"
            mt="xs"
            onClick={() => reverify(r.id)}
            loading={form.submitting}
            style={{ alignSelf: 'flex-start' }}
          >
            Verify again
          </Button>
        </Card>
      ))}
    </Stack>
  );
}

/** The organisation's recognition screen. */
export function OrgRecognitionPage() {
  const { org } = useOrg();
  const [adding, setAdding] = useState(false);
  const canEdit = org.role === 'owner' || org.role === 'designer';
  return (
    <>
      <PageTitle title="Recognition" actions={canEdit && !adding ? <Button onClick={() => setAdding(true)}>New rule</Button> : undefined}>
        Recognition: what counts here
      </PageTitle>
      <Text mb="md">
        Declare that a micro-credential (another organisation’s or your own) counts as hours, credit or a requirement here. Publishing signs
        the rule as an Open Badges EndorsementCredential and shows it on public pages and to learners.
      </Text>
      {adding ? <RuleForm slug={org.slug} onDone={() => setAdding(false)} /> : null}
      <Rules slug={org.slug} isOwner={org.role === 'owner'} />
      <Title order={2} size="h3" mt="xl" mb="sm">
        Records sent by learners
      </Title>
      <Records slug={org.slug} />
    </>
  );
}

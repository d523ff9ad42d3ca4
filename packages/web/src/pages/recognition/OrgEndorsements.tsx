/** Endorsements an organisation asks for, offers, gives and receives: accept with a comment, decline, revoke. */
import { Anchor, Badge, Button, Card, Group, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Endorsement } from '@tessera/shared';
import { Endorsement as EndorsementContract, EndorsementBoard, PathwayCatalogEntry } from '@tessera/shared';
import { useState } from 'react';
import { z } from 'zod';
import type { FormEvent } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { DANGER, WARNING } from '../../theme';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { useOrg } from '../org/OrgLayout';
import { AchievementSearch } from './AchievementSearch';
import type { PickedAchievement } from './AchievementSearch';

const boardPath = (slug: string) => `/orgs/${encodeURIComponent(slug)}/endorsements`;
const PathwayCatalog = z.array(PathwayCatalogEntry);
type SubjectType = 'achievement' | 'pathway' | 'issuer';

/** A published pathway of one organisation (from the public pathway catalog). */
function PathwayPicker({
  issuerSlug,
  value,
  onChange,
  error,
}: {
  issuerSlug: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | undefined;
}) {
  const catalog = useApiQuery('/pathways', PathwayCatalog);
  const options =
    catalog.status === 'ok'
      ? catalog.data.filter((p) => p.issuer.slug === issuerSlug).map((p) => ({ value: p.pathwayId, label: `${p.name} (v${p.version})` }))
      : [];
  return (
    <Select
      label="Pathway"
      placeholder={
        catalog.status === 'loading' ? 'Loading pathways…' : options.length ? 'Choose a published pathway' : 'No published pathways'
      }
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      required
      nothingFoundMessage="No published pathway of this organisation"
    />
  );
}

/** Ask another organisation to endorse one of ours, or offer to endorse another's. */
function NewEndorsement({ slug, mode, onDone }: { slug: string; mode: 'request' | 'offer'; onDone: () => void }) {
  const [counterpart, setCounterpart] = useState('');
  const [subjectType, setSubjectType] = useState<SubjectType>('achievement');
  const [achievement, setAchievement] = useState<PickedAchievement | null>(null);
  const [pathwayId, setPathwayId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const form = useFormState();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (subjectType === 'achievement' && !achievement) return form.setFieldErrors({ subjectId: 'Choose a micro-credential' });
    if (subjectType === 'pathway' && !pathwayId) return form.setFieldErrors({ subjectId: 'Choose a pathway' });
    void form.run(async () => {
      const subjectId = subjectType === 'achievement' ? (achievement?.id ?? '') : subjectType === 'pathway' ? (pathwayId ?? '') : '';
      const subject = { subjectType, subjectId };
      const body =
        mode === 'request'
          ? { endorserSlug: counterpart.trim(), ...subject, message: text }
          : { ownerSlug: counterpart.trim(), ...subject, comment: text };
      await apiCall('POST', `${boardPath(slug)}/${mode === 'request' ? 'requests' : 'offers'}`, EndorsementContract, { body });
      await invalidateApi(boardPath(slug));
      onDone();
    });
  };
  const counterpartPath = mode === 'request' ? 'endorserSlug' : 'ownerSlug';
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="new-endorsement-heading" mb="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-endorsement-heading">
            {mode === 'request' ? 'Ask for an endorsement' : 'Offer an endorsement'}
          </Title>
          <TextInput
            label={
              mode === 'request'
                ? 'Endorsing organisation (its address name, e.g. northwind)'
                : 'Organisation to endorse (its address name)'
            }
            value={counterpart}
            onChange={(e) => setCounterpart(e.currentTarget.value)}
            error={form.fieldErrors[counterpartPath]}
            required
          />
          <Radio.Group
            label="What is endorsed"
            value={subjectType}
            onChange={(v) => setSubjectType(v === 'issuer' || v === 'pathway' ? v : 'achievement')}
          >
            <Group gap="md" mt={4} wrap="wrap">
              <Radio value="achievement" label="A micro-credential" />
              <Radio value="pathway" label="A pathway" />
              <Radio value="issuer" label="The organisation as an issuer" />
            </Group>
          </Radio.Group>
          {subjectType === 'pathway' ? (
            <PathwayPicker
              issuerSlug={mode === 'request' ? slug : counterpart.trim()}
              value={pathwayId}
              onChange={setPathwayId}
              error={form.fieldErrors['subjectId']}
            />
          ) : null}
          {subjectType === 'achievement' ? (
            <AchievementSearch
              label="Micro-credential"
              value={achievement}
              onChange={setAchievement}
              error={form.fieldErrors['subjectId']}
              {...(mode === 'request' ? { org: slug } : counterpart.trim() ? { org: counterpart.trim() } : {})}
            />
          ) : null}
          <Textarea
            label={mode === 'request' ? 'Message to the endorser (optional)' : 'Your endorsement'}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={form.fieldErrors[mode === 'request' ? 'message' : 'comment']}
            maxLength={2000}
            required={mode === 'offer'}
          />
          <ProblemAlert problem={form.problem} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              {mode === 'request' ? 'Send request' : 'Send offer'}
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

const STATUS_COLOR: Record<Endorsement['status'], string> = {
  pending: WARNING,
  accepted: 'teal.9',
  declined: 'gray.8',
  revoked: 'red.9',
};

/** One endorsement with the actions this side may take. */
function EndorsementCard({ e, slug, side, isOwner }: { e: Endorsement; slug: string; side: 'given' | 'received'; isOwner: boolean }) {
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState();
  const waitsForUs =
    e.status === 'pending' && ((side === 'given' && e.awaiting === 'endorser') || (side === 'received' && e.awaiting === 'owner'));
  const act = (action: 'accept' | 'decline' | 'revoke', body?: object) =>
    void form.run(async () => {
      await apiCall('POST', `${boardPath(slug)}/${encodeURIComponent(e.id)}/${action}`, EndorsementContract, body ? { body } : {});
      await invalidateApi(boardPath(slug));
    });
  const title = side === 'given' ? `${e.subjectName} (${e.owner.name})` : `${e.subjectName}, by ${e.endorser.name}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={`Endorsement: ${title}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{title}</Text>
          <Badge variant="filled" styles={FULL_LABEL_BADGE} color={STATUS_COLOR[e.status]}>
            {e.status}
          </Badge>
        </Group>
        <Text size="xs">
          {e.initiatedBy === 'owner' ? `Requested by ${e.owner.name}` : `Offered by ${e.endorser.name}`} on {formatDateTime(e.createdAt)}
          {e.fromVersion ? ` · in credentials from version ${e.fromVersion}` : ''}
        </Text>
        {e.message ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{e.message}”
          </Text>
        ) : null}
        {e.comment ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            Endorsement: {e.comment}
          </Text>
        ) : null}
        {e.revokedReason ? <Text size="sm">Revoked: {e.revokedReason}</Text> : null}
        {e.credentialUrl && e.status === 'accepted' ? (
          <Anchor href={e.credentialUrl} target="_blank" rel="noopener noreferrer" size="sm">
            Signed endorsement
          </Anchor>
        ) : null}
        {isOwner && waitsForUs ? (
          <Stack gap="xs">
            {side === 'given' ? (
              <Textarea
                label="Your endorsement"
                autosize
                minRows={2}
                maxLength={2000}
                value={comment}
                onChange={(ev) => setComment(ev.currentTarget.value)}
                error={form.fieldErrors['comment']}
              />
            ) : null}
            <Group gap="xs">
              <Button size="xs" onClick={() => act('accept', side === 'given' ? { comment } : {})} loading={form.submitting}>
                {side === 'given' ? 'Endorse and sign' : 'Accept endorsement'}
              </Button>
              <Button size="xs" variant="default" onClick={() => act('decline')}>
                Decline
              </Button>
            </Group>
          </Stack>
        ) : null}
        {isOwner && side === 'given' && e.status === 'accepted' ? (
          <Group gap="xs" align="flex-end">
            <TextInput
              label="Reason to revoke"
              size="xs"
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              error={form.fieldErrors['reason']}
              style={{ flex: 1, minWidth: 160 }}
            />
            <Button size="xs" variant="subtle" color={DANGER} onClick={() => act('revoke', { reason })}>
              Revoke
            </Button>
          </Group>
        ) : null}
        <ProblemAlert problem={form.problem} />
      </Stack>
    </Card>
  );
}

/** The organisation's endorsements screen. */
export function OrgEndorsementsPage() {
  const { org } = useOrg();
  const board = useApiQuery(boardPath(org.slug), EndorsementBoard);
  const [mode, setMode] = useState<'request' | 'offer' | null>(null);
  const isOwner = org.role === 'owner';
  return (
    <>
      <PageTitle
        title="Endorsements"
        actions={
          isOwner && mode === null ? (
            <Group gap="xs">
              <Button onClick={() => setMode('request')}>Ask for an endorsement</Button>
              <Button variant="light" onClick={() => setMode('offer')}>
                Offer an endorsement
              </Button>
            </Group>
          ) : undefined
        }
      >
        Endorsements
      </PageTitle>
      <Text mb="md">
        An endorsement is a signed statement by one organisation about another’s micro-credential or about the issuer. Accepted endorsements
        appear on public pages and in credentials issued from the micro-credential’s next version.
      </Text>
      {mode ? <NewEndorsement slug={org.slug} mode={mode} onDone={() => setMode(null)} /> : null}
      {board.status === 'loading' ? <LoadingState label="Loading endorsements…" /> : null}
      {board.status === 'error' ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
      {board.status === 'ok' ? (
        <Stack gap="lg">
          <section aria-labelledby="received-heading">
            <Title order={2} size="h3" id="received-heading" mb="sm">
              About {org.name}
            </Title>
            <Stack gap="sm">
              {board.data.received.length === 0 ? <Text size="sm">None yet.</Text> : null}
              {board.data.received.map((e) => (
                <EndorsementCard key={e.id} e={e} slug={org.slug} side="received" isOwner={isOwner} />
              ))}
            </Stack>
          </section>
          <section aria-labelledby="given-heading">
            <Title order={2} size="h3" id="given-heading" mb="sm">
              By {org.name}
            </Title>
            <Stack gap="sm">
              {board.data.given.length === 0 ? <Text size="sm">None yet.</Text> : null}
              {board.data.given.map((e) => (
                <EndorsementCard key={e.id} e={e} slug={org.slug} side="given" isOwner={isOwner} />
              ))}
            </Stack>
          </section>
        </Stack>
      ) : null}
    </>
  );
}

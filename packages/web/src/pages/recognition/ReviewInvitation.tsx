/** The invited reviewer's page: the draft read-only by section, comments per section, then approve or ask for changes. */
import { Badge, Button, Card, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { ReviewDraft, ReviewSection } from '@tessera/shared';
import { ReviewDraft as ReviewDraftContract, ReviewInvitation as ReviewInvitationContract } from '@tessera/shared';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { ApiError } from '../../lib/api';
import { useFormState } from '../../lib/forms';
import { WARNING } from '../../theme';
import { apiCall, useApiQuery } from '../../lib/query';

const LABELS: Record<Exclude<ReviewSection, 'general'>, string> = {
  description: 'Description',
  criteria: 'Criteria and evidence',
  rubric: 'Rubric',
  alignments: 'Skills and alignments',
};

/** A reviewer comment box for one section. */
function CommentBox({
  id,
  section,
  disabled,
  onSaved,
}: {
  id: string;
  section: ReviewSection;
  disabled: boolean;
  onSaved: (d: ReviewDraft['invitation']) => void;
}) {
  const [body, setBody] = useState('');
  const form = useFormState();
  return (
    <Stack gap={4}>
      <Textarea
        label={`Comment on ${section === 'general' ? 'the draft' : LABELS[section].toLowerCase()}`}
        autosize
        minRows={2}
        maxLength={2000}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={form.fieldErrors['body']}
        disabled={disabled}
      />
      <ProblemAlert problem={form.problem} />
      <Button
        size="xs"
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        disabled={disabled || !body.trim()}
        loading={form.submitting}
        onClick={() =>
          void form.run(async () => {
            onSaved(
              await apiCall('POST', `/review-invitations/${encodeURIComponent(id)}/comments`, ReviewInvitationContract, {
                body: { section, body },
              }),
            );
            setBody('');
          })
        }
      >
        Add comment
      </Button>
    </Stack>
  );
}

/** A section of the draft with its comments. */
function Section({
  title,
  children,
  section,
  draft,
  onSaved,
}: {
  title: string;
  children: ReactNode;
  section: ReviewSection;
  draft: ReviewDraft;
  onSaved: (d: ReviewDraft['invitation']) => void;
}) {
  const comments = draft.invitation.comments.filter((c) => c.section === section);
  const headingId = `section-${section}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
        {comments.length ? (
          <List size="sm" spacing={4} aria-label={`Your comments on ${title.toLowerCase()}`}>
            {comments.map((c) => (
              <List.Item key={c.id} style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </List.Item>
            ))}
          </List>
        ) : null}
        <CommentBox id={draft.invitation.id} section={section} disabled={draft.invitation.status === 'approved'} onSaved={onSaved} />
      </Stack>
    </Card>
  );
}

/** What went wrong opening an invitation: an unverified address (the server says what to do), another account, or none. */
function errorTitle(error: unknown): string {
  const code = error instanceof ApiError ? error.problem.code : undefined;
  if (code === 'forbidden') return 'Verify your email address to open this review';
  if (code === 'not_found') return 'No such review invitation';
  return 'This review invitation is not for this account';
}

/** The reviewer's page at /review-invitations/:id. */
export function ReviewInvitationPage() {
  const { id = '' } = useParams();
  const draft = useApiQuery(`/review-invitations/${encodeURIComponent(id)}`, ReviewDraftContract);
  const [note, setNote] = useState('');
  const form = useFormState();
  if (draft.status === 'loading') return <LoadingState label="Loading the draft…" />;
  if (draft.status === 'error') return <ErrorState error={draft.error} title={errorTitle(draft.error)} />;
  const d = draft.data;
  const s = d.sections;
  const onSaved = (invitation: ReviewDraft['invitation']) => draft.setData({ ...d, invitation });
  const decide = (decision: 'approve' | 'request_changes') =>
    void form.run(async () =>
      onSaved(
        await apiCall('POST', `/review-invitations/${encodeURIComponent(id)}/decision`, ReviewInvitationContract, {
          body: { decision, note },
        }),
      ),
    );
  return (
    <>
      <PageTitle title={`Review: ${s.description.name}`}>Review “{s.description.name}”</PageTitle>
      <Group gap="sm" mb="md">
        <Text>{d.invitation.org.name} invited you to review this draft micro-credential. It is read-only; comment on any section.</Text>
        <Badge
          variant="filled"
          styles={FULL_LABEL_BADGE}
          color={d.invitation.status === 'approved' ? 'teal.9' : d.invitation.status === 'changes_requested' ? WARNING : 'gray.8'}
        >
          {d.invitation.status === 'approved'
            ? 'You approved it'
            : d.invitation.status === 'changes_requested'
              ? 'You asked for changes'
              : 'Waiting for your review'}
        </Badge>
      </Group>
      <Stack gap="md">
        <Section title={LABELS.description} section="description" draft={d} onSaved={onSaved}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.description.description || 'No description yet.'}</Text>
          {s.description.learningGoal ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              Learning goal: {s.description.learningGoal}
            </Text>
          ) : null}
          {s.description.competency ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              Competency: {s.description.competency}
            </Text>
          ) : null}
        </Section>
        <Section title={LABELS.criteria} section="criteria" draft={d} onSaved={onSaved}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.criteria.narrative || 'No criteria yet.'}</Text>
          {s.criteria.evidence.length ? (
            <List size="sm" type="ordered">
              {s.criteria.evidence.map((e, i) => (
                <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
                  {e}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Section>
        <Section title={LABELS.rubric} section="rubric" draft={d} onSaved={onSaved}>
          {s.rubric.map((c) => (
            <div key={c.name} role="region" aria-label={`Rubric: ${c.name}`} tabIndex={0} style={{ overflowX: 'auto' }}>
              <Table miw={420}>
                <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{c.name}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Level</Table.Th>
                    <Table.Th scope="col">Description</Table.Th>
                    <Table.Th scope="col">Points</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.levels.map((l) => (
                    <Table.Tr key={l.name}>
                      <Table.Th scope="row">{l.name}</Table.Th>
                      <Table.Td>{l.description}</Table.Td>
                      <Table.Td>{l.points}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Section>
        <Section title={LABELS.alignments} section="alignments" draft={d} onSaved={onSaved}>
          {s.alignments.length ? (
            <List size="sm">
              {s.alignments.map((a, i) => (
                <List.Item key={`${a.name}-${i}`}>{a.name}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No alignments yet.</Text>
          )}
        </Section>
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="decision-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="decision-heading">
              Your decision
            </Title>
            <Textarea
              label="Note to the designers (optional)"
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              disabled={d.invitation.status === 'approved'}
            />
            <ProblemAlert problem={form.problem} />
            <Group gap="sm">
              <Button onClick={() => decide('approve')} loading={form.submitting} disabled={d.invitation.status === 'approved'}>
                Approve
              </Button>
              <Button variant="default" onClick={() => decide('request_changes')} disabled={d.invitation.status === 'approved'}>
                Request changes
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}

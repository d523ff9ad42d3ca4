/** In the achievement editor: invite external reviewers (e.g. employers) and read their comments by section. */
import { Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { ReviewInvitation as ReviewInvitationContract, ReviewInvitationList } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemAlert } from '../../components/states';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { useFormState } from '../../lib/forms';
import { WARNING } from '../../theme';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';

const SECTION_LABEL: Record<string, string> = {
  description: 'Description',
  criteria: 'Criteria',
  rubric: 'Rubric',
  alignments: 'Alignments',
  general: 'General',
};
const STATUS_LABEL: Record<string, string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  revoked: 'Withdrawn',
};

/** The co-design panel of one achievement (owners and designers invite; every member reads). */
export function AchievementReviews({ slug, achievementId, canInvite }: { slug: string; achievementId: string; canInvite: boolean }) {
  const path = `/orgs/${encodeURIComponent(slug)}/achievements/${encodeURIComponent(achievementId)}/reviews`;
  const list = useApiQuery(path, ReviewInvitationList);
  const [email, setEmail] = useState('');
  const [orgName, setOrgName] = useState('');
  const form = useFormState();
  const invite = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await apiCall('POST', path, ReviewInvitationContract, { body: { email, reviewerOrgName: orgName.trim() || null } });
      setEmail('');
      setOrgName('');
      await invalidateApi(path);
    });
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="co-design-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="co-design-heading">
          Co-design review
        </Title>
        <Text size="sm">Invite an employer or another expert to read this draft, comment on each section, and approve it.</Text>
        {canInvite ? (
          <form onSubmit={invite} noValidate>
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label="Reviewer’s email"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={form.fieldErrors['email']}
                required
                style={{ flex: 1, minWidth: 200 }}
              />
              <TextInput
                label="Their organisation (optional)"
                value={orgName}
                onChange={(e) => setOrgName(e.currentTarget.value)}
                error={form.fieldErrors['reviewerOrgName']}
                style={{ flex: 1, minWidth: 160 }}
                maxLength={200}
              />
              <Button type="submit" loading={form.submitting}>
                Invite reviewer
              </Button>
            </Group>
            <ProblemAlert problem={form.problem} />
          </form>
        ) : null}
        {list.status === 'ok' && list.data.length === 0 ? <Text size="sm">No reviewer invited yet.</Text> : null}
        {list.status === 'ok'
          ? list.data.map((inv) => (
              <Stack key={inv.id} gap={4} component="article" aria-label={`Review by ${inv.reviewerName ?? inv.email}`}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>
                    {inv.reviewerName ?? inv.email}
                    {inv.reviewerOrgName ? ` (${inv.reviewerOrgName})` : ''}
                  </Text>
                  <Badge
                    variant="filled"
                    styles={FULL_LABEL_BADGE}
                    color={inv.status === 'approved' ? 'teal.9' : inv.status === 'changes_requested' ? WARNING : 'gray.8'}
                  >
                    {STATUS_LABEL[inv.status] ?? inv.status}
                  </Badge>
                </Group>
                {inv.decisionNote ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    “{inv.decisionNote}”
                  </Text>
                ) : null}
                {inv.comments.length ? (
                  <List size="sm" spacing={2}>
                    {inv.comments.map((c) => (
                      <List.Item key={c.id} style={{ whiteSpace: 'pre-wrap' }}>
                        <strong>{SECTION_LABEL[c.section] ?? c.section}:</strong> {c.body}{' '}
                        <Text span size="xs" c="dimmed">
                          {formatDateTime(c.createdAt)}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Stack>
            ))
          : null}
      </Stack>
    </Card>
  );
}

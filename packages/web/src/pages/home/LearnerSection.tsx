/** The learner's part of the home: feedback to act on, work in progress, credentials earned, suggestions. */
import { Anchor, Badge, Button, Card, Group, Image, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LearnerHome, LearnerWork } from '@tessera/shared';
import { Link } from 'react-router';
import { safeHref } from '../../lib/links';
import { effortText, PROGRESS_COLOR } from '../learn/CatalogCard';
import { formatDate } from './Stat';

const WAITING_STATES = new Set(['submitted', 'in_review', 'disputed']);

function WorkCard({ work, action }: { work: LearnerWork; action: string }) {
  const waiting = WAITING_STATES.has(work.state);
  const percent = work.evidenceRequired > 0 ? Math.round((work.evidenceDone / work.evidenceRequired) * 100) : 100;
  const progressLabel = `${work.evidenceDone} of ${work.evidenceRequired} required evidence item${work.evidenceRequired === 1 ? '' : 's'}`;
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4} size="h5">
            <Anchor component={Link} to={`/me/submissions/${work.submissionId}`}>
              {work.name}
            </Anchor>
          </Title>
          {waiting ? (
            <Badge color="gray.8" variant="filled" style={{ flexShrink: 0 }}>
              Submitted
            </Badge>
          ) : work.state === 'needs_revision' ? (
            <Badge color={PROGRESS_COLOR.needs_revision} variant="filled" style={{ flexShrink: 0 }}>
              Needs revision
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dark.6">
          {work.issuerName}
          {work.attempt > 1 ? ` · attempt ${work.attempt}` : ''}
        </Text>
        {waiting ? (
          <Text size="sm">Waiting for an assessor. We will tell you when there is a decision.</Text>
        ) : work.state === 'needs_revision' ? (
          <Text size="sm">An assessor asked for changes. Read the feedback, revise the evidence it points to, and submit again.</Text>
        ) : (
          <>
            <Progress value={percent} size="sm" color="indigo.9" aria-label={progressLabel} />
            <Text size="sm">{progressLabel}</Text>
          </>
        )}
        <Group>
          <Button
            component={Link}
            to={`/me/submissions/${work.submissionId}`}
            size="xs"
            variant={waiting ? 'default' : 'filled'}
            aria-label={`${waiting ? 'View' : action}: ${work.name}`}
          >
            {waiting ? 'View' : action}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A titled list of work cards, named by its title; nothing when there is no work. */
function WorkList({ title, items, action }: { title: string; items: LearnerWork[]; action: string }) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label={title}>
        {items.map((w) => (
          <WorkCard key={w.submissionId} work={w} action={action} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Welcome() {
  return (
    <Card withBorder radius="md" padding="lg" bg="indigo.0">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Earn your first micro-credential
        </Title>
        <Text>
          A micro-credential certifies one skill. Pick one from the catalog, submit evidence of your work, and an assessor reviews it
          against a published rubric. When you meet it, you receive a signed credential that anyone can verify.
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/catalog">
            Browse the catalog
          </Button>
          <Button component={Link} to="/verify" variant="default">
            Verify a credential
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The learner section of the home screen. For people who also review or run an organisation (`staff`) and have not
 * started anything as learners, it stays one line instead of a welcome.
 */
export function LearnerSection({ learner, staff = false }: { learner: LearnerHome; staff?: boolean }) {
  const nothingYet = learner.inProgress.length === 0 && learner.feedbackWaiting.length === 0 && learner.earnedTotal === 0;
  if (staff && nothingYet) {
    return (
      <Stack gap="xs" component="section" aria-labelledby="home-learning">
        <Title order={2} size="h3" id="home-learning">
          Your learning
        </Title>
        <Text>
          You have not started a micro-credential yet.{' '}
          <Anchor component={Link} to="/catalog">
            Browse the catalog
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md" component="section" aria-labelledby="home-learning">
      <Title order={2} size="h3" id="home-learning">
        Your learning
      </Title>
      {nothingYet ? <Welcome /> : null}
      <WorkList title="Feedback waiting" items={learner.feedbackWaiting} action="Revise" />
      <WorkList title="In progress" items={learner.inProgress} action="Continue" />
      {learner.earned.length > 0 ? (
        <Stack gap="xs">
          <Group justify="space-between" align="baseline">
            <Title order={3} size="h4">
              Earned
            </Title>
            <Anchor component={Link} to="/me/credentials" size="sm">
              All my credentials ({learner.earnedTotal})
            </Anchor>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Earned credentials">
            {learner.earned.map((c) => {
              const href = safeHref(c.pageUrl);
              return (
                <Paper component="li" key={c.id} withBorder radius="md" p="md">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={4} size="h5">
                      {href ? <Anchor href={href}>{c.achievementName}</Anchor> : c.achievementName}
                    </Title>
                    <Badge color={c.status === 'active' ? PROGRESS_COLOR.earned : 'gray.8'} variant="filled" style={{ flexShrink: 0 }}>
                      {c.status === 'active' ? 'Earned' : c.status}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dark.6">
                    {c.issuerName} · {formatDate(c.issuedAt)}
                  </Text>
                </Paper>
              );
            })}
          </SimpleGrid>
        </Stack>
      ) : null}
      {learner.nextSteps.length > 0 ? (
        <Stack gap="xs">
          <Group justify="space-between" align="baseline">
            <Title order={3} size="h4">
              {nothingYet ? 'Popular to start with' : 'Next steps'}
            </Title>
            <Anchor component={Link} to="/catalog" size="sm">
              See the whole catalog
            </Anchor>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" className="plain-list" aria-label="Suggested micro-credentials">
            {learner.nextSteps.map((n) => (
              <Paper component="li" key={n.achievementId} withBorder radius="md" p="md">
                <Stack gap={6}>
                  <Group wrap="nowrap" gap="sm" align="flex-start">
                    <Image src={n.imageUrl} alt="" w={40} h={40} fit="contain" style={{ flexShrink: 0 }} />
                    <Title order={4} size="h5">
                      <Anchor component={Link} to={`/catalog/${n.achievementId}`}>
                        {n.name}
                      </Anchor>
                    </Title>
                  </Group>
                  <Text size="sm" c="dark.6">
                    {n.issuerName}
                    {n.effortHours ? ` · ${effortText(n.effortHours)}` : ''}
                  </Text>
                  <Text size="sm" lineClamp={2}>
                    {n.description}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The learner's skill profile: skills proven by verified credentials, each with its evidence trail and level. */
import { Anchor, Button, Card, CopyButton, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { PublicSkillProfile as PublicSkillProfileContract, SkillProfile as SkillProfileContract } from '@tessera/shared';
import { Link, useParams } from 'react-router';
import { CardHeading } from '../../components/CardHeading';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { apiCall, useApiQuery } from '../../lib/query';
import { EvidenceTrail, LevelBadge } from './SkillEvidence';

/** The "My skills" screen. */
export function MySkillsPage() {
  const profile = useApiQuery('/me/skills', SkillProfileContract);
  const form = useFormState();
  if (profile.status === 'loading') return <LoadingState label="Loading your skills…" />;
  if (profile.status === 'error') return <ErrorState error={profile.error} onRetry={profile.reload} />;
  const p = profile.data;

  const toggle = (on: boolean) =>
    void form.run(async () => {
      profile.setData(await apiCall('PUT', '/me/skills/settings', SkillProfileContract, { body: { public: on } }));
    });

  return (
    <>
      <PageTitle
        title="My skills"
        actions={
          <Button component="a" href="/api/v1/me/skills/export" download="skill-profile.json" variant="light">
            Export as JSON
          </Button>
        }
      >
        My skills
      </PageTitle>
      <Text mb="md">
        Skills proven by your credentials. Only credentials that verify count: earned ones that are not revoked, suspended or expired, and
        imported ones whose last check was valid.
      </Text>
      <Card withBorder radius="md" padding="md" mb="lg" component="section" aria-label="Public skills page">
        <Stack gap="xs">
          <Switch
            checked={p.public}
            onChange={(e) => toggle(e.currentTarget.checked)}
            disabled={form.submitting}
            label="Public skills page"
            description="Anyone with the link can see these skills and the credentials behind them."
          />
          {p.public ? (
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput label="Link to your public skills page" value={p.publicUrl} readOnly style={{ flex: 1, minWidth: 0 }} />
              <CopyButton value={p.publicUrl}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant="default">
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          ) : null}
          <ProblemAlert problem={form.problem} />
        </Stack>
      </Card>
      {p.skills.length === 0 ? (
        <EmptyState title="No verified skills yet">
          Earn a micro-credential aligned to a skill framework, or{' '}
          <Anchor component={Link} to="/me/wallet">
            import a credential
          </Anchor>{' '}
          that names its skills.
        </EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
          aria-label="Verified skills"
        >
          {p.skills.map((s, i) => (
            <Card key={s.url} withBorder radius="md" padding="md" component="li">
              <Stack gap="xs">
                <CardHeading title={s.name} order={2} aside={<LevelBadge level={s.level} />} />
                <Text size="sm" c="dimmed">
                  {[s.code, s.framework].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm" fw={600} id={`skill-evidence-${i}`}>
                  Proven by {s.evidence.length} credential{s.evidence.length === 1 ? '' : 's'}
                </Text>
                <EvidenceTrail evidence={s.evidence} labelledBy={`skill-evidence-${i}`} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Text mt="lg">
        Set a career goal to see which skills you still need:{' '}
        <Anchor component={Link} to="/me/goals">
          My goals
        </Anchor>
        .
      </Text>
    </>
  );
}

/** A learner's public skills page (shown only when they turned it on). */
export function PublicSkillsPage() {
  const { accountId = '' } = useParams();
  const profile = useApiQuery(`/people/${encodeURIComponent(accountId)}/skills`, PublicSkillProfileContract);
  if (profile.status === 'loading') return <LoadingState label="Loading skills…" />;
  if (profile.status === 'error') return <ErrorState error={profile.error} title="No public skills page here" />;
  return (
    <>
      <PageTitle title={`${profile.data.name}’s skills`}>{profile.data.name}’s verified skills</PageTitle>
      <SimpleGrid
        cols={{ base: 1, md: 2 }}
        spacing="md"
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
        aria-label="Verified skills"
      >
        {profile.data.skills.map((s, i) => (
          <Card key={s.url} withBorder radius="md" padding="md" component="li">
            <Stack gap="xs">
              <CardHeading title={s.name} order={2} aside={<LevelBadge level={s.level} />} />
              <Text size="sm" fw={600} id={`public-evidence-${i}`}>
                Proven by
              </Text>
              <EvidenceTrail evidence={s.evidence} labelledBy={`public-evidence-${i}`} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

/** Talent search result cards and the required-skill list they share with the profile page. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { GapSkill, TalentResult } from '@tessera/shared';
import { Link } from 'react-router';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { EvidenceTrail, LevelBadge } from '../../learn/SkillEvidence';

const STATUS: Record<GapSkill['status'], { label: string; color: string }> = {
  verified: { label: 'Verified', color: 'teal.9' },
  below_level: { label: 'Below the level', color: '#a8410c' },
  missing: { label: 'Not verified', color: 'gray.8' },
};

/** Each required skill: verified or not, the level, and the verified credentials that prove it. */
export function RequiredSkills({ skills, idPrefix }: { skills: GapSkill[]; idPrefix: string }) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {skills.map((s, i) => (
        <li key={s.url}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} id={`${idPrefix}-${i}`}>
              {s.name}
              {s.requiredLevel ? ` (level ${s.requiredLevel}+)` : ''}
            </Text>
            <Badge variant="filled" size="sm" color={STATUS[s.status].color} styles={FULL_LABEL_BADGE}>
              {STATUS[s.status].label}
            </Badge>
            <LevelBadge level={s.level} />
          </Group>
          {s.evidence.length ? <EvidenceTrail evidence={s.evidence} labelledBy={`${idPrefix}-${i}`} /> : null}
        </li>
      ))}
    </Stack>
  );
}

/** One person a search found. */
export function ResultCard({ slug, result, searchId }: { slug: string; result: TalentResult; searchId: string }) {
  const headingId = `result-${result.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" id={headingId}>
              {result.displayName}
            </Title>
            {result.headline ? <Text size="sm">{result.headline}</Text> : null}
            {result.location ? (
              <Text size="sm" c="dimmed">
                {result.location}
              </Text>
            ) : null}
          </div>
          <Badge variant="filled" color="indigo.9" styles={FULL_LABEL_BADGE}>
            {result.matched} of {result.required} skills verified
          </Badge>
        </Group>
        <RequiredSkills skills={result.skills} idPrefix={`r-${result.id}`} />
        <Group>
          <Button
            component={Link}
            to={`/orgs/${encodeURIComponent(slug)}/talent/people/${encodeURIComponent(result.id)}?search=${encodeURIComponent(searchId)}`}
            variant="light"
            aria-label={`View profile of ${result.displayName}`}
          >
            View profile
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

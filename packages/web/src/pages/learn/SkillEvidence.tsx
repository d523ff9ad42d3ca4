/** Shared pieces of the skills screens: a rubric level badge and a skill's evidence trail. */
import { Anchor, Badge, List, Text } from '@mantine/core';
import type { SkillEvidence, SkillLevel } from '@tessera/shared';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { formatDateTime, safeHref } from '../../lib/links';

/** A rubric level as a badge ("Proficient 3/3"), never truncated. */
export function LevelBadge({ level }: { level: SkillLevel | null }) {
  if (!level) return null;
  return (
    <Badge variant="filled" color="teal.9" styles={FULL_LABEL_BADGE} aria-label={`Level ${level.name}, ${level.rank} of ${level.of}`}>
      {level.name} {level.rank}/{level.of}
    </Badge>
  );
}

/** The verified credentials behind a skill, each linked to its verifiable credential when it has a URL. */
export function EvidenceTrail({ evidence, labelledBy }: { evidence: SkillEvidence[]; labelledBy: string }) {
  return (
    <List size="sm" spacing={4} aria-labelledby={labelledBy}>
      {evidence.map((e) => {
        const href = safeHref(e.url);
        return (
          <List.Item key={`${e.kind}-${e.credentialId}`}>
            {href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer">
                {e.name}
              </Anchor>
            ) : (
              <Text span>{e.name}</Text>
            )}
            <Text span size="sm" c="dimmed">
              {' '}
              — {e.kind === 'earned' ? 'earned' : 'imported'}
              {e.issuerName ? `, ${e.issuerName}` : ''}
              {e.issuedAt ? `, ${formatDateTime(e.issuedAt)}` : ''}
              {e.level ? `, level ${e.level.name}` : ''}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}

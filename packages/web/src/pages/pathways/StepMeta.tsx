import { Text } from '@mantine/core';

/** The issuer and credits shown after a pathway step's name, on the learner's map and on the public page. */
export function StepMeta({ issuerName, credits }: { issuerName: string | null; credits: number | null }) {
  return (
    <>
      {issuerName ? (
        <Text span size="sm" c="dimmed">
          by {issuerName}
        </Text>
      ) : null}
      {credits !== null ? (
        <Text span size="sm">
          · {credits} credit{credits === 1 ? '' : 's'}
        </Text>
      ) : null}
    </>
  );
}

/** What an assessor can do once a submission needs nothing more from them: open the next one, or go back to the queue. */
import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/states';
import { useNextSubmission } from './useNextSubmission';

/** "Next submission" (claimed for me) and "Back to queue". */
export function NextActions({ orgSlug }: { orgSlug: string }) {
  const next = useNextSubmission(orgSlug);
  return (
    <>
      <Group gap="sm" mt="sm">
        <Button onClick={() => void next.go()} loading={next.busy} disabled={next.empty}>
          Next submission
        </Button>
        <Button component={Link} to={`/orgs/${orgSlug}/queue`} variant="default">
          Back to queue
        </Button>
      </Group>
      <div aria-live="polite">
        {next.empty ? (
          <Text size="sm" mt="xs">
            Nothing else is waiting for you. Well done.
          </Text>
        ) : null}
      </div>
      <ProblemAlert problem={next.problem} />
    </>
  );
}

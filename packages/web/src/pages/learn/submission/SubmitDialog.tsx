/** The confirmation before evidence is sent for assessment: what is sent, what happens next, and progress while sending. */
import { Button, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import type { Submission } from '../../../lib/types';
import { describeItem, hasContent } from './evidence-rules';

/** Props of {@link SubmitDialog}. */
export interface SubmitDialogProps {
  submission: Submission;
  opened: boolean;
  sending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** A dialog summarising the evidence that will be sent, with "Submit now" and "Keep editing". */
export function SubmitDialog({ submission: s, opened, sending, onCancel, onConfirm }: SubmitDialogProps) {
  const resubmit = s.state === 'needs_revision';
  const attempt = s.attempt + 1;
  return (
    <Modal
      opened={opened}
      onClose={sending ? () => undefined : onCancel}
      withCloseButton={!sending}
      closeOnEscape={!sending}
      closeOnClickOutside={!sending}
      title={resubmit ? 'Resubmit for assessment?' : 'Submit for assessment?'}
      centered
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" id="submit-summary-title" fw={600}>
          You are sending, for attempt {attempt} of {s.maxAttempts}:
        </Text>
        <List size="sm" spacing={4} aria-labelledby="submit-summary-title">
          {s.achievement.evidenceRequirements.map((r, i) => {
            const item = s.evidence.find((e) => e.requirementId === r.id);
            return (
              <List.Item key={r.id}>
                <Text span size="sm" fw={600}>
                  Evidence {i + 1}:
                </Text>{' '}
                <Text span size="sm" className="wrap-anywhere">
                  {item && hasContent(item) ? describeItem(item) : r.required ? 'nothing (required)' : 'nothing (optional)'}
                </Text>
              </List.Item>
            );
          })}
        </List>
        <Text size="sm">
          {resubmit ? 'The evidence you changed is assessed again. ' : ''}Your evidence cannot change while the assessors review it. You
          will be told in the app and by email when they have decided.
        </Text>
        {sending ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Progress value={100} animated striped aria-label="Sending your evidence" />
            <Text size="sm">Sending your evidence to the assessors…</Text>
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={sending} data-autofocus>
            Keep editing
          </Button>
          <Button onClick={onConfirm} loading={sending}>
            {resubmit ? 'Resubmit now' : 'Submit now'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

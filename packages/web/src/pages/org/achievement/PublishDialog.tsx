/** The confirmation before publishing: a published version is permanent, and learners will earn it. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Ask before publishing version `version` of `name`. */
export function PublishDialog({
  opened,
  name,
  version,
  busy,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  name: string;
  version: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={`Publish version ${version}?`} centered>
      <Stack gap="sm">
        <Text>
          You are about to publish “{name}” as version {version}. <strong>Publishing cannot be undone</strong>: a published version can
          never be edited or withdrawn.
        </Text>
        <Text>
          Learners who start from now on will earn this version, and every credential issued for it will show exactly what it says today. To
          change it later, you publish a new version.
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            Publish version {version}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

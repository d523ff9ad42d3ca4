/** Stops navigation away from unsaved edits: a dialog inside the app (react-router's blocker), the browser's own prompt on reload or close. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { DANGER } from '../../../theme';

/**
 * Guard unsaved edits. `isDirty` is read when someone tries to leave (so a save just made counts at once); `dirty`
 * is the same state as rendered, for the browser's prompt. `onSave` saves and resolves whether it worked.
 */
export function UnsavedChangesGuard({
  isDirty,
  dirty,
  what,
  onSave,
}: {
  isDirty: () => boolean;
  dirty: boolean;
  what: string;
  onSave: () => Promise<boolean>;
}) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && isDirty());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show their prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const blocked = blocker.state === 'blocked';
  const saveAndLeave = async () => {
    setSaving(true);
    const ok = await onSave();
    setSaving(false);
    if (blocker.state !== 'blocked') return;
    if (ok) blocker.proceed();
    else blocker.reset();
  };
  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title="Leave without saving?" centered size="lg">
      <Stack gap="sm">
        <Text>You have changed {what} since it was last saved. If you leave this page now, those changes are lost.</Text>
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Stay on this page
          </Button>
          <Button variant="outline" color={DANGER} onClick={() => blocker.proceed?.()}>
            Leave without saving
          </Button>
          <Button onClick={() => void saveAndLeave()} loading={saving}>
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

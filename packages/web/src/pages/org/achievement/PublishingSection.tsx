/** Editor section: validity and attempts, the publish checklist, and the save / publish / retire actions. */
import { Button, Divider, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { DANGER } from '../../../theme';
import type { Achievement } from '../../../lib/types';
import type { EditorForm } from './editor-model';
import { fieldId } from './editor-model';
import { FormSection, numberProps } from './parts';
import { PublishChecklist } from './PublishChecklist';

/** What the publishing section can do. */
export interface PublishingActions {
  busy: boolean;
  onPublish: () => void;
  onPreview: () => void;
  onRetire: () => void;
  onGo: (path: string) => void;
}

/** Validity, attempts, the checklist and the action buttons (the form's submit button saves the draft). */
export function PublishingSection({
  form,
  current,
  dirty,
  actions,
}: {
  form: EditorForm;
  current: Achievement | null;
  dirty: boolean;
  actions: PublishingActions;
}) {
  const { validity } = form.values;
  const nothingNew = current !== null && current.status === 'published' && !current.hasUnpublishedChanges && !dirty;
  const retired = current?.status === 'retired';
  return (
    <FormSection title="Issuing and publishing" id="publishing">
      <Radio.Group
        id={fieldId('validity')}
        label="Validity"
        value={validity.kind}
        onChange={(v) =>
          form.setFieldValue(
            'validity',
            v === 'never' ? { kind: 'never' } : { kind: 'months', months: validity.kind === 'months' ? validity.months : 24 },
          )
        }
      >
        <Stack gap={6} mt={4}>
          <Radio value="never" label="Never expires" />
          <Radio value="months" label="Expires a number of months after issue" />
        </Stack>
      </Radio.Group>
      {validity.kind === 'months' ? (
        <NumberInput
          label="Months of validity"
          min={1}
          max={240}
          allowDecimal={false}
          {...numberProps(form, 'validity.months', 1)}
          w={200}
        />
      ) : null}
      <NumberInput
        label="Maximum attempts"
        description="How many times a learner may submit."
        min={1}
        max={20}
        allowDecimal={false}
        {...numberProps(form, 'maxAttempts', 1)}
        w={200}
      />
      <Divider />
      <PublishChecklist values={form.values} onGo={actions.onGo} />
      <Divider />
      <Group>
        <Button type="submit" loading={actions.busy}>
          Save draft
        </Button>
        <Button variant="filled" onClick={actions.onPublish} loading={actions.busy} disabled={retired || nothingNew}>
          {current?.status === 'published' ? 'Publish a new version' : 'Publish'}
        </Button>
        <Button variant="default" onClick={actions.onPreview}>
          Preview
        </Button>
        {current?.status === 'published' ? (
          <Button variant="outline" color={DANGER} onClick={actions.onRetire}>
            Retire
          </Button>
        ) : null}
      </Group>
      {nothingNew ? (
        <Text size="sm">Nothing has changed since version {current.latestVersion?.version}; edit the draft to publish a new version.</Text>
      ) : null}
      {retired ? (
        <Text size="sm">This micro-credential is retired: it can no longer be edited or published. Duplicate it to start a new one.</Text>
      ) : null}
    </FormSection>
  );
}

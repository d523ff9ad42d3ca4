/** Building blocks shared by the editor's sections: section frames, list controls and required markers. */
import { ActionIcon, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { neededToPublish } from '@tessera/shared';
import type { ReactNode } from 'react';
import { DANGER } from '../../../theme';
import type { EditorForm } from './editor-model';
import { fieldId } from './editor-model';

/** Text shown under a field that must be filled to save a draft. */
export const NEEDED_TO_SAVE = 'Needed to save';
/** Text shown under a field that must be filled before publishing. */
export const NEEDED_TO_PUBLISH = 'Needed to publish';

/**
 * Props that mark a field as required, from the same rules the server applies: `required` when the draft cannot be
 * saved without it, otherwise an asterisk and "Needed to publish" when publishing needs it (see PUBLISH_RULES).
 * `extra` is a description the field has anyway.
 */
export function requiredProps(
  path: string,
  opts: { toSave?: boolean; extra?: string } = {},
): { required?: boolean; withAsterisk?: boolean; description?: string } {
  const join = (need: string) => (opts.extra ? `${need}. ${opts.extra}` : need);
  if (opts.toSave) return { required: true, description: join(NEEDED_TO_SAVE) };
  if (neededToPublish(path)) return { withAsterisk: true, description: join(NEEDED_TO_PUBLISH) };
  return opts.extra ? { description: opts.extra } : {};
}

/** Input props for a field of the form, with the id the checklist and error summary link to. */
export function fieldProps(form: EditorForm, path: string) {
  return { ...form.getInputProps(path), id: fieldId(path) };
}

/** Props for a whole-number field: an emptied input holds `fallback` (the schema has no empty value for it). */
export function numberProps(form: EditorForm, path: string, fallback: number) {
  const props = fieldProps(form, path);
  return { ...props, onChange: (v: number | string) => form.setFieldValue(path, typeof v === 'number' ? v : fallback) };
}

/** A message for a whole list (e.g. "Add at least one rubric criterion"), focusable so the checklist can go to it. */
export function ListError({ form, path }: { form: EditorForm; path: string }) {
  const error = form.errors[path];
  return (
    <Text id={fieldId(path)} tabIndex={-1} c="red.9" size="sm" role={error ? 'alert' : undefined}>
      {error ?? ''}
    </Text>
  );
}

/** The marker of a list publishing needs at least one item of (from the same rules as the server). */
export function ListNeed({ path, what }: { path: string; what: string }) {
  if (!neededToPublish(path)) return null;
  return (
    <Text size="sm">
      <span aria-hidden="true">* </span>
      {NEEDED_TO_PUBLISH}: at least one {what}.
    </Text>
  );
}

/** A titled section of the form. */
export function FormSection({
  title,
  description,
  id,
  children,
}: {
  title: string;
  description?: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'} id={id ? `${id}-title` : undefined}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" mb="sm">
          {description}
        </Text>
      ) : null}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** Up, down and remove buttons for an item in a list. */
export function ListControls({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={4}>
      <ActionIcon variant="default" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon variant="default" aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        <span aria-hidden="true">↓</span>
      </ActionIcon>
      <Button variant="subtle" color={DANGER} size="xs" onClick={onRemove}>
        Remove {label}
      </Button>
    </Group>
  );
}

/** The legend for the required markers. */
export function RequiredLegend() {
  return (
    <Text size="sm">
      Fields marked <span aria-hidden="true">*</span>
      <span className="visually-hidden">with an asterisk</span> are required: “{NEEDED_TO_SAVE}” fields before you can save a draft, “
      {NEEDED_TO_PUBLISH}” fields before you can publish.
    </Text>
  );
}

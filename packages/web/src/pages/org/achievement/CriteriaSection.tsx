/** Editor section: how it is earned (criteria narrative) and the evidence the learner submits. */
import { Button, Checkbox, Group, MultiSelect, Paper, Stack, Switch, Textarea, Title } from '@mantine/core';
import { EVIDENCE_KINDS, EvidenceKind } from '@tessera/shared';
import { kindLabel } from '../../../components/AchievementView';
import type { EditorForm, Kind } from './editor-model';
import { fieldId, nextId } from './editor-model';
import { FormSection, ListControls, ListError, ListNeed, fieldProps, requiredProps } from './parts';

const isKind = (k: string): k is Kind => EvidenceKind.safeParse(k).success;

function RequirementEditor({ form, ri }: { form: EditorForm; ri: number }) {
  const p = `evidenceRequirements.${ri}`;
  const r = form.values.evidenceRequirements[ri];
  if (!r) return null;
  const count = form.values.evidenceRequirements.length;
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Evidence requirement {ri + 1}
        </Title>
        <ListControls
          label={`evidence requirement ${ri + 1}`}
          index={ri}
          count={count}
          onMove={(to) => form.reorderListItem('evidenceRequirements', { from: ri, to })}
          onRemove={() => form.removeListItem('evidenceRequirements', ri)}
        />
      </Group>
      <Stack gap="xs">
        <Textarea
          label={`Prompt for evidence ${ri + 1}`}
          autosize
          minRows={2}
          {...fieldProps(form, `${p}.prompt`)}
          {...requiredProps(`${p}.prompt`, { toSave: true })}
        />
        <Checkbox.Group
          id={fieldId(`${p}.kinds`)}
          label={`Kinds of evidence accepted for requirement ${ri + 1}`}
          value={r.kinds}
          onChange={(v) => form.setFieldValue(`${p}.kinds`, v.filter(isKind))}
          error={form.errors[`${p}.kinds`]}
          {...requiredProps(`${p}.kinds`, { toSave: true })}
        >
          <Group mt={4}>
            {EVIDENCE_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={kindLabel(k)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch label={`Requirement ${ri + 1} is required`} {...form.getInputProps(`${p}.required`, { type: 'checkbox' })} />
        <MultiSelect
          label={`Criteria this evidence supports (requirement ${ri + 1})`}
          description="Leave empty if it supports every criterion. On a revision, learners may change only evidence for criteria not yet met."
          data={form.values.rubric.criteria.map((c, i) => ({ value: c.id, label: c.name || `Criterion ${i + 1}` }))}
          {...fieldProps(form, `${p}.criterionIds`)}
          clearable
        />
      </Stack>
    </Paper>
  );
}

/** The criteria narrative and the list of evidence requirements. */
export function CriteriaSection({ form }: { form: EditorForm }) {
  const list = form.values.evidenceRequirements;
  return (
    <FormSection
      title="Criteria and evidence"
      id="criteria"
      description="How the micro-credential is earned, and what the learner submits: each requirement is a prompt with the kinds of evidence it accepts."
    >
      <Textarea
        label="Criteria narrative"
        autosize
        minRows={3}
        {...fieldProps(form, 'criteriaNarrative')}
        {...requiredProps('criteriaNarrative')}
      />
      <ListNeed path="evidenceRequirements" what="evidence requirement" />
      <ListError form={form} path="evidenceRequirements" />
      {list.map((r, ri) => (
        <RequirementEditor key={r.id} form={form} ri={ri} />
      ))}
      <Group>
        <Button
          variant="default"
          disabled={list.length >= 20}
          onClick={() =>
            form.insertListItem('evidenceRequirements', {
              id: nextId(
                'e',
                list.map((r) => r.id),
              ),
              prompt: '',
              kinds: ['text'],
              required: true,
              criterionIds: [],
            })
          }
        >
          Add an evidence requirement
        </Button>
      </Group>
    </FormSection>
  );
}

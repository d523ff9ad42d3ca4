/** Editor section: the rubric (criteria × ordered levels, with the level each criterion requires). */
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { neededToPublish } from '@tessera/shared';
import { DANGER } from '../../../theme';
import type { Criterion, EditorForm } from './editor-model';
import { fieldId, newLevels, nextId } from './editor-model';
import {
  FormSection,
  ListControls,
  ListError,
  ListNeed,
  NEEDED_TO_PUBLISH,
  NEEDED_TO_SAVE,
  fieldProps,
  numberProps,
  requiredProps,
} from './parts';

function LevelRow({ form, ci, li }: { form: EditorForm; ci: number; li: number }) {
  const c = form.values.rubric.criteria[ci];
  const l = c?.levels[li];
  if (!c || !l) return null;
  const p = `rubric.criteria.${ci}.levels.${li}`;
  const name = `Criterion ${ci + 1} level ${li + 1}`;
  const remove = () => {
    const levels = c.levels.filter((_, i) => i !== li);
    form.setFieldValue(`rubric.criteria.${ci}`, {
      ...c,
      levels,
      requiredLevelId: levels.some((x) => x.id === c.requiredLevelId) ? c.requiredLevelId : (levels[levels.length - 1]?.id ?? ''),
    });
  };
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={`${name} name`} required {...fieldProps(form, `${p}.name`)} />
      </Table.Td>
      <Table.Td>
        <Textarea aria-label={`${name} description`} autosize minRows={1} {...fieldProps(form, `${p}.description`)} />
      </Table.Td>
      <Table.Td>
        <NumberInput aria-label={`${name} points`} min={0} max={1000} allowDecimal={false} {...numberProps(form, `${p}.points`, 0)} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label={`Move ${name.toLowerCase()} up`}
            disabled={li === 0}
            onClick={() => form.reorderListItem(`rubric.criteria.${ci}.levels`, { from: li, to: li - 1 })}
          >
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={`Move ${name.toLowerCase()} down`}
            disabled={li === c.levels.length - 1}
            onClick={() => form.reorderListItem(`rubric.criteria.${ci}.levels`, { from: li, to: li + 1 })}
          >
            <span aria-hidden="true">↓</span>
          </ActionIcon>
          <ActionIcon
            variant="default"
            color={DANGER}
            aria-label={`Remove ${name.toLowerCase()}`}
            disabled={c.levels.length <= 2}
            onClick={remove}
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function CriterionEditor({ form, ci, onRemove }: { form: EditorForm; ci: number; onRemove: () => void }) {
  const c = form.values.rubric.criteria[ci];
  if (!c) return null;
  const p = `rubric.criteria.${ci}`;
  const count = form.values.rubric.criteria.length;
  const levelDescriptionNeed = neededToPublish(`${p}.levels.0.description`);
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Criterion {ci + 1}
        </Title>
        <ListControls
          label={`criterion ${ci + 1}`}
          index={ci}
          count={count}
          onMove={(to) => form.reorderListItem('rubric.criteria', { from: ci, to })}
          onRemove={onRemove}
        />
      </Group>
      <Stack gap="xs">
        <TextInput
          label={`Name of criterion ${ci + 1}`}
          {...fieldProps(form, `${p}.name`)}
          {...requiredProps(`${p}.name`, { toSave: true })}
        />
        <Textarea
          label={`What criterion ${ci + 1} looks for`}
          autosize
          minRows={2}
          {...fieldProps(form, `${p}.description`)}
          {...requiredProps(`${p}.description`)}
        />
        <Text size="sm" id={`${fieldId(p)}-levels-note`}>
          Levels, lowest first. Level names are {NEEDED_TO_SAVE.toLowerCase()}
          {levelDescriptionNeed ? `; level descriptions are ${NEEDED_TO_PUBLISH.toLowerCase()}` : ''}.
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder aria-describedby={`${fieldId(p)}-levels-note`}>
            <caption className="visually-hidden">Levels of criterion {ci + 1}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  Level name <span aria-hidden="true">*</span>
                </Table.Th>
                <Table.Th scope="col">Description {levelDescriptionNeed ? <span aria-hidden="true">*</span> : null}</Table.Th>
                <Table.Th scope="col" w={100}>
                  Points
                </Table.Th>
                <Table.Th scope="col" w={130}>
                  Actions
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.levels.map((l, li) => (
                <LevelRow key={l.id} form={form} ci={ci} li={li} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListError form={form} path={`${p}.levels`} />
        <Group justify="space-between" align="flex-end">
          <Button
            variant="default"
            size="xs"
            disabled={c.levels.length >= 8}
            onClick={() =>
              form.insertListItem(`${p}.levels`, {
                id: nextId(
                  'l',
                  c.levels.map((l) => l.id),
                ),
                name: '',
                description: '',
                points: (c.levels[c.levels.length - 1]?.points ?? 0) + 1,
              })
            }
          >
            Add a level to criterion {ci + 1}
          </Button>
          <Select
            id={fieldId(`${p}.requiredLevelId`)}
            label={`Level required to pass criterion ${ci + 1}`}
            data={c.levels.map((l, li) => ({ value: l.id, label: l.name || `Level ${li + 1}` }))}
            value={c.requiredLevelId}
            onChange={(v) => v && form.setFieldValue(`${p}.requiredLevelId`, v)}
            allowDeselect={false}
            error={form.errors[`${p}.requiredLevelId`]}
            w={260}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

/** The rubric: criteria with their levels; removing a criterion also unlinks it from evidence requirements. */
export function RubricSection({ form }: { form: EditorForm }) {
  const criteria = form.values.rubric.criteria;
  const remove = (c: Criterion, ci: number) => {
    form.removeListItem('rubric.criteria', ci);
    form.setFieldValue(
      'evidenceRequirements',
      form.getValues().evidenceRequirements.map((r) => ({ ...r, criterionIds: r.criterionIds.filter((x) => x !== c.id) })),
    );
  };
  return (
    <FormSection
      title="Rubric"
      id="rubric"
      description="Each criterion has ordered levels, lowest first. A submission passes when every criterion reaches its required level."
    >
      <ListNeed path="rubric.criteria" what="criterion" />
      <ListError form={form} path="rubric.criteria" />
      {criteria.map((c, ci) => (
        <CriterionEditor key={c.id} form={form} ci={ci} onRemove={() => remove(c, ci)} />
      ))}
      <Group>
        <Button
          variant="default"
          disabled={criteria.length >= 12}
          onClick={() =>
            form.insertListItem('rubric.criteria', {
              id: nextId(
                'c',
                criteria.map((c) => c.id),
              ),
              name: '',
              description: '',
              levels: newLevels(),
              requiredLevelId: 'l2',
            })
          }
        >
          Add a criterion
        </Button>
      </Group>
    </FormSection>
  );
}

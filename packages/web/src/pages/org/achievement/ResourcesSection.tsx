/** Editor section: research and resources, and alignments to skills or standards. */
import { Button, Group, Paper, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { EditorForm } from './editor-model';
import { FormSection, ListControls, fieldProps, requiredProps } from './parts';

/** An optional text of an alignment: empty means left out. */
function OptionalText({ form, path, label }: { form: EditorForm; path: string; label: string }) {
  const props = fieldProps(form, path);
  return (
    <TextInput
      label={label}
      {...props}
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(e) => form.setFieldValue(path, e.currentTarget.value || undefined)}
    />
  );
}

/** Resources (title, URL, note) and OB 3.0 alignments. */
export function ResourcesSection({ form }: { form: EditorForm }) {
  const { resources, alignments } = form.values;
  return (
    <>
      <FormSection title="Research and resources" id="resources">
        {resources.map((_, i) => (
          <Paper key={i} withBorder p="sm" bg="gray.0">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`Resource ${i + 1} title`}
                {...fieldProps(form, `resources.${i}.title`)}
                {...requiredProps(`resources.${i}.title`, { toSave: true })}
              />
              <TextInput
                label={`Resource ${i + 1} URL`}
                type="url"
                {...fieldProps(form, `resources.${i}.url`)}
                {...requiredProps(`resources.${i}.url`, { toSave: true })}
              />
            </SimpleGrid>
            <Textarea label={`Resource ${i + 1} note`} autosize minRows={1} {...fieldProps(form, `resources.${i}.note`)} />
            <Group mt="xs">
              <ListControls
                label={`resource ${i + 1}`}
                index={i}
                count={resources.length}
                onMove={(to) => form.reorderListItem('resources', { from: i, to })}
                onRemove={() => form.removeListItem('resources', i)}
              />
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            disabled={resources.length >= 50}
            onClick={() => form.insertListItem('resources', { title: '', url: '', note: '' })}
          >
            Add a resource
          </Button>
        </Group>
      </FormSection>
      <FormSection
        title="Alignments"
        id="alignments"
        description="Skills, standards or competency frameworks this micro-credential aligns to."
      >
        {alignments.map((_, i) => (
          <Paper key={i} withBorder p="sm" bg="gray.0">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={`Alignment ${i + 1} target name`}
                {...fieldProps(form, `alignments.${i}.targetName`)}
                {...requiredProps(`alignments.${i}.targetName`, { toSave: true })}
              />
              <TextInput
                label={`Alignment ${i + 1} target URL`}
                type="url"
                {...fieldProps(form, `alignments.${i}.targetUrl`)}
                {...requiredProps(`alignments.${i}.targetUrl`, { toSave: true })}
              />
              <OptionalText form={form} path={`alignments.${i}.targetFramework`} label={`Alignment ${i + 1} framework`} />
              <OptionalText form={form} path={`alignments.${i}.targetCode`} label={`Alignment ${i + 1} code`} />
            </SimpleGrid>
            <Group mt="xs">
              <ListControls
                label={`alignment ${i + 1}`}
                index={i}
                count={alignments.length}
                onMove={(to) => form.reorderListItem('alignments', { from: i, to })}
                onRemove={() => form.removeListItem('alignments', i)}
              />
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            disabled={alignments.length >= 50}
            onClick={() => form.insertListItem('alignments', { targetName: '', targetUrl: '' })}
          >
            Add an alignment
          </Button>
        </Group>
      </FormSection>
    </>
  );
}

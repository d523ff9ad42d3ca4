/** Editor section: what the micro-credential is (name, description, type, effort, image, skills, goal). */
import { Button, FileInput, Group, Image, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { ACHIEVEMENT_TYPES, AchievementType, LIMITS } from '@tessera/shared';
import type { EditorForm } from './editor-model';
import { fieldId } from './editor-model';
import { FormSection, fieldProps, requiredProps } from './parts';

/** The badge image controls' state, owned by the editor (uploads happen outside the form). */
export interface ImageControls {
  url: string | null;
  error: string | null;
  onFile: (file: File | null) => void;
  onUseGenerated: () => void;
}

/** A number field that may be left empty (null). */
function OptionalNumber({
  form,
  path,
  label,
  min,
  max,
  step,
  extra,
}: {
  form: EditorForm;
  path: 'creditsAvailable' | 'effortHours';
  label: string;
  min: number;
  max: number;
  step?: number;
  extra?: string;
}) {
  const value = form.values[path];
  return (
    <NumberInput
      id={fieldId(path)}
      label={label}
      min={min}
      max={max}
      step={step}
      decimalScale={2}
      value={value ?? ''}
      onChange={(v) => form.setFieldValue(path, typeof v === 'number' ? v : null)}
      error={form.errors[path]}
      {...requiredProps(path, extra ? { extra } : {})}
    />
  );
}

/** Name, description, type, credits, effort, image, skills, learning goal and competency. */
export function BasicsSection({ form, image, orgName }: { form: EditorForm; image: ImageControls; orgName: string }) {
  return (
    <>
      <FormSection title="About" id="about">
        <TextInput label="Name" maxLength={200} {...fieldProps(form, 'name')} {...requiredProps('name', { toSave: true })} />
        <Textarea label="Description" autosize minRows={3} {...fieldProps(form, 'description')} {...requiredProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            id={fieldId('achievementType')}
            label="Achievement type"
            data={[...ACHIEVEMENT_TYPES]}
            value={form.values.achievementType}
            onChange={(v) => {
              const parsed = AchievementType.safeParse(v);
              if (parsed.success) form.setFieldValue('achievementType', parsed.data);
            }}
            allowDeselect={false}
          />
          <OptionalNumber form={form} path="creditsAvailable" label="Credits (optional)" min={0} max={1000} />
          <OptionalNumber
            form={form}
            path="effortHours"
            label="Effort in hours (optional)"
            min={0.5}
            max={500}
            step={0.5}
            extra="About how long earning it takes; shown in the catalog."
          />
        </SimpleGrid>
        <Group align="flex-end" gap="md">
          {image.url ? <Image src={image.url} alt="Current badge image" w={96} h={96} fit="contain" /> : null}
          <Stack gap={4}>
            <FileInput
              label="Badge image (PNG, JPEG, GIF or WebP)"
              description={`Up to ${LIMITS.imageFileBytes / 1024 / 1024} MB. Without one, Tessera draws an image in ${orgName}'s colours.`}
              accept="image/png,image/jpeg,image/gif,image/webp"
              placeholder="Choose an image"
              onChange={image.onFile}
              error={image.error ?? form.errors.imageFileId}
            />
            {form.values.imageFileId ? (
              <Button variant="subtle" size="xs" onClick={image.onUseGenerated}>
                Use the generated image
              </Button>
            ) : null}
          </Stack>
        </Group>
        <TagsInput label="Skills" description="Press Enter after each skill." {...fieldProps(form, 'skills')} />
      </FormSection>
      <FormSection title="Goal" id="goal">
        <Textarea label="Learning goal" autosize minRows={2} {...fieldProps(form, 'learningGoal')} {...requiredProps('learningGoal')} />
        <Textarea label="Competency statement" autosize minRows={2} {...fieldProps(form, 'competency')} />
      </FormSection>
    </>
  );
}

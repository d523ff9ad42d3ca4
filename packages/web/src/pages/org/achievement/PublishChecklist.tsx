/** The publish checklist: every rule the server checks before publishing, met or not, with a link to the field. */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { publishChecklist } from '@tessera/shared';
import type { ChecklistItem } from '@tessera/shared';
import type { AchievementContent } from '../../../lib/types';
import { fieldId, saveErrors } from './editor-model';

/** The id of the checklist's heading (focused when publishing is refused). */
export const CHECKLIST_HEADING_ID = 'publish-checklist';

/** The checklist lines: the save check first (publishing saves the draft), then the shared publish rules. */
export function checklistItems(values: AchievementContent): ChecklistItem[] {
  const save = Object.keys(saveErrors(values));
  const first: ChecklistItem = {
    id: 'save',
    label: 'Name given and every added item complete',
    ok: save.length === 0,
    path: save[0] ?? 'name',
    count: save.length,
  };
  return [first, ...publishChecklist(values)];
}

/** The checklist for the current form values; `onGo` moves to a field. */
export function PublishChecklist({ values, onGo }: { values: AchievementContent; onGo: (path: string) => void }) {
  const items = checklistItems(values);
  const done = items.filter((i) => i.ok).length;
  return (
    <Stack gap="xs" aria-labelledby={CHECKLIST_HEADING_ID} role="group">
      <Title order={3} size="h5" id={CHECKLIST_HEADING_ID} tabIndex={-1}>
        Before you publish
      </Title>
      <Text size="sm" id="publish-checklist-summary">
        {done === items.length ? 'Everything publishing needs is there.' : `${done} of ${items.length} ready. Publishing needs every item.`}
      </Text>
      <ul className="plain-list" aria-describedby="publish-checklist-summary">
        {items.map((item) => (
          <li key={item.id} data-ok={item.ok}>
            <Group gap={8} wrap="nowrap" align="baseline">
              <Text component="span" c={item.ok ? 'teal.9' : 'red.9'} fw={700} aria-hidden="true" w={16}>
                {item.ok ? '✓' : '✗'}
              </Text>
              <Text component="span" size="sm">
                <span className="visually-hidden">{item.ok ? 'Done: ' : 'Missing: '}</span>
                {item.label}
                {!item.ok && item.count > 1 ? ` (${item.count} fields)` : ''}
                {!item.ok ? (
                  <>
                    {' — '}
                    <Anchor
                      href={`#${fieldId(item.path)}`}
                      size="sm"
                      onClick={(e) => {
                        e.preventDefault();
                        onGo(item.path);
                      }}
                    >
                      go to {item.count > 1 ? 'the first one' : 'the field'}
                      <span className="visually-hidden"> for “{item.label}”</span>
                    </Anchor>
                  </>
                ) : null}
              </Text>
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

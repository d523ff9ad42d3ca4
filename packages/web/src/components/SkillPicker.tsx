/** A searchable picker of framework skills: type to search the frameworks the organisation uses, add or remove skills. */
import { ActionIcon, Badge, Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { SkillWithFramework as SkillWithFrameworkContract } from '@tessera/shared';
import type { SkillWithFramework } from '@tessera/shared';
import { useEffect, useId, useState } from 'react';
import { z } from 'zod';
import { useApiQuery } from '../lib/query';

const Results = z.array(SkillWithFrameworkContract);

/** The search text after the person pauses typing. */
function useDebounced(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** A skill's short label: code and name. */
export function skillLabel(s: Pick<SkillWithFramework, 'code' | 'name'>): string {
  return s.code ? `${s.code} ${s.name}` : s.name;
}

/** Props of {@link SkillPicker}. */
export interface SkillPickerProps {
  /** Field label (also names the search box for screen readers). */
  label: string;
  /** The organisation whose own frameworks are searched with the platform-wide ones. */
  orgSlug: string;
  value: SkillWithFramework[];
  onChange: (next: SkillWithFramework[]) => void;
  disabled?: boolean;
  description?: string;
}

/** Chosen skills as removable badges, a search box, and matching skills to add. */
export function SkillPicker({ label, orgSlug, value, onChange, disabled = false, description }: SkillPickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const resultsId = useId();
  const results = useApiQuery(q ? `/skills/search?q=${encodeURIComponent(q)}&org=${encodeURIComponent(orgSlug)}&limit=8` : null, Results);
  const chosen = new Set(value.map((s) => s.id));
  const found = results.status === 'ok' ? results.data.filter((s) => !chosen.has(s.id)) : [];
  return (
    <Stack gap={6}>
      {value.length ? (
        <Group gap={6} aria-label={`${label}: chosen skills`} role="list">
          {value.map((s) => (
            <Badge
              key={s.id}
              role="listitem"
              variant="light"
              color="indigo.9"
              c="indigo.9"
              size="lg"
              tt="none"
              style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal', paddingBlock: 4 }}
              rightSection={
                disabled ? null : (
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    color="indigo.9"
                    aria-label={`Remove ${skillLabel(s)}`}
                    onClick={() => onChange(value.filter((x) => x.id !== s.id))}
                  >
                    ×
                  </ActionIcon>
                )
              }
            >
              {skillLabel(s)}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          No skills chosen.
        </Text>
      )}
      {disabled ? null : (
        <>
          <TextInput
            label={label}
            description={description}
            placeholder="Search skills by words or code"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-controls={resultsId}
            rightSection={results.fetching ? <Loader size="xs" aria-label="Searching" /> : null}
          />
          <div id={resultsId} aria-live="polite">
            {q && results.status === 'ok' ? (
              found.length ? (
                <Paper withBorder p={4} component="ul" style={{ listStyle: 'none', margin: 0 }} aria-label={`Skills matching “${q}”`}>
                  {found.map((s) => (
                    <li key={s.id}>
                      <Button
                        type="button"
                        variant="subtle"
                        fullWidth
                        justify="flex-start"
                        h="auto"
                        py={6}
                        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                        aria-label={`Add ${skillLabel(s)} (${s.framework.title})`}
                        onClick={() => {
                          onChange([...value, s]);
                          setText('');
                        }}
                      >
                        <span>
                          <Text span fw={600} size="sm">
                            {skillLabel(s)}
                          </Text>
                          <Text span size="xs" c="dimmed" display="block">
                            {s.framework.title}
                          </Text>
                        </span>
                      </Button>
                    </li>
                  ))}
                </Paper>
              ) : (
                <Text size="sm">No skills match “{q}”.</Text>
              )
            ) : null}
            {results.status === 'error' ? (
              <Text size="sm" c="red.9" role="alert">
                The search failed. Try again.
              </Text>
            ) : null}
          </div>
        </>
      )}
    </Stack>
  );
}

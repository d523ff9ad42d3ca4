/** Editor section: align the micro-credential, and each rubric criterion, to framework skills (saved on their own). */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { AchievementAlignments as AlignmentsContract } from '@tessera/shared';
import type { AchievementAlignments, RubricCriterion, SkillWithFramework } from '@tessera/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SkillPicker } from '../../../components/SkillPicker';
import { ErrorState, LoadingState } from '../../../components/states';
import { errorMessage } from '../../../lib/api';
import { apiCall, useApiQuery } from '../../../lib/query';
import { FormSection } from './parts';

/** Skill ids of an alignment set, in the request's shape. */
function toInput(a: AchievementAlignments) {
  return {
    achievement: a.achievement.map((s) => s.id),
    criteria: Object.fromEntries(Object.entries(a.criteria).map(([k, v]) => [k, v.map((s) => s.id)])),
  };
}

/** The skills section: loads the draft's alignments, edits them with pickers, saves them with one button. */
export function SkillsSection({
  slug,
  achievementId,
  criteria,
  canEdit,
  onSaved,
}: {
  slug: string;
  achievementId: string;
  criteria: RubricCriterion[];
  canEdit: boolean;
  /** Called after alignments are saved (publishing then has something new). */
  onSaved?: () => void;
}) {
  const path = `/orgs/${encodeURIComponent(slug)}/achievements/${encodeURIComponent(achievementId)}/alignments`;
  const loaded = useApiQuery(path, AlignmentsContract);
  const [draft, setDraft] = useState<AchievementAlignments | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (loaded.status === 'ok' && draft === null) {
      setDraft(loaded.data);
      setSaved(JSON.stringify(toInput(loaded.data)));
    }
  }, [loaded.status, loaded.data, draft]);
  if (loaded.status === 'loading' || (loaded.status === 'ok' && !draft)) return <LoadingState label="Loading skill alignments…" />;
  if (loaded.status === 'error' || !draft)
    return <ErrorState error={loaded.error} onRetry={loaded.reload} title="Skill alignments could not be loaded" />;
  const dirty = JSON.stringify(toInput(draft)) !== saved;
  const setCriterion = (cid: string, next: SkillWithFramework[]) => setDraft({ ...draft, criteria: { ...draft.criteria, [cid]: next } });
  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      // Criteria no longer in the rubric are dropped; the server refuses them.
      const ids = new Set(criteria.map((c) => c.id));
      const body = toInput({ ...draft, criteria: Object.fromEntries(Object.entries(draft.criteria).filter(([k]) => ids.has(k))) });
      const next = await apiCall('PUT', path, AlignmentsContract, { body });
      setDraft(next);
      setSaved(JSON.stringify(toInput(next)));
      loaded.setData(next);
      setMessage({ ok: true, text: 'Skill alignments saved. The next published version carries them.' });
      onSaved?.();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormSection
      title="Skills"
      id="skills"
      description="Align the micro-credential, and each rubric criterion, to skills in your frameworks. Issued credentials name them as Open Badges alignments."
    >
      <Text size="sm">
        Frameworks are managed under <Link to={`/orgs/${slug}/skills`}>Skill frameworks</Link>.
      </Text>
      <SkillPicker
        label="Skills this micro-credential certifies"
        orgSlug={slug}
        value={draft.achievement}
        onChange={(next) => setDraft({ ...draft, achievement: next })}
        disabled={!canEdit}
      />
      {criteria.length ? (
        <Stack gap="sm">
          {criteria.map((c, i) => (
            <SkillPicker
              key={c.id}
              label={`Criterion ${i + 1}: ${c.name || c.id}`}
              description="Optional: skills this criterion shows"
              orgSlug={slug}
              value={draft.criteria[c.id] ?? []}
              onChange={(next) => setCriterion(c.id, next)}
              disabled={!canEdit}
            />
          ))}
        </Stack>
      ) : (
        <Text size="sm">Add rubric criteria to align each one to skills.</Text>
      )}
      {message ? (
        <Alert color={message.ok ? 'teal.9' : 'red.9'} variant="outline" role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      ) : null}
      {canEdit ? (
        <Group>
          <Button type="button" variant={dirty ? 'filled' : 'default'} loading={busy} disabled={!dirty} onClick={() => void save()}>
            Save skill alignments
          </Button>
          {dirty ? <Text size="sm">Unsaved alignment changes.</Text> : null}
        </Group>
      ) : null}
    </FormSection>
  );
}

/**
 * How a reviewer hears about new submissions, per organisation where they review: in the app (on/off) and by
 * email (at once, a daily digest, or not at all). Each change is saved as it is made. Renders nothing for
 * people who review nowhere.
 */
import { Alert, Group, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { NotificationPreference, NotificationPreferences as PreferencesContract } from '@tessera/shared';
import type { EmailNoticeMode } from '@tessera/shared';
import { useState } from 'react';
import { ApiError } from '../lib/api';
import { apiCall, useApiQuery } from '../lib/query';
import type { Problem } from '../lib/types';
import { ProblemAlert } from './states';

/** The preferences endpoint (GET). */
export const PREFERENCES_PATH = '/me/notification-preferences';

const EMAIL_OPTIONS: Array<{ value: EmailNoticeMode; label: string }> = [
  { value: 'immediate', label: 'At once' },
  { value: 'digest', label: 'Daily digest' },
  { value: 'off', label: 'Off' },
];

/** The notice preferences section of the settings page. */
export function NotificationPreferences() {
  const prefs = useApiQuery(PREFERENCES_PATH, PreferencesContract);
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (prefs.status !== 'ok' || prefs.data.orgs.length === 0) return null;
  const data = prefs.data;

  const change = async (orgSlug: string, patch: { inApp?: boolean; email?: EmailNoticeMode }) => {
    setSaving(orgSlug);
    setSaved(null);
    setProblem(null);
    try {
      const updated = await apiCall('PUT', `/orgs/${encodeURIComponent(orgSlug)}/notification-preferences`, NotificationPreference, {
        body: patch,
      });
      prefs.setData({ ...data, orgs: data.orgs.map((o) => (o.orgSlug === orgSlug ? updated : o)) });
      setSaved(`Saved for ${updated.orgName}.`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.problem);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="notice-prefs-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="notice-prefs-heading">
          New submissions to review
        </Title>
        <Text size="sm">
          Choose how you hear that a learner has submitted or revised evidence in an organisation where you review. Digests go out once a
          day, around 07:00 UTC.
        </Text>
        {!data.emailVerified ? (
          <Alert color="blue.9" variant="outline" title="Email is paused">
            Confirm your email address to receive these emails; until then you get notices in the app only.
          </Alert>
        ) : null}
        <ProblemAlert problem={problem} />
        {data.orgs.map((o) => (
          <Stack key={o.orgSlug} gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} p={0}>
              {o.orgName}
            </Text>
            <Switch
              label="Show in the app"
              checked={o.inApp}
              disabled={saving === o.orgSlug}
              onChange={(e) => void change(o.orgSlug, { inApp: e.currentTarget.checked })}
            />
            <Group gap="sm" align="center">
              <Text size="sm" id={`notice-email-${o.orgSlug}`}>
                Email
              </Text>
              <SegmentedControl
                aria-labelledby={`notice-email-${o.orgSlug}`}
                data={EMAIL_OPTIONS}
                value={o.email}
                disabled={saving === o.orgSlug}
                onChange={(v) => {
                  const mode = EMAIL_OPTIONS.find((x) => x.value === v)?.value;
                  if (mode) void change(o.orgSlug, { email: mode });
                }}
              />
            </Group>
          </Stack>
        ))}
        <Text size="sm" aria-live="polite" role="status">
          {saved ?? ''}
        </Text>
      </Stack>
    </Paper>
  );
}

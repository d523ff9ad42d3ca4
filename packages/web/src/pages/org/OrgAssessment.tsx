/** Owners set how assessment works: service level, share of double scoring, blind reviews. */
import { Alert, Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { OrgWithRole as OrgWithRoleContract, UpdateOrgInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/states';
import { useFormState, validate } from '../../lib/forms';
import { useOrg } from './OrgLayout';
import { apiCall } from '../../lib/query';

/** The assessment settings screen. */
export function OrgAssessmentPage() {
  const { org, setOrg } = useOrg();
  const form = useFormState();
  const [sla, setSla] = useState<number>(org.reviewSlaDays);
  const [share, setShare] = useState<number>(org.doubleScorePercent);
  const [blind, setBlind] = useState(org.blindReviews);
  const [saved, setSaved] = useState(false);
  const canEdit = org.role === 'owner';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = validate(UpdateOrgInput, { reviewSlaDays: sla, doubleScorePercent: share, blindReviews: blind });
    if (!parsed.ok) return form.setFieldErrors(parsed.errors);
    const ok = await form.run(async () =>
      setOrg(await apiCall('PATCH', `/orgs/${encodeURIComponent(org.slug)}`, OrgWithRoleContract, { body: parsed.data })),
    );
    setSaved(ok);
  };
  return (
    <>
      <PageTitle title={`Assessment settings · ${org.name}`}>Assessment settings</PageTitle>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack maw={520}>
          <ProblemAlert problem={form.problem} />
          {saved ? (
            <Alert color="teal.9" variant="outline" role="status">
              Saved.
            </Alert>
          ) : null}
          <NumberInput
            label="Review service level (days)"
            description="Submissions older than this are flagged as overdue in the queue."
            min={1}
            max={365}
            allowDecimal={false}
            value={sla}
            onChange={(v) => setSla(typeof v === 'number' ? v : 1)}
            error={form.fieldErrors.reviewSlaDays}
            disabled={!canEdit}
          />
          <NumberInput
            label="Share of submissions double-scored (%)"
            description="A second assessor scores these independently; an owner settles disagreements."
            min={0}
            max={100}
            allowDecimal={false}
            value={share}
            onChange={(v) => setShare(typeof v === 'number' ? v : 0)}
            error={form.fieldErrors.doubleScorePercent}
            disabled={!canEdit}
          />
          <Switch
            label="Blind reviews: hide learners’ identities from assessors"
            checked={blind}
            onChange={(e) => setBlind(e.currentTarget.checked)}
            disabled={!canEdit}
          />
          {canEdit ? (
            <Group>
              <Button type="submit" loading={form.submitting}>
                Save settings
              </Button>
            </Group>
          ) : (
            <Text size="sm">Only owners can change these settings.</Text>
          )}
        </Stack>
      </form>
    </>
  );
}

/** The dialog that asks why a recognition rule is withdrawn (replaces a browser prompt: labelled, validated, focus kept). */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { RecognitionRule } from '@tessera/shared';
import { RecognitionRule as RuleContract, WithdrawRuleInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemAlert } from '../../components/states';
import { useFormState, validate } from '../../lib/forms';
import { apiCall } from '../../lib/query';
import { DANGER } from '../../theme';

/** Withdraw `rule` with a reason (required, at most 500 characters); `onDone` after the server accepted it. */
export function WithdrawRuleDialog({
  slug,
  rule,
  onClose,
  onDone,
}: {
  slug: string;
  rule: RecognitionRule;
  onClose: () => void;
  onDone: () => Promise<void> | void;
}) {
  const form = useFormState();
  const [reason, setReason] = useState('');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(WithdrawRuleInput, { reason });
    if (!parsed.ok) return form.setFieldErrors(parsed.errors);
    const ok = await form.run(async () => {
      await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/recognition/rules/${encodeURIComponent(rule.id)}/withdraw`, RuleContract, {
        body: parsed.data,
      });
    });
    if (ok) await onDone();
  };
  return (
    <Modal opened onClose={onClose} title="Withdraw this rule?" centered>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ProblemAlert problem={form.problem} />
          <Text size="sm" fw={600}>
            {rule.statement}
          </Text>
          <Text size="sm">
            The rule leaves public pages and learners’ “where this counts”. Its signed statement is marked revoked in your status list, so
            anyone holding a copy sees it no longer stands. The reason is shown with it.
          </Text>
          <Textarea
            label="Reason for withdrawing"
            description="Shown publicly with the withdrawn statement (at most 500 characters)."
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldErrors['reason']}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={DANGER} loading={form.submitting}>
              Withdraw rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../account/field-problems';
import type { Approval, useApprove } from '../api/approvals-queries';
import { notifySuccess } from '../common/notify';
import { recipientProblemKey } from './approval-groups';
import { useDecisionError } from './use-decision-error';

/**
 * Approves the message to another address (email) or mobile number (SMS), typed inline. The API
 * checks it; its 422 on `recipient` is shown under the field, in the user's words.
 */
export function RecipientOverride({ approval, approve }: { approval: Approval; approve: ReturnType<typeof useApprove> }) {
  const { t } = useTranslation();
  const onError = useDecisionError();
  const [recipient, setRecipient] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = () => {
    if (!recipient.trim()) return;
    approve.mutate(
      { id: approval.id, body: { recipient: recipient.trim() } },
      {
        onSuccess: () => notifySuccess(t('approvals.approved')),
        onError: (error) => {
          if ('recipient' in fieldProblems(error)) setProblem(t(recipientProblemKey(approval.channel)));
          else onError(error);
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), submit())}>
      <Group align="flex-start" gap="xs">
        <TextInput
          label={approval.channel === 'email' ? t('approvals.otherEmail') : t('approvals.otherSms')}
          type={approval.channel === 'email' ? 'email' : 'tel'}
          autoComplete="off"
          value={recipient}
          error={problem}
          onChange={(e) => {
            setRecipient(e.currentTarget.value);
            setProblem(undefined);
          }}
          w={320}
          data-autofocus
          data-testid="approval-recipient-input"
        />
        <Button type="submit" mt={25} disabled={!recipient.trim()} loading={approve.isPending} data-testid="approval-recipient-submit">
          {t('approvals.send')}
        </Button>
      </Group>
    </form>
  );
}

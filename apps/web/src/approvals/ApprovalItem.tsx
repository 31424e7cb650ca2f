import { Anchor, Badge, Button, Code, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Approval, useApprove, useSkipApproval } from '../api/approvals-queries';
import { CustomerLink } from '../customers/CustomerLink';
import { Phrase } from '../common/Data';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';
import { notifySuccess } from '../common/notify';
import { deadlineKey } from './approval-groups';
import { DecisionSent } from './DecisionSent';
import { RecipientOverride } from './RecipientOverride';
import { useDecisionError } from './use-decision-error';

/** One held message: who it goes to, what it says (folded), when its deadline applies, and the decisions. */
export function ApprovalItem({ approval }: { approval: Approval }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [bodyOpen, body] = useDisclosure(false);
  const [otherOpen, other] = useDisclosure(false);
  const approve = useApprove();
  const skip = useSkipApproval();
  const onError = useDecisionError();
  const bodyId = `approval-body-${approval.id}`;
  const busy = approve.isPending || skip.isPending;
  const role = t(`flowSteps.options.recipient.${approval.recipientRole}`, { defaultValue: approval.recipientRole });
  return (
    <Paper withBorder p="sm" data-testid="approval-item" data-number={approval.invoiceNumber} data-decision={approval.decision ?? ''}>
      <Stack gap={6}>
        <Group gap="sm">
          <Anchor component={Link} to={`/invoices/${approval.invoiceId}`} fw={600}>
            <Phrase i18nKey="approvals.invoice" data={{ number: approval.invoiceNumber }} />
          </Anchor>
          <Text size="sm" translate="no">
            <CustomerLink id={approval.customerId} name={approval.customerName} />
          </Text>
          <Badge variant="light">{labels.channel(approval.channel)}</Badge>
        </Group>
        <Text size="sm">
          {approval.recipients.length > 0 ? (
            <Phrase i18nKey="approvals.toLine" values={{ role }} data={{ recipients: approval.recipients.join(', ') }} />
          ) : (
            t('approvals.toLine', { role, recipients: t('approvals.noRecipient') })
          )}
        </Text>
        {approval.subject && (
          <Text size="sm">
            <Phrase i18nKey="approvals.subjectLine" data={{ subject: approval.subject }} />
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('approvals.requested', { date: formatDate(approval.requestedAt, i18n.language, true) })} ·{' '}
          <span data-testid="approval-deadline">{t(deadlineKey(approval), { date: formatDate(approval.expiresAt, i18n.language, true) })}</span>
        </Text>
        <div>
          <Button size="compact-xs" variant="subtle" onClick={body.toggle} aria-expanded={bodyOpen} aria-controls={bodyId}>
            {bodyOpen ? t('approvals.hideMessage') : t('approvals.showMessage')}
          </Button>
          {/* The message as it would go, in the customer's language: data, not the UI's words. */}
          <Collapse expanded={bodyOpen} id={bodyId}>
            <Code block translate="no" style={{ whiteSpace: 'pre-wrap' }} data-testid="approval-body">
              {approval.body}
            </Code>
          </Collapse>
        </div>
        {approval.decision ? (
          <DecisionSent approval={approval} />
        ) : (
          <>
            <Group gap="xs">
              <Button
                size="compact-sm"
                color="green"
                disabled={busy}
                loading={approve.isPending && !otherOpen}
                onClick={() => approve.mutate({ id: approval.id, body: {} }, { onSuccess: () => notifySuccess(t('approvals.approved')), onError })}
                data-testid="approval-approve"
              >
                {t('approvals.approve')}
              </Button>
              <Button size="compact-sm" variant="light" disabled={busy} onClick={other.toggle} aria-expanded={otherOpen} data-testid="approval-approve-other">
                {t('approvals.approveOther')}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={busy}
                loading={skip.isPending}
                onClick={() => skip.mutate(approval.id, { onSuccess: () => notifySuccess(t('approvals.skipped')), onError })}
                data-testid="approval-skip"
              >
                {t('approvals.skip')}
              </Button>
            </Group>
            {otherOpen && <RecipientOverride approval={approval} approve={approve} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../api/approvals-queries';
import { Phrase } from '../common/Data';

/** A decision on its way to the invoice's workflow: no more actions; the message leaves the queue once the workflow has acted. */
export function DecisionSent({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="approval-decision">
      <Badge color={approval.decision === 'skip' ? 'gray' : 'green'} variant="light">
        {t('approvals.decisionSent')}
      </Badge>
      <Text size="sm">
        {approval.decision === 'skip' ? t('approvals.decisionSkip') : t('approvals.decisionApprove')}
        {approval.recipientOverride && (
          <>
            {' '}
            <Phrase i18nKey="approvals.decisionTo" data={{ recipient: approval.recipientOverride }} />
          </>
        )}
      </Text>
    </Group>
  );
}

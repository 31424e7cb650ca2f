import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApprovals } from '../api/approvals-queries';
import { useFlows } from '../api/queries';
import { describeError } from '../common/errors';
import { groupByStep } from './approval-groups';
import { StepGroup } from './StepGroup';

/** Safe mode's approval queue: the held messages by flow step, each to approve (to its recipients or another), or skip. */
export function ApprovalQueuePage() {
  const { t } = useTranslation();
  const approvals = useApprovals();
  const flows = useFlows();
  const groups = useMemo(() => groupByStep(approvals.data ?? []), [approvals.data]);
  const flowNames = useMemo(() => new Map((flows.data ?? []).map((flow) => [flow.id, flow.name])), [flows.data]);
  const undecided = groups.reduce((sum, group) => sum + group.undecided, 0);
  return (
    <Stack>
      <Group gap="sm">
        <Title order={3}>{t('approvals.title')}</Title>
        {undecided > 0 && (
          <Badge color="orange" variant="light">
            {t('approvals.waiting', { count: undecided })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        {t('approvals.intro')}
      </Text>
      {approvals.isLoading && <Loader size="sm" />}
      {approvals.isError && <Alert color="red">{t('common.loadFailed', { message: describeError(approvals.error, t).message })}</Alert>}
      {approvals.data && groups.length === 0 && (
        <Alert color="gray" data-testid="approvals-empty">
          <Text size="sm">{t('approvals.empty')}</Text>
          <Anchor component={Link} to="/settings#safe-mode" size="sm">
            {t('approvals.emptyLink')}
          </Anchor>
        </Alert>
      )}
      {groups.map((group) => (
        <StepGroup key={group.key} group={group} flowName={group.flowId ? flowNames.get(group.flowId) : undefined} />
      ))}
    </Stack>
  );
}

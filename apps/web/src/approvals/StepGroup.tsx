import { Badge, Button, Card, Code, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApproveStep, useStepLabel } from '../api/approvals-queries';
import { Data, Phrase } from '../common/Data';
import { notifySuccess } from '../common/notify';
import { type ApprovalGroup, canApproveStep } from './approval-groups';
import { ApprovalItem } from './ApprovalItem';
import { useDecisionError } from './use-decision-error';

/** One step of one flow: its held messages, and the button that approves every one still undecided. */
export function StepGroup({ group, flowName }: { group: ApprovalGroup; flowName: string | undefined }) {
  const { t } = useTranslation();
  const label = useStepLabel(group.flowId, group.flowVersion, group.nodeId);
  const approveStep = useApproveStep();
  const onError = useDecisionError();
  const approveAll = () =>
    approveStep.mutate({ flowId: group.flowId!, nodeId: group.nodeId }, { onSuccess: ({ decided }) => notifySuccess(t('approvals.stepApproved', { count: decided })), onError });
  const headingId = `approval-step-${group.key.replace(/[^\w-]/g, '-')}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="approval-group" data-step={group.nodeId} data-flow={group.flowId ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4} id={headingId}>
              {flowName ? <Data>{flowName}</Data> : t('approvals.unknownFlow')} · <Phrase i18nKey="approvals.step" data={{ step: label.data ?? group.nodeId }} />
            </Title>
            <Group gap="xs">
              {label.data && (
                <Code>
                  <Data>{group.nodeId}</Data>
                </Code>
              )}
              <Badge variant="light" color="gray">
                {t('approvals.count', { count: group.items.length })}
              </Badge>
            </Group>
          </div>
          {canApproveStep(group) && (
            <Button onClick={approveAll} loading={approveStep.isPending} data-testid="approval-approve-step">
              {t('approvals.approveStep', { count: group.undecided })}
            </Button>
          )}
        </Group>
        {group.items.map((approval) => (
          <ApprovalItem key={approval.id} approval={approval} />
        ))}
      </Stack>
    </Card>
  );
}

import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsSplit,
  IconBuildingBank,
  IconClock,
  IconFlag,
  IconGavel,
  IconMail,
  IconMailbox,
  IconMessage,
  IconPercentage,
  IconPhone,
  IconPlayerPlay,
  IconScale,
  IconShieldCheck,
  IconTag,
} from '@tabler/icons-react';
import type { NodeKind } from '@dunning/flow';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepNode } from './graph-conversion';
import { describeStep } from './describe-step';
import { outcomeHandles } from './node-kinds';

export const STEP_ICONS = {
  start: IconPlayerPlay,
  wait: IconClock,
  email: IconMail,
  sms: IconMessage,
  call_task: IconPhone,
  letter: IconMailbox,
  branch: IconArrowsSplit,
  set_status: IconTag,
  late_fee: IconPercentage,
  escalate: IconBuildingBank,
  simplified_procedure: IconScale,
  payment_order: IconGavel,
  credit_insurance: IconShieldCheck,
  end: IconFlag,
} as const satisfies Record<NodeKind, unknown>;

/** A step as a card: icon, kind, when it fires, its template, and one labelled handle per outcome. */
export const StepCard = memo(function StepCard({ data, selected }: NodeProps<StepNode>) {
  const { t } = useTranslation();
  const { step, problems } = data;
  const Icon = STEP_ICONS[step.kind];
  const handles = outcomeHandles(step);
  const width = Math.max(210, handles.length * 72);
  return (
    <Paper
      withBorder
      shadow={selected ? 'md' : 'xs'}
      p="xs"
      w={width}
      data-testid={`step-${step.id}`}
      aria-label={`${t(`nodes.${step.kind}`)} ${step.label ?? step.id}`}
      style={{
        borderColor: problems.length > 0 ? 'var(--mantine-color-red-6)' : selected ? 'var(--mantine-color-indigo-6)' : undefined,
        borderWidth: problems.length > 0 || selected ? 2 : 1,
      }}
    >
      {step.kind !== 'start' && <Handle type="target" position={Position.Top} style={{ width: 12, height: 12 }} />}
      <Group gap={6} wrap="nowrap">
        <Icon size={18} aria-hidden />
        <Text fw={600} size="sm" truncate>
          {step.label ?? t(`nodes.${step.kind}`)}
        </Text>
        {problems.length > 0 && (
          <Tooltip label={problems.map((p) => p.message).join('\n')} multiline w={260}>
            <Badge color="red" size="sm" leftSection={<IconAlertTriangle size={12} />} data-testid={`problems-${step.id}`}>
              {problems.length}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {describeStep(step, t)}
      </Text>
      {problems.length > 0 && (
        <Text size="xs" c="red" lineClamp={3} data-testid={`problem-text-${step.id}`}>
          {problems.map((p) => p.message).join(' ')}
        </Text>
      )}
      {handles.length > 0 && (
        <Group justify="space-around" gap={0} mt={4} wrap="nowrap">
          {handles.map((h) => (
            <Text key={h} size="9px" c="dimmed" ta="center" style={{ flex: 1 }}>
              {h === 'next' ? '' : t(`outcomes.${h}`, { defaultValue: h })}
            </Text>
          ))}
        </Group>
      )}
      {handles.map((h, i) => (
        <Handle
          key={h}
          id={h}
          type="source"
          position={Position.Bottom}
          style={{ left: `${((i + 0.5) / handles.length) * 100}%`, width: 12, height: 12, background: h === 'bounced' ? 'var(--mantine-color-orange-6)' : undefined }}
          data-testid={`handle-${step.id}-${h}`}
        />
      ))}
    </Paper>
  );
});

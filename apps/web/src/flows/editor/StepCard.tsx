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
import type { TFunction } from 'i18next';
import type { StepNode } from './graph-conversion';
import { describeStep } from './describe-step';
import { outcomeWords } from './edge-labels';
import { cardSize, outcomeHandles } from './node-kinds';

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

/** A handle's words: an outcome's name, or for a branch case its condition ("Amount ≥ 500,00 €"). */
function handleWords(step: StepNode['data']['step'], handle: string, t: TFunction, locale: string): string {
  return handle === 'next' ? '' : outcomeWords(step, handle, t, locale);
}

/**
 * A step as a card: icon, kind, when it fires, its template, and one labelled handle per outcome.
 * Its width and least height are `cardSize`'s, the ones the auto-layout reserves. On a simulated
 * path it is outlined (`data-highlighted` on its canvas node); off the path it is greyed.
 */
export const StepCard = memo(function StepCard({ data, selected }: NodeProps<StepNode>) {
  const { t, i18n } = useTranslation();
  const { step, problems, highlighted, dimmed } = data;
  const Icon = STEP_ICONS[step.kind];
  const handles = outcomeHandles(step);
  const { width, height } = cardSize(step, problems.length);
  const border = problems.length > 0 ? 'var(--mantine-color-red-7)' : highlighted ? 'var(--mantine-color-teal-8)' : selected ? 'var(--mantine-color-indigo-6)' : undefined;
  return (
    <Paper
      withBorder
      shadow={selected ? 'md' : 'xs'}
      p="xs"
      w={width}
      mih={height}
      data-testid={`step-${step.id}`}
      data-highlighted={highlighted ? 'true' : undefined}
      aria-label={`${t(`nodes.${step.kind}`)} ${step.label ?? step.id}`}
      style={{
        borderColor: border,
        borderWidth: problems.length > 0 || selected || highlighted ? 2 : 1,
        outline: highlighted ? '3px solid var(--mantine-color-teal-2)' : undefined,
        background: dimmed ? 'var(--mantine-color-gray-1)' : undefined,
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      {step.kind !== 'start' && <Handle type="target" position={Position.Top} style={{ width: 12, height: 12 }} />}
      <Group gap={6} wrap="nowrap">
        <Icon size={18} aria-hidden />
        <Text fw={600} size="sm" truncate translate={step.label ? 'no' : undefined}>
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
      <Text size="xs" c="gray.7" truncate>
        {describeStep(step, t)}
      </Text>
      {problems.length > 0 && (
        <Text size="xs" c="red.8" lineClamp={3} data-testid={`problem-text-${step.id}`}>
          {problems.map((p) => p.message).join(' ')}
        </Text>
      )}
      {handles.some((h) => h !== 'next') && (
        <Group justify="space-around" gap={0} mt="auto" pt={4} wrap="nowrap" align="flex-end">
          {handles.map((h) => (
            <Text key={h} fz={12} lh="16px" c="gray.7" ta="center" lineClamp={2} px={2} style={{ flex: 1 }} data-testid={`handle-label-${step.id}-${h}`}>
              {handleWords(step, h, t, i18n.language)}
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

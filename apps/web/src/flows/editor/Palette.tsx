import { Group, Paper, Stack, Text } from '@mantine/core';
import type { NodeKind } from '@dunning/flow';
import { useTranslation } from 'react-i18next';
import { PALETTE_KINDS } from './node-kinds';
import { stepAbout } from './step-words';
import { STEP_ICONS } from './StepCard';

export const DRAG_TYPE = 'application/x-dunning-step';

/** The step kinds, dragged onto the canvas (or added with Enter for keyboard users). */
export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} aria-label={t('flows.palette')}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {t('flows.palette')}
      </Text>
      {PALETTE_KINDS.map((kind) => {
        const Icon = STEP_ICONS[kind];
        return (
          <Paper
            key={kind}
            withBorder
            p={6}
            draggable
            tabIndex={0}
            role="button"
            data-testid={`palette-${kind}`}
            title={stepAbout(kind, t)}
            style={{ cursor: 'grab' }}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onKeyDown={(e) => e.key === 'Enter' && onAdd(kind)}
          >
            <Group gap={6} wrap="nowrap">
              <Icon size={16} aria-hidden />
              <Text size="sm">{t(`nodes.${kind}`)}</Text>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

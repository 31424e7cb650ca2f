import { Group, Paper, Stack, Text } from '@mantine/core';
import type { NodeKind } from '@dunning/flow';
import { useTranslation } from 'react-i18next';
import { PALETTE_KINDS } from './node-kinds';
import { stepAbout } from './step-words';
import { STEP_ICONS } from './StepCard';

export const DRAG_TYPE = 'application/x-dunning-step';

/**
 * The step kinds: a click, Enter or Space adds one after the selected step (or at the end of the
 * main path); or drag one onto the canvas where it should go. Each is a button with its name.
 */
export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} role="group" aria-label={t('flows.palette')} title={t('editorCanvas.paletteHelp')}>
      <Text size="xs" fw={700} tt="uppercase" c="gray.7">
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
            aria-label={t('editorCanvas.addStep', { kind: t(`nodes.${kind}`) })}
            data-testid={`palette-${kind}`}
            title={stepAbout(kind, t)}
            style={{ cursor: 'pointer' }}
            onClick={() => onAdd(kind)}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onAdd(kind);
            }}
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

import { ActionIcon, Group, Menu, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { NodeKind } from '@dunning/flow';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath, useInternalNode } from '@xyflow/react';
import { createContext, memo, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_MAX_WIDTH } from './edge-labels';
import type { OutcomeEdge } from './graph-conversion';
import { PALETTE_KINDS } from './node-kinds';
import { STEP_ICONS } from './StepCard';

/** What the canvas's edges can do to the flow: insert a step on themselves ("+"). */
export const CanvasActions = createContext<{ insertOnEdge?: (edgeId: string, kind: NodeKind) => void }>({});

const INSERTABLE = PALETTE_KINDS.filter((kind) => kind !== 'start');

/**
 * The "+" of a connection. Its menu of step kinds is built on the first click only: a 300-step
 * flow draws 300 of these buttons, not 300 menus.
 */
function InsertButton({ edgeId, onInsert }: { edgeId: string; onInsert: (edgeId: string, kind: NodeKind) => void }) {
  const { t } = useTranslation();
  const [used, setUsed] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = (
    <ActionIcon size={22} radius="xl" variant="default" aria-label={t('editorCanvas.insertHere')} data-testid={`insert-${edgeId}`} onClick={() => (setUsed(true), setOpened(true))}>
      <IconPlus size={14} aria-hidden />
    </ActionIcon>
  );
  if (!used) return button;
  return (
    <Menu opened={opened} onChange={setOpened} position="right-start" shadow="md" withinPortal>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('editorCanvas.insertMenu')}</Menu.Label>
        {INSERTABLE.map((kind) => {
          const Icon = STEP_ICONS[kind];
          return (
            <Menu.Item key={kind} onClick={() => onInsert(edgeId, kind)} data-testid={`insert-kind-${kind}`}>
              <Group gap={6} wrap="nowrap">
                <Icon size={16} aria-hidden />
                <Text size="sm">{t(`nodes.${kind}`)}</Text>
              </Group>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * A connection: a rounded step path that turns above the labels of its target, its label box (the
 * outcomes in words) just above the target card, and a "+" at its turn that inserts a step on it.
 */
export const OutcomeEdgeView = memo(function OutcomeEdgeView({
  id,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<OutcomeEdge>) {
  const { insertOnEdge } = useContext(CanvasActions);
  const targetNode = useInternalNode(target);
  const zone = data?.targetZone ?? 0;
  const turn = targetY - zone > sourceY + 24 ? (sourceY + targetY - zone) / 2 : undefined;
  const [path, midX, midY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 8, centerX: data?.laneX, centerY: turn });
  const highlighted = data?.highlighted ?? false;
  const stroke = highlighted ? 'var(--mantine-color-teal-8)' : selected ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-6)';
  // The label sits on the target card's centre line (where its edges enter), `labelOffset` above its top.
  const cardTop = targetNode?.internals.positionAbsolute.y ?? targetY;
  const cardCentre = targetNode ? targetNode.internals.positionAbsolute.x + (targetNode.measured.width ?? 0) / 2 : targetX;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke, strokeWidth: highlighted ? 3.5 : selected ? 2.5 : 1.5, opacity: data?.dimmed ? 0.35 : 1 }}
        data-highlighted={highlighted ? 'true' : undefined}
      />
      <EdgeLabelRenderer>
        {data?.lines && (
          <div
            className="nodrag nopan"
            data-testid="edge-label"
            data-edge={id}
            data-highlighted={highlighted ? 'true' : undefined}
            title={data.lines.join('\n')}
            style={{
              position: 'absolute',
              transform: `translate(-50%, -100%) translate(${cardCentre}px, ${cardTop - data.labelOffset}px)`,
              maxWidth: LABEL_MAX_WIDTH,
              padding: '4px 6px',
              fontSize: 12,
              lineHeight: '18px',
              color: 'var(--mantine-color-gray-9)',
              background: 'var(--mantine-color-white)',
              border: `1px solid ${highlighted ? 'var(--mantine-color-teal-8)' : 'var(--mantine-color-gray-5)'}`,
              borderRadius: 4,
              pointerEvents: 'all',
            }}
          >
            {data.lines.map((line, i) => (
              <div key={i} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {line}
              </div>
            ))}
          </div>
        )}
        {insertOnEdge && data?.insertable && (
          <div className="nodrag nopan" style={{ position: 'absolute', transform: `translate(-50%, -50%) translate(${midX}px, ${midY}px)`, pointerEvents: 'all' }}>
            <InsertButton edgeId={id} onInsert={insertOnEdge} />
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
});

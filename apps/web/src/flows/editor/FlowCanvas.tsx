import type { Flow, FlowProblem, NodeKind } from '@dunning/flow';
import { Background, Controls, MiniMap, type NodeChange, type EdgeChange, ReactFlow, type ReactFlowInstance, type Connection } from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StepNode, cachedCanvas, connect, moveNode, removeEdges, removeNodes } from './graph-conversion';
import { DRAG_TYPE } from './Palette';
import { StepCard } from './StepCard';

const NODE_TYPES = { step: StepCard };

/**
 * The canvas: the flow drawn with React Flow. Every change (drop, connect, move, delete) goes back
 * as a new Flow through `onChange`, so undo/redo, autosave and validation see one model.
 */
export function FlowCanvas({
  flow,
  problems,
  selectedId,
  onSelect,
  onChange,
  onDropKind,
  onReady,
}: {
  flow: Flow;
  problems: FlowProblem[];
  selectedId?: string;
  onSelect: (id: string | undefined) => void;
  onChange: (flow: Flow, tag?: string) => void;
  onDropKind: (kind: NodeKind, position: { x: number; y: number }) => void;
  onReady?: (instance: ReactFlowInstance<StepNode>) => void;
}) {
  const instance = useRef<ReactFlowInstance<StepNode> | null>(null);
  const [fitOnOpen] = useState(flow.nodes.length > 1);
  const { t, i18n } = useTranslation();
  // Edges read their outcome in words; the cache is rebuilt when the language changes.
  const draw = useMemo(() => cachedCanvas((outcome) => t(`outcomes.${outcome}`, { defaultValue: outcome })), [t, i18n.language]);
  const { nodes, edges } = useMemo(() => draw(flow, problems, selectedId), [draw, flow, problems, selectedId]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      let next = flow;
      const removed = new Set<string>();
      for (const change of changes) {
        if (change.type === 'position' && change.position) next = moveNode(next, change.id, change.position);
        if (change.type === 'remove') removed.add(change.id);
        if (change.type === 'select' && change.selected) onSelect(change.id);
      }
      if (removed.size > 0) next = removeNodes(next, removed);
      if (next !== flow) onChange(next, removed.size > 0 ? undefined : `move:${changes[0]?.type === 'position' ? changes[0].id : ''}`);
    },
    [flow, onChange, onSelect],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = new Set(changes.filter((c) => c.type === 'remove').map((c) => c.id));
      if (removed.size > 0) onChange(removeEdges(flow, removed));
    },
    [flow, onChange],
  );

  const onConnect = useCallback((c: Connection) => onChange(connect(flow, c.source, c.target, c.sourceHandle)), [flow, onChange]);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = event.dataTransfer.getData(DRAG_TYPE) as NodeKind;
      if (!kind || !instance.current) return;
      onDropKind(kind, instance.current.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onDropKind],
  );

  return (
    <ReactFlow<StepNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onPaneClick={() => onSelect(undefined)}
      onInit={(i) => {
        instance.current = i;
        onReady?.(i);
      }}
      onDrop={onDrop}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      deleteKeyCode={['Backspace', 'Delete']}
      // A new flow (just its start) opens at 1:1 in the corner, ready for steps; a built one fits the view.
      fitView={fitOnOpen}
      defaultViewport={{ x: 40, y: 40, zoom: 1 }}
      fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
      minZoom={0.1}
      maxZoom={1.5}
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <MiniMap pannable zoomable nodeColor={(node) => ((node.data as StepNode['data']).problems.length > 0 ? '#fa5252' : '#4c6ef5')} nodeStrokeWidth={2} />
      <Controls />
    </ReactFlow>
  );
}

import type { Flow, FlowNode, FlowProblem, NodeKind } from '@dunning/flow';
import { Background, Controls, MiniMap, type NodeChange, type EdgeChange, ReactFlow, type ReactFlowInstance, type Connection } from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIT_VIEW_OPTIONS } from './auto-layout';
import { outcomeWords } from './edge-labels';
import { type CanvasHighlight, type OutcomeEdge, type StepNode, cachedCanvas, connect, moveNode, removeEdges, removeNodes } from './graph-conversion';
import { CanvasActions, OutcomeEdgeView } from './OutcomeEdge';
import { DRAG_TYPE } from './Palette';
import { StepCard } from './StepCard';

const NODE_TYPES = { step: StepCard };
const EDGE_TYPES = { outcome: OutcomeEdgeView };
/** Past this many steps the flow no longer fits the view readably: an overview map helps find one's way. */
const MINIMAP_FROM = 30;
const KIND_COLOURS: Partial<Record<NodeKind, string>> = { start: '#2b8a3e', end: '#495057', branch: '#e67700', call_task: '#1971c2', wait: '#868e96' };
// Module-level, so the map's 300 node rects keep the same props while a card is dragged (a new function each render redrew them all every frame).
const minimapColour = (node: StepNode) => (node.data.problems.length > 0 ? '#e03131' : (KIND_COLOURS[node.data.step.kind] ?? '#4c6ef5'));
const MINIMAP_STYLE = { width: 160, height: 110 };

/**
 * The canvas: the flow drawn with React Flow. Every change (drop, connect, move, delete, a step
 * inserted with a connection's "+") goes back as a new Flow through `onChange` / `onInsert`, so
 * undo/redo, autosave and validation see one model. `highlight` shows a path (a simulation's):
 * its steps and edges stand out, the rest is greyed.
 */
export function FlowCanvas({
  flow,
  problems,
  selectedId,
  onSelect,
  onChange,
  onDropKind,
  onInsert,
  onReady,
  highlight,
}: {
  flow: Flow;
  problems: FlowProblem[];
  selectedId?: string;
  onSelect: (id: string | undefined) => void;
  onChange: (flow: Flow, tag?: string) => void;
  onDropKind: (kind: NodeKind, position: { x: number; y: number }) => void;
  /** A step of `kind` to insert on the edge `edgeId` (its "+" menu). */
  onInsert?: (edgeId: string, kind: NodeKind) => void;
  onReady?: (instance: ReactFlowInstance<StepNode, OutcomeEdge>) => void;
  highlight?: CanvasHighlight;
}) {
  const instance = useRef<ReactFlowInstance<StepNode, OutcomeEdge> | null>(null);
  const [fitOnOpen] = useState(flow.nodes.length > 1);
  const { t, i18n } = useTranslation();
  // Edges read their outcome in words; the cache is rebuilt when the language changes.
  const draw = useMemo(() => {
    const name = (step: FlowNode | undefined) => step?.label ?? (step ? t(`nodes.${step.kind}`) : '');
    return cachedCanvas(
      (source, outcome) => outcomeWords(source, outcome, t, i18n.language),
      (source, target, outcome) => t(outcome ? 'editorCanvas.edgeNameOutcome' : 'editorCanvas.edgeName', { source: name(source), target: name(target), outcome }),
    );
  }, [t, i18n.language]);
  const { nodes, edges } = useMemo(() => draw(flow, problems, selectedId, highlight), [draw, flow, problems, selectedId, highlight]);
  // The edges get one stable callback (a new one each render would redraw every edge while a card is dragged).
  const insertRef = useRef(onInsert);
  insertRef.current = onInsert;
  const canInsert = onInsert !== undefined;
  const actions = useMemo(() => (canInsert ? { insertOnEdge: (edgeId: string, kind: NodeKind) => insertRef.current?.(edgeId, kind) } : {}), [canInsert]);
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('editorCanvas.reactFlow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('editorCanvas.reactFlow.nodeDescriptionKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('editorCanvas.reactFlow.nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('editorCanvas.reactFlow.edgeDescription'),
      'controls.ariaLabel': t('editorCanvas.reactFlow.controls'),
      'controls.zoomIn.ariaLabel': t('editorCanvas.reactFlow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('editorCanvas.reactFlow.zoomOut'),
      'controls.fitView.ariaLabel': t('editorCanvas.reactFlow.fitView'),
      'minimap.ariaLabel': t('editorCanvas.reactFlow.minimap'),
      'handle.ariaLabel': t('editorCanvas.reactFlow.handle'),
    }),
    [t, i18n.language],
  );

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
    <CanvasActions.Provider value={actions}>
      <ReactFlow<StepNode, OutcomeEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        ariaLabelConfig={ariaLabelConfig}
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
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={1.5}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        {flow.nodes.length > MINIMAP_FROM && <MiniMap<StepNode> pannable zoomable position="bottom-right" style={MINIMAP_STYLE} nodeColor={minimapColour} nodeBorderRadius={6} />}
        <Controls position="bottom-left" showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} style={{ margin: 8 }} />
      </ReactFlow>
    </CanvasActions.Provider>
  );
}

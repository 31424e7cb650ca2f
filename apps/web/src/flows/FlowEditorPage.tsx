import { ActionIcon, Alert, Badge, Box, Button, Group, Loader, ScrollArea, Tabs, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForwardUp, IconLayoutDistributeHorizontal, IconZoomScan } from '@tabler/icons-react';
import type { Flow, FlowNode, NodeKind } from '@dunning/flow';
import { ReactFlowProvider, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { saveDraft, useFlow, usePublish, useTemplates } from '../api/queries';
import type { FlowVersion } from '../api/types';
import { FIT_VIEW_OPTIONS, autoLayout } from './editor/auto-layout';
import { cachedValidation, ignoringPositions } from './editor/cached-validation';
import { editableFlow } from './editor/editable-draft';
import { FlowCanvas } from './editor/FlowCanvas';
import { FlowSettingsPanel } from './editor/FlowSettingsPanel';
import type { CanvasHighlight, OutcomeEdge, StepNode } from './editor/graph-conversion';
import { nextNodeId, removeNodes, updateNode } from './editor/graph-conversion';
import { insertAfter, insertOnEdge } from './editor/insert-step';
import { History } from './editor/history';
import { newNodeData } from './editor/node-kinds';
import { Palette } from './editor/Palette';
import { StepPanel } from './editor/StepPanel';
import { PlanPanel } from './plan/PlanPanel';
import { SimulationPanel } from './SimulationPanel';
import { StepRecoveryPanel } from './StepRecoveryPanel';
import { VersionsPanel } from './VersionsPanel';

const AUTOSAVE_MS = 800;

export function FlowEditorPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const detail = useFlow(id!);
  if (!detail.data) return <Loader />;
  const initial = editableFlow(detail.data.draftGraph);
  if (!initial) return <Alert color="red">{t('flows.draftUnreadable')}</Alert>;
  return (
    <ReactFlowProvider>
      <Editor flowId={id!} initial={initial} versions={detail.data.versions} />
    </ReactFlowProvider>
  );
}

/** The flow editor: palette, canvas, and a side panel (step, plan, simulation, versions and assignment, which step pays, settings). */
function Editor({ flowId, initial, versions }: { flowId: string; initial: Flow; versions: FlowVersion[] }) {
  const { t } = useTranslation();
  const history = useRef(new History<Flow>(initial));
  const [flow, setFlow] = useState(initial);
  const [selectedId, setSelectedId] = useState<string>();
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'dirty'>('saved');
  const [tab, setTab] = useState<string | null>('step');
  const canvas = useRef<ReactFlowInstance<StepNode, OutcomeEdge> | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  // The path of the last simulation, shown on the canvas while the flow is the one simulated.
  const [simulated, setSimulated] = useState<{ flow: Flow; path: CanvasHighlight }>();
  const highlight = simulated?.flow === flow ? simulated.path : undefined;
  // From the plan or the simulation: select the step and bring it into view.
  const showStep = useCallback((id: string) => {
    setSelectedId(id);
    canvas.current?.fitView({ nodes: [{ id }], maxZoom: 1, duration: 200 });
  }, []);
  const templates = useTemplates();
  const publish = usePublish(flowId);

  // The same validation the API runs before publishing, on every edit (not on every drag frame).
  const [validate] = useState(cachedValidation);
  const problems = useMemo(() => validate(flow, templates.data), [validate, flow, templates.data]);
  // The plan and the simulation (mounted while hidden) read the steps, not their places: a drag leaves them be.
  const [withoutPositions] = useState(ignoringPositions);
  const steps = withoutPositions(flow);
  const currentFlow = useRef(flow);
  currentFlow.current = flow;
  const showPath = useCallback((path: CanvasHighlight | undefined) => setSimulated(path ? { flow: currentFlow.current, path } : undefined), []);

  const change = useCallback((next: Flow, tag?: string) => {
    history.current.push(next, tag);
    setFlow(next);
    setSaveState('dirty');
  }, []);

  // Drafts autosave shortly after the last edit.
  useEffect(() => {
    if (saveState !== 'dirty') return;
    const timer = setTimeout(() => {
      setSaveState('saving');
      saveDraft(flowId, flow).then(
        () => setSaveState((s) => (s === 'saving' ? 'saved' : s)),
        (error: Error) => notifications.show({ color: 'red', message: error.message }),
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [flow, flowId, saveState]);

  const undo = useCallback(() => {
    setFlow(history.current.undo());
    setSaveState('dirty');
  }, []);
  const redo = useCallback(() => {
    setFlow(history.current.redo());
    setSaveState('dirty');
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).closest('input, textarea')) return;
      if (e.key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const addStep = useCallback(
    (kind: NodeKind, position = { x: 40, y: (flow.nodes.length + 1) * 110 }) => {
      const id = nextNodeId(flow, kind);
      change({ ...flow, nodes: [...flow.nodes, { id, kind, data: newNodeData(kind), position: { x: Math.round(position.x), y: Math.round(position.y) } } as FlowNode] });
      setSelectedId(id);
      setTab('step');
    },
    [flow, change],
  );

  // Tidy up: the auto-layout with the cards' measured sizes, for this canvas's size; then the whole flow in view.
  const tidy = useCallback((next: Flow) => {
    const box = canvasBox.current?.getBoundingClientRect();
    const laidOut = autoLayout(next, {
      sizeOf: (node) => {
        const measured = canvas.current?.getNode(node.id)?.measured;
        return measured?.width && measured.height ? { width: measured.width, height: measured.height } : undefined;
      },
      viewport: box && box.width > 0 && box.height > 0 ? { width: box.width, height: box.height } : undefined,
    });
    setTimeout(() => canvas.current?.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }), 50);
    return laidOut;
  }, []);

  // A click on the palette or a connection's "+": the step goes in, the flow is tidied (one undo), its form opens.
  const insert = useCallback(
    (inserted: { flow: Flow; id?: string }) => {
      if (!inserted.id) return;
      change(tidy(inserted.flow));
      setSelectedId(inserted.id);
      setTab('step');
    },
    [change, tidy],
  );

  const selected = flow.nodes.find((n) => n.id === selectedId);
  const doPublish = () =>
    saveDraft(flowId, flow)
      .then(() => publish.mutateAsync())
      .then(
        (v) => notifications.show({ color: 'green', message: t('flows.published', { version: v.version }) }),
        (error: Error & { body?: { problems?: unknown[] } }) => notifications.show({ color: 'red', message: error.message }),
      );

  return (
    <Box h="calc(100vh - 88px)" style={{ display: 'grid', gridTemplateColumns: '150px 1fr 380px', gridTemplateRows: 'auto 1fr', gap: 8 }}>
      <Group style={{ gridColumn: '1 / 4' }} justify="space-between">
        <Group>
          <TextInput aria-label={t('flows.name')} value={flow.name} onChange={(e) => change({ ...flow, name: e.currentTarget.value }, 'name')} w={260} />
          <Tooltip label={t('flows.undo')}>
            <ActionIcon variant="default" aria-label={t('flows.undo')} onClick={undo} disabled={!history.current.canUndo} data-testid="undo">
              <IconArrowBackUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('flows.redo')}>
            <ActionIcon variant="default" aria-label={t('flows.redo')} onClick={redo} disabled={!history.current.canRedo} data-testid="redo">
              <IconArrowForwardUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" leftSection={<IconLayoutDistributeHorizontal size={18} aria-hidden />} onClick={() => change(tidy(flow))} data-testid="auto-layout">
            {t('editorCanvas.tidy')}
          </Button>
          <Tooltip label={t('flows.fit')}>
            <ActionIcon variant="default" aria-label={t('flows.fit')} onClick={() => canvas.current?.fitView(FIT_VIEW_OPTIONS)}>
              <IconZoomScan size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group>
          <Text size="sm" c="dimmed" data-testid="save-state">
            {saveState === 'saved' ? t('flows.draftSaved') : t('flows.saving')}
          </Text>
          {problems.length > 0 ? (
            <Badge color="red" data-testid="problem-count">
              {t('flows.problems', { count: problems.length })}
            </Badge>
          ) : (
            <Badge color="green" data-testid="problem-count">
              {t('flows.valid')}
            </Badge>
          )}
          <Button onClick={doPublish} disabled={problems.length > 0} loading={publish.isPending} data-testid="publish">
            {t('flows.publish')}
          </Button>
        </Group>
      </Group>
      <ScrollArea>
        <Palette onAdd={(kind) => insert(insertAfter(flow, kind, selectedId))} />
      </ScrollArea>
      <Box ref={canvasBox} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="canvas">
        <FlowCanvas
          flow={flow}
          problems={problems}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onChange={change}
          onDropKind={(kind, position) => addStep(kind, position)}
          onInsert={(edgeId, kind) => insert(insertOnEdge(flow, edgeId, kind))}
          onReady={(instance) => (canvas.current = instance)}
          highlight={highlight}
        />
      </Box>
      <ScrollArea>
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="step">{t('flowSteps.step')}</Tabs.Tab>
            <Tabs.Tab value="plan" data-testid="tab-plan">
              {t('plan.tab')}
            </Tabs.Tab>
            <Tabs.Tab value="simulate" data-testid="tab-simulate">
              {t('flows.simulate')}
            </Tabs.Tab>
            <Tabs.Tab value="versions" data-testid="tab-versions">
              {t('flows.versions')}
            </Tabs.Tab>
            <Tabs.Tab value="recovery" data-testid="tab-recovery">
              {t('stepRecovery.tab')}
            </Tabs.Tab>
            <Tabs.Tab value="settings" data-testid="tab-flow-settings">
              {t('flowSteps.settings.tab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="step" pt="sm">
            {selected ? (
              <StepPanel
                key={selected.id}
                step={selected}
                problems={problems.filter((p) => p.nodeId === selected.id)}
                onChange={(step) => change(updateNode(flow, selected.id, step), `edit:${selected.id}`)}
                onDelete={() => (change(removeNodes(flow, new Set([selected.id]))), setSelectedId(undefined))}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('flows.noSelection')}
              </Text>
            )}
            {problems
              .filter((p) => !p.nodeId)
              .map((p, i) => (
                <Text key={i} size="sm" c="red">
                  {p.message}
                </Text>
              ))}
          </Tabs.Panel>
          <Tabs.Panel value="plan" pt="sm">
            <PlanPanel flow={steps} selectedId={selectedId} onSelect={showStep} />
          </Tabs.Panel>
          <Tabs.Panel value="simulate" pt="sm">
            <SimulationPanel flow={steps} onPath={showPath} onSelect={showStep} />
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="sm">
            <VersionsPanel flowId={flowId} versions={versions} />
          </Tabs.Panel>
          <Tabs.Panel value="recovery" pt="sm">
            {/* The report is asked for when its tab is opened, not on every visit to the editor. */}
            {tab === 'recovery' && <StepRecoveryPanel flowId={flowId} versions={versions} />}
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="sm">
            <FlowSettingsPanel flow={flow} onChange={change} />
          </Tabs.Panel>
        </Tabs>
      </ScrollArea>
    </Box>
  );
}

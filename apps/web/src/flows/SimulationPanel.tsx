import { Alert, Box, Button, Group, NumberInput, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { Flow, FlowNode } from '@dunning/flow';
import { useMutation } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulateFlow } from '../api/queries';
import type { SimulationResult } from '../api/types';
import { formatDate, toMinorUnits } from '../common/format';
import type { CanvasHighlight } from './editor/graph-conversion';
import { stepName } from './plan/plan-words';
import { SIMULATION_TIME_ZONE, movedWords, simulatedAt } from './plan/simulation-words';

const DAY = 86_400_000;
/** The select's value for "no outcome": the call's deadline runs out (its `sla_expired` edge). */
const NO_OUTCOME = 'none';

/**
 * Runs the draft on a sample invoice (the API's simulate(): business days, holidays, the sending
 * window), with the branch inputs and the collectors' answers chosen here; lists the dated actions
 * with why each moved, and hands the path taken to the canvas to highlight.
 */
export const SimulationPanel = memo(function SimulationPanel({
  flow,
  onPath,
  onSelect,
}: {
  flow: Flow;
  onPath: (path: CanvasHighlight | undefined) => void;
  onSelect: (nodeId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [amount, setAmount] = useState('1200');
  const [dueDate, setDueDate] = useState(new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10));
  const [country, setCountry] = useState('FR');
  const [riskScore, setRiskScore] = useState<number>(5);
  const [segment, setSegment] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const calls = flow.nodes.filter((n): n is Extract<FlowNode, { kind: 'call_task' }> => n.kind === 'call_task');
  const minor = toMinorUnits(amount);
  const run = useMutation({
    mutationFn: () => {
      const callOutcomes = Object.fromEntries(calls.filter((c) => answers[c.id] && answers[c.id] !== NO_OUTCOME).map((c) => [c.id, { outcome: answers[c.id] as 'no_answer' }]));
      // Issued 30 days before it falls due, the flow starting then: every step before the due date has its time.
      const issueDate = new Date(Date.parse(`${dueDate}T12:00:00Z`) - 30 * DAY).toISOString().slice(0, 10);
      return simulateFlow({
        graph: flow,
        invoice: { amount: minor ?? 0, currency: 'EUR', issueDate, dueDate, riskScore, segment },
        country,
        timeZone: SIMULATION_TIME_ZONE,
        start: `${issueDate}T08:00:00.000Z`,
        locale: language.startsWith('fr') ? 'fr' : 'en',
        callOutcomes,
      });
    },
    onSuccess: (result) => onPath({ nodeIds: new Set(result.path.nodeIds), edgeIds: new Set(result.path.edgeIds) }),
    onError: () => onPath(undefined),
  });
  const result = run.data;
  return (
    <Stack gap="sm" data-testid="simulation-panel">
      <Text fw={600} component="h2" size="md" m={0}>
        {t('simulation.title')}
      </Text>
      <Group grow align="flex-start">
        <TextInput
          label={t('simulation.amount')}
          value={amount}
          inputMode="decimal"
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={minor === undefined || minor <= 0 ? t('simulation.amountInvalid') : undefined}
          data-testid="simulate-amount"
        />
        <TextInput label={t('simulation.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} data-testid="simulate-due-date" />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('simulation.riskScore')} min={1} max={10} value={riskScore} onChange={(v) => setRiskScore(Number(v) || 5)} data-testid="simulate-risk-score" />
        <TextInput label={t('simulation.segment')} value={segment} onChange={(e) => setSegment(e.currentTarget.value)} data-testid="simulate-segment" />
      </Group>
      <TextInput
        label={t('simulation.country')}
        value={country}
        maxLength={2}
        onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
        w={160}
        data-testid="simulate-country"
      />
      {calls.length > 0 && (
        <Stack gap={4} component="fieldset" style={{ border: 'none', padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={600}>
            {t('simulation.callOutcomes')}
          </Text>
          {calls.map((call) => (
            <Select
              key={call.id}
              label={t('simulation.callOutcome', { step: stepName(call, t) })}
              data={[
                { value: NO_OUTCOME, label: t('simulation.noOutcome') },
                ...callOutcomesOf(flow, call.id).map((outcome) => ({ value: outcome, label: t(`outcomes.${outcome}`, { defaultValue: outcome }) })),
              ]}
              value={answers[call.id] ?? NO_OUTCOME}
              onChange={(value) => setAnswers((a) => ({ ...a, [call.id]: value ?? NO_OUTCOME }))}
              allowDeselect={false}
              data-testid="simulate-call-outcome"
              data-node-id={call.id}
            />
          ))}
        </Stack>
      )}
      <Button
        onClick={() => run.mutate()}
        loading={run.isPending}
        disabled={minor === undefined || minor <= 0 || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)}
        data-testid="run-simulation"
      >
        {t('simulation.run')}
      </Button>
      {run.isError && <Alert color="red">{(run.error as Error).message}</Alert>}
      {result && <SimulationResultView flow={flow} result={result} dueDate={dueDate} onSelect={onSelect} onClear={() => (onPath(undefined), run.reset())} />}
    </Stack>
  );
});

/** The outcomes a call task's edges name, except the deadline's (chosen as "no outcome"). */
function callOutcomesOf(flow: Flow, nodeId: string): string[] {
  return [...new Set(flow.edges.filter((e) => e.source === nodeId && e.outcome && e.outcome !== 'sla_expired').map((e) => e.outcome!))];
}

function SimulationResultView({
  flow,
  result,
  dueDate,
  onSelect,
  onClear,
}: {
  flow: Flow;
  result: SimulationResult;
  dueDate: string;
  onSelect: (nodeId: string) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const nodes = useMemo(() => new Map(flow.nodes.map((n) => [n.id, n])), [flow]);
  const name = (nodeId: string) => {
    const node = nodes.get(nodeId);
    return node ? stepName(node, t) : nodeId;
  };
  const steps = new Map(result.steps.map((s) => [s.entry, s]));
  const rows = result.timeline.map((entry, index) => ({ entry, index })).filter(({ entry }) => (entry.type === 'step' || entry.type === 'outcome') && entry.nodeId);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="teal.9" data-testid="simulation-path-shown">
          {t('simulation.pathShown')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onClear} data-testid="clear-simulation">
          {t('simulation.clear')}
        </Button>
      </Group>
      <CalendarStrip at={result.steps.map((s) => ({ at: s.at, name: name(s.nodeId) }))} dueDate={dueDate} />
      <Text fw={600} size="sm" component="h3" m={0}>
        {t('simulation.actions')}
      </Text>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="simulation-timeline" aria-label={t('simulation.actions')}>
        {rows.map(({ entry, index }) => {
          const step = steps.get(index);
          const moved = step ? movedWords(step.shiftReasons, t, language) : undefined;
          return (
            <Box
              component="li"
              key={index}
              py={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="simulation-step"
              data-node-id={entry.nodeId}
              data-moved={moved ? 'true' : 'false'}
            >
              <Text size="sm" fw={600}>
                {simulatedAt(entry.at, language)}
              </Text>
              {entry.type === 'outcome' ? (
                <Text size="sm">{t('simulation.outcomeOf', { step: name(entry.nodeId!), outcome: t(`outcomes.${entry.outcome}`, { defaultValue: entry.outcome ?? '' }) })}</Text>
              ) : (
                <Text size="sm" component="button" onClick={() => onSelect(entry.nodeId!)} style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}>
                  {t(`nodes.${entry.kind ?? nodes.get(entry.nodeId!)?.kind}`)} · {name(entry.nodeId!)}
                </Text>
              )}
              {step && (
                <Text size="xs" c="dark.4" data-testid="simulation-shift">
                  {moved ? `${t('simulation.nominal', { date: simulatedAt(step.nominalAt, language) })} — ${moved}` : t('simulation.onTime')}
                </Text>
              )}
            </Box>
          );
        })}
      </Box>
      <Text size="sm" c="dark.4" data-testid="simulation-outcome">
        {t(`simulation.stopped.${result.outcome}`)}
      </Text>
    </Stack>
  );
}

/** The actions as marks along the calendar, the due date as a line: the rhythm of the flow at a glance. */
function CalendarStrip({ at, dueDate }: { at: Array<{ at: string; name: string }>; dueDate: string }) {
  const { t, i18n } = useTranslation();
  if (at.length === 0) return null;
  const times = at.map((e) => Date.parse(e.at));
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const from = Math.min(...times, due) - DAY;
  const to = Math.max(...times, due) + DAY;
  const x = (time: number) => `${((time - from) / (to - from)) * 100}%`;
  return (
    <Box pos="relative" h={70} bg="gray.0" style={{ borderRadius: 6 }} role="img" aria-label={t('simulation.calendar')}>
      <Box pos="absolute" top={0} bottom={0} left={x(due)} w={2} bg="red.7" title={formatDate(dueDate, i18n.language)} />
      {at.map((e, i) => (
        <Tooltip key={i} label={`${e.name} — ${simulatedAt(e.at, i18n.language)}`}>
          <Box pos="absolute" top={12 + (i % 3) * 14} left={x(Date.parse(e.at))} w={10} h={10} bg="indigo.7" style={{ borderRadius: 5, transform: 'translateX(-5px)' }} />
        </Tooltip>
      ))}
      <Text size="xs" pos="absolute" bottom={2} left={4} c="dark.4">
        {formatDate(new Date(from).toISOString(), i18n.language)}
      </Text>
      <Text size="xs" pos="absolute" bottom={2} right={4} c="dark.4">
        {formatDate(new Date(to).toISOString(), i18n.language)}
      </Text>
    </Box>
  );
}

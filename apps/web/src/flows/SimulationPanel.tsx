import { Alert, Box, Button, Group, NumberInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { Flow } from '@dunning/flow';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulateFlow } from '../api/queries';
import type { TimelineEntry } from '../api/types';
import { formatDate, toMinorUnits } from '../common/format';

const DAY = 86_400_000;

/** Runs the flow on a sample invoice (server-side simulate(): business days, holidays, window) and charts the dates. */
export function SimulationPanel({ flow }: { flow: Flow }) {
  const { t, i18n } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const [amount, setAmount] = useState('1200.00');
  const [dueDate, setDueDate] = useState(new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10));
  const [country, setCountry] = useState('FR');
  const [riskScore, setRiskScore] = useState<number>(5);
  const run = useMutation({
    mutationFn: () =>
      simulateFlow({
        graph: flow,
        invoice: { amount: toMinorUnits(amount) ?? 0, currency: 'EUR', issueDate: today, dueDate, riskScore },
        country,
        timeZone: 'Europe/Paris',
        start: `${today}T08:00:00.000Z`,
      }),
  });
  const steps = (run.data?.timeline ?? []).filter((e) => e.type === 'step' || e.type === 'outcome' || e.type === 'finished');
  return (
    <Stack gap="sm">
      <Group grow>
        <TextInput
          label={t('flows.sample.amount')}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={toMinorUnits(amount) === undefined ? '1234.56' : undefined}
        />
        <TextInput label={t('flows.sample.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} data-testid="simulate-due-date" />
      </Group>
      <Group grow>
        <TextInput label={t('flows.sample.country')} value={country} maxLength={2} onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())} />
        <NumberInput label={t('flows.sample.riskScore')} min={1} max={10} value={riskScore} onChange={(v) => setRiskScore(Number(v) || 5)} />
      </Group>
      <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="run-simulation">
        {t('flows.sample.run')}
      </Button>
      {run.isError && <Alert color="red">{(run.error as Error).message}</Alert>}
      {steps.length > 0 && <CalendarStrip entries={steps} dueDate={dueDate} />}
      {steps.length > 0 && (
        <Table striped data-testid="simulation-timeline">
          <Table.Tbody>
            {steps.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDate(e.at, i18n.language, true)}</Table.Td>
                <Table.Td>{e.nodeId ?? e.type}</Table.Td>
                <Table.Td>{e.outcome ?? e.template ?? e.status ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The steps as marks along the calendar, the due date as a line: the rhythm of the flow at a glance. */
function CalendarStrip({ entries, dueDate }: { entries: TimelineEntry[]; dueDate: string }) {
  const { i18n } = useTranslation();
  const times = entries.map((e) => Date.parse(e.at));
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const from = Math.min(...times, due) - DAY;
  const to = Math.max(...times, due) + DAY;
  const x = (time: number) => `${((time - from) / (to - from)) * 100}%`;
  return (
    <Box pos="relative" h={70} bg="gray.0" style={{ borderRadius: 6 }} aria-label="calendar">
      <Box pos="absolute" top={0} bottom={0} left={x(due)} w={2} bg="red.5" title={dueDate} />
      {entries.map((e, i) => (
        <Tooltip key={i} label={`${e.nodeId ?? e.type} — ${formatDate(e.at, i18n.language, true)}`}>
          <Box
            pos="absolute"
            top={20 + (i % 3) * 14}
            left={x(Date.parse(e.at))}
            w={10}
            h={10}
            bg={e.type === 'step' ? 'indigo.6' : 'gray.6'}
            style={{ borderRadius: 5, transform: 'translateX(-5px)' }}
          />
        </Tooltip>
      ))}
      <Text size="10px" pos="absolute" bottom={2} left={4} c="dimmed">
        {formatDate(new Date(from).toISOString(), i18n.language)}
      </Text>
      <Text size="10px" pos="absolute" bottom={2} right={4} c="dimmed">
        {formatDate(new Date(to).toISOString(), i18n.language)}
      </Text>
    </Box>
  );
}

import { Alert, Badge, Button, Card, Grid, Group, Kbd, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useTaskAction, useTasks, useTemplatePreview } from '../api/queries';
import type { CallTask } from '../api/types';
import { formatMoney, toMinorUnits } from '../common/format';

const OUTCOMES = ['promise_to_pay', 'dispute', 'paid', 'no_answer', 'wrong_contact'] as const;

/**
 * The collectors' queue, highest priority first. Keyboard: J/K move, C claims, 1–5 pick the
 * outcome, Enter records it; the next task is selected after each call.
 */
export function TaskQueuePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const tasks = useTasks();
  const action = useTaskAction();
  const open = (tasks.data ?? []).filter((task) => task.status !== 'done');
  const [index, setIndex] = useState(0);
  const current: CallTask | undefined = open[Math.min(index, open.length - 1)];
  const [outcome, setOutcome] = useState<string>('promise_to_pay');
  const [promiseDate, setPromiseDate] = useState(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [promiseAmount, setPromiseAmount] = useState('');
  const [reason, setReason] = useState('');
  const mine = current?.status === 'claimed' && current.claimedBy === me.data?.userId;

  const run = useCallback(
    (kind: 'claim' | 'release' | 'complete', body?: unknown) => {
      if (!current) return;
      action.mutate({ id: current.id, action: kind, body }, { onError: (e) => notifications.show({ color: 'red', message: (e as Error).message }) });
    },
    [action, current],
  );
  const record = useCallback(() => {
    if (!current || !mine) return;
    const amount = toMinorUnits(promiseAmount) ?? current.invoice.balance;
    const body = outcome === 'promise_to_pay' ? { outcome, promise: { date: promiseDate, amount } } : outcome === 'dispute' ? { outcome, reason: reason || 'disputed on the phone' } : { outcome };
    run('complete', body);
  }, [current, mine, outcome, promiseAmount, promiseDate, reason, run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea')) return;
      if (e.key === 'j') setIndex((i) => Math.min(i + 1, open.length - 1));
      else if (e.key === 'k') setIndex((i) => Math.max(i - 1, 0));
      else if (e.key === 'c') run('claim');
      else if (/^[1-5]$/.test(e.key)) setOutcome(OUTCOMES[Number(e.key) - 1]!);
      else if (e.key === 'Enter') record();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open.length, run, record]);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Title order={3} mb="xs">
          {t('queue.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          <Kbd>J</Kbd>/<Kbd>K</Kbd> · <Kbd>C</Kbd> · <Kbd>1</Kbd>–<Kbd>5</Kbd> · <Kbd>Enter</Kbd> — {t('queue.shortcuts')}
        </Text>
        <Table highlightOnHover data-testid="task-table" aria-label={t('queue.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.customer')}</Table.Th>
              <Table.Th>{t('invoices.number')}</Table.Th>
              <Table.Th ta="right">{t('common.amount')}</Table.Th>
              <Table.Th>{t('queue.daysOverdue')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((task, i) => (
              <Table.Tr key={task.id} bg={task.id === current?.id ? 'indigo.0' : undefined} onClick={() => setIndex(i)} style={{ cursor: 'pointer' }} aria-selected={task.id === current?.id} tabIndex={0} onKeyDown={(e) => e.key === ' ' && setIndex(i)}>
                <Table.Td>{task.customer.name}</Table.Td>
                <Table.Td>{task.invoice.number}</Table.Td>
                <Table.Td ta="right">{formatMoney(task.invoice.balance, task.invoice.currency, i18n.language)}</Table.Td>
                <Table.Td>{task.daysOverdue}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{task.status}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>{current ? <TaskCard task={current} mine={mine} outcome={outcome} setOutcome={setOutcome} promiseDate={promiseDate} setPromiseDate={setPromiseDate} promiseAmount={promiseAmount} setPromiseAmount={setPromiseAmount} reason={reason} setReason={setReason} onClaim={() => run('claim')} onRelease={() => run('release')} onRecord={record} /> : <Alert>{t('common.none')}</Alert>}</Grid.Col>
    </Grid>
  );
}

function TaskCard(props: {
  task: CallTask;
  mine: boolean;
  outcome: string;
  setOutcome: (o: string) => void;
  promiseDate: string;
  setPromiseDate: (d: string) => void;
  promiseAmount: string;
  setPromiseAmount: (a: string) => void;
  reason: string;
  setReason: (r: string) => void;
  onClaim: () => void;
  onRelease: () => void;
  onRecord: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { task } = props;
  const script = useTemplatePreview('call', 'call-script', i18n.language.startsWith('fr') ? 'fr' : 'en');
  return (
    <Card withBorder data-testid="task-card">
      <Stack gap="xs">
        <Title order={4}>{task.customer.name}</Title>
        <Text>
          {t('queue.phone')}: <a href={`tel:${task.customer.phone ?? ''}`}>{task.customer.phone ?? '—'}</a> {task.customer.contactName ? `(${task.customer.contactName})` : ''}
        </Text>
        <Text>
          {task.invoice.number} — {formatMoney(task.invoice.balance, task.invoice.currency, i18n.language)} — {task.daysOverdue} {t('queue.daysOverdue').toLowerCase()}
        </Text>
        <Text size="sm" fw={600}>
          {t('queue.lastReminders')}
        </Text>
        {task.lastReminders.map((r, i) => (
          <Text key={i} size="xs">
            {new Date(r.at).toLocaleDateString(i18n.language)} · {r.channel} · {r.template} · {r.status}
          </Text>
        ))}
        <Text size="sm" fw={600}>
          {t('queue.script')}
        </Text>
        <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {script.data?.body}
        </Text>
        {!props.mine ? (
          <Button onClick={props.onClaim} disabled={task.status !== 'open'} data-testid="claim">
            {t('queue.claim')} (C)
          </Button>
        ) : (
          <Stack gap="xs">
            <Radio.Group label={t('queue.outcome')} value={props.outcome} onChange={props.setOutcome}>
              <Stack gap={4}>
                {OUTCOMES.map((o, i) => (
                  <Radio key={o} value={o} label={`${i + 1}. ${t(`outcomes.${o}`)}`} data-testid={`outcome-${o}`} />
                ))}
              </Stack>
            </Radio.Group>
            {props.outcome === 'promise_to_pay' && (
              <Group grow>
                <TextInput type="date" label={t('queue.promiseDate')} value={props.promiseDate} onChange={(e) => props.setPromiseDate(e.currentTarget.value)} data-testid="promise-date" />
                <TextInput label={t('queue.promiseAmount')} placeholder={(task.invoice.balance / 100).toFixed(2)} value={props.promiseAmount} onChange={(e) => props.setPromiseAmount(e.currentTarget.value)} data-testid="promise-amount" />
              </Group>
            )}
            {props.outcome === 'dispute' && <TextInput label={t('invoices.reason')} value={props.reason} onChange={(e) => props.setReason(e.currentTarget.value)} />}
            <Group>
              <Button onClick={props.onRecord} data-testid="record-outcome">
                {t('queue.record')} (Enter)
              </Button>
              <Button variant="default" onClick={props.onRelease}>
                {t('queue.release')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

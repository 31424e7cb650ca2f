import { Alert, Button, Grid, Group, Kbd, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useTaskAction, useTasks } from '../api/queries';
import type { CallTask, CompleteTaskBody } from '../api/types';
import { currencyDigits, localDateToday } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';
import { type CsvColumn, csvMoney } from '../common/csv-export';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { useLabels } from '../common/labels';
import { OutcomeForm } from './OutcomeForm';
import { TaskCard } from './TaskCard';
import { TaskTable } from './TaskTable';
import { OUTCOMES, type OutcomeForm as Form, outcomeBody } from './outcome-body';

const inAWeek = () => localDateToday(new Date(Date.now() + 7 * 86_400_000));
const blankForm = (): Form => ({ outcome: 'promise_to_pay', promiseDate: inAWeek(), promiseAmount: '', reason: '', notes: '' });

/**
 * The collectors' queue, highest priority first. Keyboard: J/K move, C claims, 1–5 pick the
 * outcome, Enter records it; the next task is selected after each call.
 */
export function TaskQueuePage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const tasks = useTasks();
  const action = useTaskAction();
  const notifyError = useNotifyError();
  const open = (tasks.data ?? []).filter((task) => task.status !== 'done');
  const [index, setIndex] = useState(0);
  const current: CallTask | undefined = open[Math.min(index, open.length - 1)];
  const [form, setForm] = useState<Form>(blankForm);
  const [problem, setProblem] = useState<string>();
  const mine = current?.status === 'claimed' && current.claimedBy === me.data?.userId;
  const taskColumns: Array<CsvColumn<CallTask>> = [
    { header: t('common.customer'), value: (task) => task.customer.name },
    { header: t('common.reference'), value: (task) => task.customer.reference },
    { header: t('queue.phone'), value: (task) => task.customer.phone },
    { header: t('invoices.number'), value: (task) => task.invoices.map((invoice) => invoice.number).join(', ') },
    { header: t('queue.total'), value: (task) => csvMoney(task.totalBalance.amount, task.totalBalance.currency, i18n.language) },
    { header: t('common.currency'), value: (task) => task.totalBalance.currency },
    { header: t('queue.daysOverdue'), value: (task) => task.daysOverdue },
    { header: t('common.status'), value: (task) => labels.taskStatus(task.status) },
    { header: t('collect.slaColumn'), value: (task) => task.slaDueAt },
  ];
  const change = useCallback((next: Partial<Form>) => {
    setForm((previous) => ({ ...previous, ...next }));
    setProblem(undefined);
  }, []);

  const run = useCallback(
    (kind: 'claim' | 'release' | 'complete', body?: CompleteTaskBody) => {
      if (!current) return;
      const numbers = current.invoices.map((invoice) => invoice.number).join(', ');
      action.mutate(
        { id: current.id, action: kind, body },
        {
          onError: notifyError,
          onSuccess: () => {
            if (kind !== 'complete') return;
            // The next call starts from a clean form: nothing of this customer's carries over.
            setForm(blankForm());
            notifySuccess(t('collect.recordedFor', { numbers: numbers || current.customer.name }));
          },
        },
      );
    },
    [action, current, notifyError, t],
  );
  const record = useCallback(() => {
    if (!current || !mine) return;
    const result = outcomeBody(form, current.totalBalance.amount, currencyDigits(current.totalBalance.currency));
    if ('problem' in result) setProblem(result.problem);
    else run('complete', result.body);
  }, [current, mine, form, run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Fields and buttons handle their own keys (the outcome form records on Enter itself).
      if ((e.target as HTMLElement).closest('input, textarea, select, button, a, form')) return;
      if (e.key === 'j') setIndex((i) => Math.min(i + 1, open.length - 1));
      else if (e.key === 'k') setIndex((i) => Math.max(i - 1, 0));
      else if (e.key === 'c') run('claim');
      else if (/^[1-5]$/.test(e.key)) change({ outcome: OUTCOMES[Number(e.key) - 1]! });
      else if (e.key === 'Enter') record();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open.length, run, record, change]);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Title order={3} mb="xs">
          {t('queue.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          <Kbd>J</Kbd>/<Kbd>K</Kbd> · <Kbd>C</Kbd> · <Kbd>1</Kbd>–<Kbd>5</Kbd> · <Kbd>Enter</Kbd> — {t('queue.shortcuts')}
        </Text>
        {tasks.isError && <Alert color="red">{t('common.loadFailed', { message: (tasks.error as Error).message })}</Alert>}
        {tasks.data && open.length === 0 ? (
          <Alert title={t('collect.emptyTitle')} data-testid="queue-empty">
            {t('collect.empty')}
          </Alert>
        ) : (
          <>
            <TaskTable tasks={open} currentId={current?.id} onSelect={setIndex} />
            <Group justify="end" mt="xs">
              <ExportCsvButton rows={open} columns={taskColumns} name={t('lists.files.tasks')} />
            </Group>
          </>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        {current ? (
          <TaskCard task={current}>
            {mine ? (
              <OutcomeForm task={current} form={form} problem={problem} onChange={change} onRecord={record} onRelease={() => run('release')} busy={action.isPending} />
            ) : current.status === 'claimed' ? (
              <Alert color="gray">{t('queue.claimedByOther')}</Alert>
            ) : (
              <Button onClick={() => run('claim')} loading={action.isPending} data-testid="claim">
                {t('queue.claim')} (C)
              </Button>
            )}
          </TaskCard>
        ) : null}
      </Grid.Col>
    </Grid>
  );
}

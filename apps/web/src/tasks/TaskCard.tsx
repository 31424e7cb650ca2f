import { Alert, Badge, Card, Divider, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTask } from '../api/types';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { CustomerLink } from '../customers/CustomerLink';

/**
 * What a collector reads before dialling, all of it this customer's own: the number, every invoice
 * the call covers and how late, the total, the script the API rendered from this customer's data
 * in its language, the earlier calls and their notes, the last reminders. `children`: the actions.
 */
export function TaskCard({ task, children }: { task: CallTask; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  return (
    <Card withBorder data-testid="task-card" py="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="start">
          <div>
            <Title order={4} data-testid="task-customer">
              <CustomerLink id={task.customer.id} name={task.customer.name} inherit />
            </Title>
            <Text size="xs" c="dimmed">
              {t('queue.reference', { reference: task.customer.reference })} · {t('queue.speaks', { language: labels.locale(task.customer.locale) })}
            </Text>
          </div>
          <Badge variant="light">{labels.taskStatus(task.status)}</Badge>
        </Group>
        <Text size="sm">
          {t('queue.phone')}: {task.customer.phone ? <a href={`tel:${task.customer.phone}`}>{task.customer.phone}</a> : '—'}{' '}
          {task.customer.contactName ? `(${task.customer.contactName})` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {t('queue.slaDue', { date: formatDate(task.slaDueAt, i18n.language, true) })}
        </Text>

        {/* What to read scrolls inside the card, so the outcome form below stays whole on a 1280×720 screen. */}
        <ScrollArea.Autosize mah="max(120px, calc(100dvh - 540px))" type="auto" offsetScrollbars data-testid="task-details">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('queue.invoices')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={2} data-testid="task-invoices">
              <Table.Tbody>
                {task.invoices.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>{invoice.number}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {t('invoices.due')} {formatDate(invoice.dueDate, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t('queue.daysLate', { count: invoice.daysOverdue })}</Table.Td>
                    <Table.Td ta="right">{money(invoice.balance, invoice.currency)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td colSpan={3} fw={600}>
                    {t('queue.total')}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="task-total">
                    {money(task.totalBalance.amount, task.totalBalance.currency)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>

            <Divider />
            <Text size="sm" fw={600}>
              {t('queue.script')}
            </Text>
            {task.script ? (
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="call-script" lang={task.customer.locale}>
                {task.script}
              </Text>
            ) : (
              <Alert color="gray" p="xs">
                {t('queue.noScript')}
              </Alert>
            )}

            <Divider />
            <Text size="sm" fw={600}>
              {t('queue.history')}
            </Text>
            {task.history.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('queue.noHistory')}
              </Text>
            )}
            {task.history.map((call, i) => (
              <Text key={i} size="xs" data-testid="call-history">
                {call.at ? formatDate(call.at, i18n.language, true) : '—'} · <b>{labels.outcome(call.outcome)}</b>
                {call.collector ? ` · ${t('queue.by', { name: call.collector })}` : ''}
                {call.notes ? ` — ${call.notes}` : ''}
              </Text>
            ))}

            <Text size="sm" fw={600}>
              {t('queue.lastReminders')}
            </Text>
            {task.lastReminders.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('queue.noReminder')}
              </Text>
            )}
            {task.lastReminders.map((r, i) => (
              <Text key={i} size="xs">
                {formatDate(r.at, i18n.language)} · {labels.channel(r.channel)} · {r.template} · {labels.messageStatus(r.status)}
              </Text>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        {children}
      </Stack>
    </Card>
  );
}

import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallTask } from '../api/types';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';

/** The queue, highest priority first: one row per customer to call, with every invoice the call covers. */
export function TaskTable({ tasks, currentId, onSelect }: { tasks: CallTask[]; currentId?: string; onSelect: (index: number) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (
    <Table highlightOnHover data-testid="task-table" aria-label={t('queue.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('common.customer')}</Table.Th>
          <Table.Th>{t('invoices.number')}</Table.Th>
          <Table.Th ta="right">{t('queue.total')}</Table.Th>
          <Table.Th>{t('queue.daysOverdue')}</Table.Th>
          <Table.Th>{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((task, i) => (
          <Table.Tr
            key={task.id}
            bg={task.id === currentId ? 'indigo.0' : undefined}
            onClick={() => onSelect(i)}
            style={{ cursor: 'pointer' }}
            aria-selected={task.id === currentId}
            tabIndex={0}
            onKeyDown={(e) => e.key === ' ' && onSelect(i)}
          >
            <Table.Td>{task.customer.name}</Table.Td>
            <Table.Td>{task.invoices.map((invoice) => invoice.number).join(', ') || '—'}</Table.Td>
            <Table.Td ta="right">{formatMoney(task.totalBalance.amount, task.totalBalance.currency, i18n.language)}</Table.Td>
            <Table.Td>{task.daysOverdue}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={task.status === 'claimed' ? 'teal' : 'indigo'} title={formatDate(task.slaDueAt, i18n.language, true)}>
                {labels.taskStatus(task.status)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

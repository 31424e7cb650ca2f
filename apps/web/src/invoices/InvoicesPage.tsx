import { Group, Pagination, Select, Stack, Table, Title } from '@mantine/core';
import { RECEIVABLE_STATUSES } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFlows, useInvoices } from '../api/queries';
import { formatDate, formatMoney } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useLabels } from '../common/labels';
import { ImportPanel } from './ImportPanel';

const OVERDUE_BANDS = ['1-30', '31-60', '61-90', '91-'];

export function InvoicesPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const filter = { status: params.get('status') ?? undefined, flowId: params.get('flowId') ?? undefined, overdue: params.get('overdue') ?? undefined, page };
  const invoices = useInvoices(filter);
  const flows = useFlows();
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
    setPage(1);
  };
  return (
    <Stack>
      <Title order={3}>{t('invoices.title')}</Title>
      <ImportPanel />
      <Group>
        <Select
          label={t('common.status')}
          clearable
          data={RECEIVABLE_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          value={filter.status ?? null}
          onChange={(v) => setFilter('status', v)}
        />
        <Select
          label={t('invoices.flow')}
          clearable
          data={(flows.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={filter.flowId ?? null}
          onChange={(v) => setFilter('flowId', v)}
        />
        <Select
          label={t('invoices.overdue')}
          clearable
          data={OVERDUE_BANDS.map((band) => ({ value: band, label: t(`invoices.bands.${band}`) }))}
          value={filter.overdue ?? null}
          onChange={(v) => setFilter('overdue', v)}
        />
      </Group>
      <Table striped highlightOnHover data-testid="invoice-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('common.customer')}</Table.Th>
            <Table.Th>{t('invoices.due')}</Table.Th>
            <Table.Th ta="right">{t('invoices.balance')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(invoices.data?.items ?? []).map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <Link to={`/invoices/${invoice.id}`}>{invoice.number}</Link>
              </Table.Td>
              <Table.Td>{invoice.customerName}</Table.Td>
              <Table.Td>{formatDate(invoice.dueDate, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatMoney(invoice.balance, invoice.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <StatusBadge status={invoice.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {invoices.data && invoices.data.total > invoices.data.pageSize && (
        <Pagination total={Math.ceil(invoices.data.total / invoices.data.pageSize)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}

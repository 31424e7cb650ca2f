import { Alert, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { INVOICE_PAGE_SIZE, invoiceExportPath, useInvoiceList } from '../api/invoice-list-queries';
import { csvLocaleOf } from '../common/csv-export';
import { downloadReport } from '../common/download';
import { formatDate, formatMoney } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { CustomerLink } from '../customers/CustomerLink';
import { useNotifyError } from '../common/notify';
import { ImportPanel } from './ImportPanel';
import { InvoiceFilters } from './InvoiceFilters';
import { type FilterName, type InvoiceListFilter, formatInvoiceFilter, parseInvoiceFilter, withFilter } from './invoice-filters';

/**
 * The invoices, oldest due first, filtered on the server by what the URL says (a dashboard chart's
 * link, a shared address, the back button), 50 a page; "Export CSV" saves every invoice matching.
 */
export function InvoicesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = parseInvoiceFilter(params);
  const invoices = useInvoiceList(filter);
  const go = (next: InvoiceListFilter) => setParams(formatInvoiceFilter(next));
  const change = (name: FilterName, value: string | null) => go(withFilter(filter, name, value));
  const total = invoices.data?.total ?? 0;
  return (
    <Stack>
      <Title order={3}>{t('invoices.title')}</Title>
      <ImportPanel />
      <InvoiceFilters filter={filter} onChange={change} onClear={() => go({ page: 1 })} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="invoice-count">
          {invoices.data ? t('invoiceFilters.matching', { count: total }) : t('common.loading')}
        </Text>
        <ExportInvoices filter={filter} locale={csvLocaleOf(i18n.language)} disabled={total === 0} />
      </Group>
      {invoices.isError && <Alert color="red">{t('common.loadFailed', { message: (invoices.error as Error).message })}</Alert>}
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
              <Table.Td>
                <CustomerLink id={invoice.customerId} name={invoice.customerName} size="sm" />
              </Table.Td>
              <Table.Td>{formatDate(invoice.dueDate, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatMoney(invoice.balance, invoice.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <StatusBadge status={invoice.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {invoices.data && total === 0 && <Text c="dimmed">{t('invoiceFilters.noMatch')}</Text>}
      {total > INVOICE_PAGE_SIZE && <Pagination total={Math.ceil(total / INVOICE_PAGE_SIZE)} value={filter.page} onChange={(page) => go({ ...filter, page })} />}
    </Stack>
  );
}

/** Every invoice the filters match (all pages), as the server writes it: French with ";" and a decimal comma. */
function ExportInvoices({ filter, locale, disabled }: { filter: InvoiceListFilter; locale: 'fr' | 'en'; disabled: boolean }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await downloadReport(invoiceExportPath(filter, locale), `${t('lists.files.invoices')}.csv`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="default" loading={busy} disabled={disabled} onClick={() => void save()} title={t('invoiceFilters.exportHelp')} data-testid="export-csv">
      {t('lists.exportCsv')}
    </Button>
  );
}

import { Anchor, Card, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../common/StatusBadge';
import { formatDate, formatMoney } from '../common/format';
import type { InvoiceFacts } from './customer-summary';

type Row = InvoiceFacts & { issueDate: string; amount: number };

function InvoiceTable({ invoices, testId }: { invoices: Row[]; testId: string }) {
  const { t, i18n } = useTranslation();
  if (invoices.length === 0)
    return (
      <Text size="sm" c="dimmed" p="xs">
        {t('customerPage.noInvoice')}
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={4} striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('customerPage.number')}</Table.Th>
          <Table.Th>{t('customerPage.issueDate')}</Table.Th>
          <Table.Th>{t('customerPage.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('customerPage.amount')}</Table.Th>
          <Table.Th ta="right">{t('customerPage.balance')}</Table.Th>
          <Table.Th>{t('customerPage.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.map((invoice) => (
          <Table.Tr key={invoice.id}>
            <Table.Td>
              <Anchor component={Link} to={`/invoices/${invoice.id}`} size="sm">
                {invoice.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDate(invoice.issueDate, i18n.language)}</Table.Td>
            <Table.Td>{formatDate(invoice.dueDate, i18n.language)}</Table.Td>
            <Table.Td ta="right">{formatMoney(invoice.amount, invoice.currency, i18n.language)}</Table.Td>
            <Table.Td ta="right">{formatMoney(invoice.balance, invoice.currency, i18n.language)}</Table.Td>
            <Table.Td>
              <StatusBadge status={invoice.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** All the customer's invoices: the open ones (oldest due first) and the closed ones (paid, cancelled, written off). */
export function CustomerInvoicesCard({ open, closed }: { open: Row[]; closed: Row[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="customer-invoices">
      <Title order={3} size="h5" mb="xs">
        {t('customerPage.invoices')}
      </Title>
      <Tabs defaultValue="open">
        <Tabs.List>
          <Tabs.Tab value="open">{t('customerPage.openTab', { count: open.length })}</Tabs.Tab>
          <Tabs.Tab value="closed">{t('customerPage.closedTab', { count: closed.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="xs">
          <InvoiceTable invoices={open} testId="customer-open-invoices" />
        </Tabs.Panel>
        <Tabs.Panel value="closed" pt="xs">
          <InvoiceTable invoices={closed} testId="customer-closed-invoices" />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}

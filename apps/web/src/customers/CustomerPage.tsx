import { Alert, Loader, SimpleGrid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCustomerInvoices } from '../api/customer-queries';
import { useCustomer } from '../api/queries';
import { localDateToday } from '../common/format';
import { CustomerScoresCard } from '../solvency/CustomerScoresCard';
import { CustomerContactsCard } from './CustomerContactsCard';
import { CustomerHeader } from './CustomerHeader';
import { CustomerInvoicesCard } from './CustomerInvoicesCard';
import { CustomerNotesCard } from './CustomerNotesCard';
import { CustomerPromisesCard } from './CustomerPromisesCard';
import { CustomerTimelineCard } from './CustomerTimelineCard';
import { summarizeCustomer } from './customer-summary';

/**
 * One customer, everything about it on one page: who it is (score band, credit limit, exposure),
 * what it owes, its contacts, all its invoices, their combined story, the promises and disputes
 * running, the notes people wrote, and its score history.
 */
export function CustomerPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const customer = useCustomer(id);
  const invoices = useCustomerInvoices(id!);
  const rows = useMemo(() => invoices.data?.items ?? [], [invoices.data]);
  const summary = useMemo(
    () => summarizeCustomer(rows, { limit: customer.data?.creditLimit ?? null, currency: customer.data?.creditLimitCurrency ?? null }, localDateToday()),
    [rows, customer.data],
  );
  const currencyOf = useMemo(() => {
    const byId = new Map(rows.map((r) => [r.id, r.currency]));
    return (invoiceId: string) => byId.get(invoiceId) ?? customer.data?.creditLimitCurrency ?? 'EUR';
  }, [rows, customer.data]);
  const failed = customer.error ?? invoices.error;
  if (failed && !customer.data) return <Alert color="red">{t('customerPage.loadFailed')}</Alert>;
  if (!customer.data || !invoices.data) return <Loader />;
  return (
    <Stack>
      <CustomerHeader customer={customer.data} summary={summary} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CustomerContactsCard contacts={customer.data.contacts} />
        <CustomerPromisesCard promises={summary.promises} disputes={summary.disputes} />
      </SimpleGrid>
      <CustomerInvoicesCard open={summary.openInvoices} closed={summary.closedInvoices} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CustomerTimelineCard customerId={customer.data.id} currencyOf={currencyOf} />
        <Stack>
          <CustomerNotesCard customerId={customer.data.id} />
          <CustomerScoresCard customerId={customer.data.id} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

import { Alert, Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCustomer, useInvoiceState } from '../api/queries';
import { StatusBadge } from '../common/StatusBadge';
import { CustomerLink } from '../customers/CustomerLink';
import { CustomerCreditCard } from './CustomerCreditCard';
import { CustomerScoresCard } from '../solvency/CustomerScoresCard';
import { InvoiceActionsCard } from './InvoiceActionsCard';
import { InvoiceAmountsCard } from './InvoiceAmountsCard';
import { InvoiceStoryCard } from './InvoiceStoryCard';
import { LiveStateCard } from './LiveStateCard';
import { PaymentsCard } from './PaymentsCard';
import { InvoiceTermsCard } from '../payment-terms/InvoiceTermsCard';
import { ClaimAgeCard } from '../claims/ClaimAgeCard';
import { SupportingDocumentsCard } from '../claims/SupportingDocumentsCard';
import { Phrase } from '../common/Data';

/** One invoice: its books (amounts, payments, credit notes), its live workflow, its story, and what a manager can do. */
export function InvoiceDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const state = useInvoiceState(id!);
  const customer = useCustomer(state.data?.invoice.customerId);
  if (state.isError && !state.data) return <Alert color="red">{t('common.loadFailed', { message: (state.error as Error).message })}</Alert>;
  if (!state.data) return <Loader />;
  const { invoice, flow } = state.data;
  const credit = customer.data?.credit ?? [];
  const live = state.data.live ? { finished: !!state.data.live.finished } : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('invoices.detail', { number: invoice.number })}</Title>
          <Text size="sm" data-testid="invoice-customer">
            {t('invoiceActions.customer')}{' '}
            {customer.data ? (
              <>
                <CustomerLink id={customer.data.id} name={customer.data.name} size="sm" /> · {customer.data.reference}
              </>
            ) : (
              '…'
            )}
          </Text>
          <Text size="sm" data-testid="invoice-flow">
            {t('invoiceActions.flow')}{' '}
            {flow ? (
              <Anchor component={Link} to={`/flows/${flow.id}`} size="sm">
                <Phrase i18nKey="invoiceActions.flowVersion" values={{ version: flow.version }} data={{ name: flow.name }} />
              </Anchor>
            ) : (
              t('invoiceActions.noFlow')
            )}
          </Text>
        </div>
        {/* The books' status: the one writer of money and status (the workflow's view may lag a moment). */}
        <StatusBadge status={invoice.status} size="lg" data-testid="invoice-status" />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack>
          <InvoiceAmountsCard invoice={invoice} />
          <InvoiceTermsCard invoice={invoice} />
        </Stack>
        <Stack>
          <LiveStateCard state={state.data} />
          <CustomerCreditCard invoice={invoice} credit={credit} />
          <CustomerScoresCard customerId={invoice.customerId} />
        </Stack>
        <InvoiceActionsCard invoice={invoice} credit={credit} live={live} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SupportingDocumentsCard invoiceId={invoice.id} />
        <ClaimAgeCard invoiceId={invoice.id} />
      </SimpleGrid>
      <PaymentsCard payments={state.data.payments ?? []} creditNotes={state.data.creditNotes ?? []} currency={invoice.currency} />
      <InvoiceStoryCard state={state.data} />
    </Stack>
  );
}

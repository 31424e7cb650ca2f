import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../api/types';
import { formatDate, formatMoney } from '../common/format';

/**
 * The invoice's money as the books hold it: invoiced (with its VAT), the fees charged and still
 * owed (indemnity, interest), what was paid and credited, and what is left.
 */
export function InvoiceAmountsCard({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.language);
  const line = (label: string, amount: number, testId?: string, dimmed = false) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c={dimmed ? 'dimmed' : undefined} pl={dimmed ? 'md' : undefined}>
        {label}
      </Text>
      <Text size="sm" c={dimmed ? 'dimmed' : undefined} data-testid={testId}>
        {money(amount)}
      </Text>
    </Group>
  );
  return (
    <Card withBorder data-testid="invoice-amounts">
      <Title order={5} mb="xs">
        {t('money.amounts')}
      </Title>
      <Stack gap={4}>
        {line(t('money.principal'), invoice.amount, 'amount-invoiced')}
        {line(t('money.vat'), invoice.vatAmount, undefined, true)}
        {(invoice.indemnityBalance > 0 || invoice.interestBalance > 0) && (
          <>
            {line(t('money.indemnity'), invoice.indemnityBalance, 'amount-indemnity')}
            {line(t('money.interest'), invoice.interestBalance, 'amount-interest')}
          </>
        )}
        {line(`− ${t('money.paid')}`, invoice.paidAmount, 'amount-paid')}
        {line(`− ${t('money.credited')}`, invoice.creditedAmount, 'amount-credited')}
        <Divider />
        <Group justify="space-between">
          <Text fw={700}>{t('money.balance')}</Text>
          <Text fw={700} size="xl" data-testid="invoice-balance">
            {money(invoice.balance)}
          </Text>
        </Group>
        {invoice.balance > 0 && invoice.interestBalance + invoice.indemnityBalance > 0 && (
          <Text size="xs" c="dimmed">
            {t('money.fees')}: {money(invoice.interestBalance + invoice.indemnityBalance)}
          </Text>
        )}
        {invoice.impairment > 0 && line(t('money.impairment'), invoice.impairment, 'amount-impairment', true)}
        <Text size="sm">{t('money.due', { date: formatDate(invoice.dueDate, i18n.language) })}</Text>
        {invoice.promisedUntil && <Text size="sm">{t('money.promisedUntil', { date: formatDate(invoice.promisedUntil, i18n.language) })}</Text>}
        {invoice.pausedAt && <Text size="sm">{t('money.pausedSince', { date: formatDate(invoice.pausedAt, i18n.language, true) })}</Text>}
      </Stack>
    </Card>
  );
}

import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreditNote, Payment } from '../api/types';
import { formatDate, formatMoney } from '../common/format';

/** The payments received on the invoice (with the part that went to the customer's credit) and its credit notes. */
export function PaymentsCard({ payments, creditNotes, currency }: { payments: Payment[]; creditNotes: CreditNote[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  return (
    <Card withBorder data-testid="invoice-payments">
      <Title order={5} mb="xs">
        {t('money.payments')}
      </Title>
      {payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('money.noPayment')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.receivedAt')}</Table.Th>
              <Table.Th ta="right">{t('common.amount')}</Table.Th>
              <Table.Th ta="right">{t('money.allocated')}</Table.Th>
              <Table.Th ta="right">{t('money.excess')}</Table.Th>
              <Table.Th>{t('common.reference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDate(p.receivedAt, i18n.language)}</Table.Td>
                <Table.Td ta="right">{money(p.amount)}</Table.Td>
                <Table.Td ta="right">{money(p.allocated)}</Table.Td>
                <Table.Td ta="right">{p.excess > 0 ? money(p.excess) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs" title={t(`money.sources.${p.source}`, { defaultValue: p.source })}>
                    {p.externalId ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={5} my="xs">
        {t('money.creditNotes')}
      </Title>
      {creditNotes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('money.noCreditNote')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('actions.number')}</Table.Th>
              <Table.Th>{t('common.date')}</Table.Th>
              <Table.Th ta="right">{t('common.amount')}</Table.Th>
              <Table.Th ta="right">{t('money.vatPart')}</Table.Th>
              <Table.Th>{t('common.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {creditNotes.map((note) => (
              <Table.Tr key={note.id}>
                <Table.Td>{note.number}</Table.Td>
                <Table.Td>{formatDate(note.issueDate, i18n.language)}</Table.Td>
                <Table.Td ta="right">{money(note.amount)}</Table.Td>
                <Table.Td ta="right">{money(note.vatAmount)}</Table.Td>
                <Table.Td>{note.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

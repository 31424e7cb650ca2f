import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTrialBalance } from '../api/queries';
import { formatMoney } from '../common/format';
import { useLabels } from '../common/labels';

/** Debit, credit and balance per account up to a date, and whether each currency's books balance. */
export function TrialBalanceCard({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const balance = useTrialBalance(asOf);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  const accounts = balance.data?.accounts ?? [];
  return (
    <Card withBorder data-testid="trial-balance">
      <Title order={5} mb="xs">
        {t('books.trialBalance')}
      </Title>
      {balance.data && accounts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('books.noEntry')}
        </Text>
      )}
      {accounts.length > 0 && (
        <Table fz="sm" verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('books.account')}</Table.Th>
              <Table.Th>{t('books.label')}</Table.Th>
              <Table.Th ta="right">{t('books.debit')}</Table.Th>
              <Table.Th ta="right">{t('books.credit')}</Table.Th>
              <Table.Th ta="right">{t('books.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={`${a.account}-${a.currency}`}>
                <Table.Td ff="monospace">{a.account}</Table.Td>
                <Table.Td>{labels.account(a.account, a.label)}</Table.Td>
                <Table.Td ta="right">{money(a.debit, a.currency)}</Table.Td>
                <Table.Td ta="right">{money(a.credit, a.currency)}</Table.Td>
                <Table.Td ta="right">{money(a.balance, a.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {(balance.data?.totals ?? []).map((total) => (
              <Table.Tr key={total.currency} fw={700}>
                <Table.Td colSpan={2}>
                  {t('common.total')} {total.currency}{' '}
                  <Badge color={total.balanced ? 'green' : 'red'} variant="light" data-testid={`balanced-${total.currency}`}>
                    {total.balanced ? t('books.balanced') : t('books.unbalanced')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{money(total.debit, total.currency)}</Table.Td>
                <Table.Td ta="right">{money(total.credit, total.currency)}</Table.Td>
                <Table.Td ta="right">{money(total.debit - total.credit, total.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tfoot>
        </Table>
      )}
    </Card>
  );
}

import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgedBalance } from '../api/queries';
import { formatMoney } from '../common/format';
import { useLabels } from '../common/labels';

/** What each customer owes by the books up to a date, by how late each invoice is (every bucket, in order). */
export function AgedBalanceCard({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const aged = useAgedBalance(asOf);
  const buckets = aged.data?.buckets ?? [];
  const customers = aged.data?.customers ?? [];
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  return (
    <Card withBorder data-testid="aged-balance">
      <Title order={5}>{t('books.agedBalance')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('books.agedHelp')}
      </Text>
      {aged.data && customers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('books.noEntry')}
        </Text>
      )}
      {customers.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.customer')}</Table.Th>
                {buckets.map((bucket) => (
                  <Table.Th key={bucket} ta="right">
                    {labels.bucket(bucket)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('common.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Table.Tr key={`${c.customerId}-${c.currency}`}>
                  <Table.Td>
                    {c.name ?? c.customerId}
                    <Text size="xs" c="dimmed">
                      {c.reference}
                    </Text>
                  </Table.Td>
                  {buckets.map((bucket) => (
                    <Table.Td key={bucket} ta="right" c={(c.buckets[bucket] ?? 0) === 0 ? 'dimmed' : undefined}>
                      {money(c.buckets[bucket] ?? 0, c.currency)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    {money(c.total, c.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

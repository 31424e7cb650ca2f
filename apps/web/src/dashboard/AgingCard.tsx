import { BarChart } from '@mantine/charts';
import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Aging } from '../api/types';
import { currencyDigits, formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { agingRows } from './report-series';

const COLORS = ['indigo.6', 'teal.6', 'yellow.6', 'orange.6', 'red.6', 'grape.6'];

/** Every aging bucket in the API's order, labelled in words, charted per currency, with the table as its legend. */
export function AgingCard({ aging }: { aging: Aging | undefined }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { currencies, rows } = agingRows(aging ?? { bucketOrder: [], buckets: [] }, currencyDigits);
  const of = (bucket: string, currency: string) => aging?.buckets.find((b) => b.bucket === bucket && b.currency === currency);
  return (
    <Card withBorder data-testid="aging">
      <Text fw={600}>{t('dashboard.aging')}</Text>
      {aging && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('dashboard.agingHelp', { date: formatDate(aging.asOf, i18n.language) })}
        </Text>
      )}
      <BarChart
        h={200}
        data={rows.map((row) => ({ ...row, bucket: labels.bucketShort(row.bucket) }))}
        dataKey="bucket"
        xAxisProps={{ interval: 0 }}
        withLegend={currencies.length > 1}
        series={currencies.map((currency, i) => ({ name: currency, label: currency, color: COLORS[i % COLORS.length]! }))}
        valueFormatter={(value) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(value)}
      />
      <Table fz="xs" mt="sm" verticalSpacing={2} data-testid="aging-legend">
        <Table.Tbody>
          {(aging?.bucketOrder ?? []).map((bucket) => (
            <Table.Tr key={bucket}>
              <Table.Td>{labels.bucket(bucket)}</Table.Td>
              {currencies.map((currency) => (
                <Table.Td key={currency} ta="right">
                  {formatMoney(of(bucket, currency)?.amount ?? 0, currency, i18n.language)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('dashboard.invoicesCount', { count: of(bucket, currency)?.count ?? 0 })}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

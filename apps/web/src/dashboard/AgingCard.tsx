import { BarChart } from '@mantine/charts';
import { Anchor, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Aging } from '../api/types';
import { currencyDigits, formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { invoicesLink } from '../invoices/invoice-filters';
import { agingRows } from './report-series';
import { CHART_COLORS, axisMoney } from './chart-format';

/**
 * Every aging bucket in its natural order (not yet due, 1–30… over 90 days late), empty ones at
 * zero, charted per currency with a legend and its unit; each bar opens the invoices behind it,
 * and the table under it (the same figures, with links) is its keyboard and screen-reader twin.
 */
export function AgingCard({ aging }: { aging: Aging | undefined }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { currencies, rows } = agingRows(aging?.buckets ?? [], currencyDigits);
  const of = (bucket: string, currency: string) => aging?.buckets.find((b) => b.bucket === bucket && b.currency === currency);
  return (
    <Card withBorder data-testid="aging">
      <Text fw={600}>{t('dashboard.aging')}</Text>
      {aging && (
        <Text size="xs" c="dimmed">
          {t('dashboard.agingHelp', { date: formatDate(aging.asOf, i18n.language) })}
        </Text>
      )}
      <Text size="xs" c="dimmed" mb="sm">
        {t('charts.clickHint')}
      </Text>
      <BarChart
        h={220}
        data={rows.map((row) => ({ ...row, label: labels.bucketShort(row.bucket) }))}
        dataKey="label"
        xAxisProps={{ interval: 0 }}
        xAxisLabel={t('charts.bucketAxis')}
        yAxisLabel={t('charts.amountAxis', { currency: currencies.join(', ') })}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={currencies.map((currency, i) => ({ name: currency, label: currency, color: CHART_COLORS[i % CHART_COLORS.length]! }))}
        valueFormatter={(value) => axisMoney(value, currencies.length === 1 ? currencies[0]! : undefined, i18n.language)}
        barProps={{
          cursor: 'pointer',
          onClick: (_bar: unknown, index: number) => {
            const row = rows[index];
            if (row) navigate(invoicesLink({ bucket: row.bucket }));
          },
        }}
      />
      <Table fz="xs" mt="sm" verticalSpacing={2} data-testid="aging-legend">
        <Table.Caption>{t('charts.agingTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charts.bucketAxis')}</Table.Th>
            {currencies.map((currency) => (
              <Table.Th key={currency} ta="right">
                {currency}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.bucket}>
              <Table.Td>
                <Anchor component={Link} to={invoicesLink({ bucket: row.bucket })} size="xs" aria-label={t('charts.seeInvoices', { what: labels.bucket(row.bucket) })}>
                  {labels.bucket(row.bucket)}
                </Anchor>
              </Table.Td>
              {currencies.map((currency) => (
                <Table.Td key={currency} ta="right">
                  {formatMoney(of(row.bucket, currency)?.amount ?? 0, currency, i18n.language)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('dashboard.invoicesCount', { count: of(row.bucket, currency)?.count ?? 0 })}
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

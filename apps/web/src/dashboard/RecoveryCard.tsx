import { BarChart } from '@mantine/charts';
import { Anchor, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useFlows, useRecoveryByStep } from '../api/queries';
import { currencyDigits, formatMoney } from '../common/format';
import { invoicesLink } from '../invoices/invoice-filters';
import { CHART_COLORS, axisMoney } from './chart-format';
import { BEFORE_ANY_STEP, recoveryRows, stepLabels } from './report-series';

/** Money received per flow step (the last one run before it), by the step's label, with a legend and its unit; each bar opens the invoices at that step. */
export function RecoveryCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const recovery = useRecoveryByStep();
  const flows = useFlows();
  const names = stepLabels(flows.data ?? []);
  const labelOf = (nodeId: string) => (nodeId === BEFORE_ANY_STEP ? t('dashboard.beforeAnyStep') : (names.get(nodeId) ?? nodeId));
  const { currencies, rows } = recoveryRows(recovery.data ?? [], labelOf, currencyDigits);
  const amountOf = (nodeId: string, currency: string) => (recovery.data ?? []).find((r) => r.nodeId === nodeId && r.currency === currency)?.amount ?? 0;
  return (
    <Card withBorder data-testid="recovery">
      <Text fw={600}>{t('dashboard.recovery')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('charts.clickHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charts.noRecovery')}
        </Text>
      ) : (
        <BarChart
          h={220}
          data={rows}
          dataKey="step"
          xAxisLabel={t('charts.stepAxis')}
          yAxisLabel={t('charts.amountAxis', { currency: currencies.join(', ') })}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={currencies.map((currency, i) => ({ name: currency, color: CHART_COLORS[(i + 1) % CHART_COLORS.length]! }))}
          valueFormatter={(value) => axisMoney(value, currencies.length === 1 ? currencies[0]! : undefined, i18n.language)}
          barProps={{
            cursor: 'pointer',
            // recharts names the bar clicked by its index in the data.
            onClick: (_bar: unknown, index: number) => {
              const nodeId = rows[index]?.nodeId;
              if (nodeId && nodeId !== BEFORE_ANY_STEP) navigate(invoicesLink({ step: nodeId }));
            },
          }}
        />
      )}
      <Table fz="xs" mt="sm" verticalSpacing={2} data-testid="recovery-legend">
        <Table.Caption>{t('charts.recoveryTable')}</Table.Caption>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.nodeId}>
              <Table.Td>
                {row.nodeId === BEFORE_ANY_STEP ? (
                  row.step
                ) : (
                  <Anchor component={Link} to={invoicesLink({ step: row.nodeId })} size="xs" aria-label={t('charts.seeStep', { step: row.step })}>
                    {row.step}
                  </Anchor>
                )}
              </Table.Td>
              {currencies.map((currency) => (
                <Table.Td key={currency} ta="right">
                  {formatMoney(amountOf(row.nodeId, currency), currency, i18n.language)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{t('charts.payments', { count: row.payments })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAging, useDso, useDsoTrend, useMessageCounts, useRecoveryByStep } from '../api/queries';
import { currencyDigits, formatMonth, formatMoney, localDateToday } from '../common/format';
import { useLabels } from '../common/labels';
import { AgingCard } from './AgingCard';
import { PaymentTermsReportCard } from '../payment-terms/PaymentTermsReportCard';
import { ClaimAgeDashboardCard } from '../claims/ClaimAgeDashboardCard';
import { dsoRows, monthsThrough } from './report-series';

const COLORS = ['indigo.6', 'teal.6', 'yellow.6', 'orange.6', 'red.6', 'grape.6'];
const BEFORE_ANY_STEP = '(before any step)';

/** The portfolio at a glance: outstanding, aging, DSO and its trend from the books, what each step recovers, messages per channel. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const aging = useAging();
  const today = localDateToday();
  const from = localDateToday(new Date(Date.now() - 90 * 86_400_000));
  const dso = useDso(from, today);
  const period = monthsThrough(today, 12);
  const trend = useDsoTrend(period.from, period.to);
  const recovery = useRecoveryByStep();
  const counts = useMessageCounts();
  const dsoSeries = dsoRows(trend.data ?? []);
  return (
    <Stack>
      <Title order={3}>{t('nav.dashboard')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder data-testid="outstanding">
          <Text c="dimmed" size="sm">
            {t('dashboard.outstanding')}
          </Text>
          {(aging.data?.outstanding ?? []).map((o) => (
            <Text key={o.currency} fw={700} size="xl">
              {formatMoney(o.amount, o.currency, i18n.language)}
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('dashboard.dso')}
          </Text>
          {(dso.data ?? []).map((d) => (
            <Text key={d.currency} fw={700} size="xl">
              {d.dso === null ? '—' : `${Math.round(d.dso)} ${t('dashboard.days')}`}{' '}
              <Text span size="sm">
                {d.currency}
              </Text>
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('nav.books')}
          </Text>
          <Anchor href={`/api/reports/journal.csv?from=${from}&to=${today}`}>{t('dashboard.journal')}</Anchor>
          <Anchor component={Link} to="/books" display="block">
            {t('dashboard.books')} →
          </Anchor>
        </Card>
      </SimpleGrid>
      <Card withBorder data-testid="dso-trend">
        <Text fw={600}>{t('dashboard.dsoTrend')}</Text>
        <Text size="xs" c="dimmed" mb="sm">
          {t('dashboard.dsoTrendHelp')}
        </Text>
        <LineChart
          h={180}
          data={dsoSeries.rows.map((row) => ({ ...row, month: formatMonth(row.month, i18n.language) }))}
          dataKey="month"
          unit={` ${t('dashboard.days')}`}
          connectNulls
          withLegend={dsoSeries.currencies.length > 1}
          series={dsoSeries.currencies.map((c, i) => ({ name: c, color: COLORS[i % COLORS.length]! }))}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <AgingCard aging={aging.data} />
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('dashboard.recovery')}
          </Text>
          <BarChart
            h={220}
            data={(recovery.data ?? []).map((r) => ({
              step: r.nodeId === BEFORE_ANY_STEP ? t('dashboard.beforeAnyStep') : r.nodeId,
              [r.currency]: Number(r.amount) / 10 ** currencyDigits(r.currency),
            }))}
            dataKey="step"
            series={[...new Set((recovery.data ?? []).map((r) => r.currency))].map((currency, i) => ({ name: currency, color: COLORS[(i + 1) % COLORS.length]! }))}
          />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('dashboard.messages')}
          </Text>
          <Group justify="center">
            <DonutChart
              withLabels
              withTooltip
              withLegend
              data={(counts.data ?? []).map((c, i) => ({ name: labels.channel(c.channel), value: c.count, color: COLORS[i % COLORS.length]! }))}
            />
          </Group>
        </Card>
      </SimpleGrid>
      <PaymentTermsReportCard />
      <ClaimAgeDashboardCard />
    </Stack>
  );
}

import { LineChart } from '@mantine/charts';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAging, useDso, useDsoTrend } from '../api/queries';
import { formatMonth, formatMoney, localDateToday } from '../common/format';
import { invoicesLink } from '../invoices/invoice-filters';
import { AgingCard } from './AgingCard';
import { CreditorWarning } from '../settings/CreditorWarning';
import { CHART_COLORS } from './chart-format';
import { MessagesCard } from './MessagesCard';
import { RecoveryCard } from './RecoveryCard';
import { PaymentTermsReportCard } from '../payment-terms/PaymentTermsReportCard';
import { ClaimAgeDashboardCard } from '../claims/ClaimAgeDashboardCard';
import { dsoRows, monthsThrough } from './report-series';

/** The portfolio at a glance: outstanding, aging, DSO and its trend from the books, what each step recovers, messages per channel. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const aging = useAging();
  const today = localDateToday();
  const from = localDateToday(new Date(Date.now() - 90 * 86_400_000));
  const dso = useDso(from, today);
  const period = monthsThrough(today, 12);
  const trend = useDsoTrend(period.from, period.to);
  const dsoSeries = dsoRows(trend.data ?? []);
  return (
    <Stack>
      <Title order={3}>{t('nav.dashboard')}</Title>
      <CreditorWarning />
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
          <Anchor component={Link} to="/invoices" size="sm">
            {t('charts.seeAll')} →
          </Anchor>
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
          yAxisLabel={t('charts.daysAxis')}
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={dsoSeries.currencies.map((c, i) => ({ name: c, color: CHART_COLORS[i % CHART_COLORS.length]! }))}
        />
        <Anchor component={Link} to={invoicesLink({ status: 'overdue' })} size="sm">
          {t('charts.seeOverdue')} →
        </Anchor>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <AgingCard aging={aging.data} />
        <RecoveryCard />
        <MessagesCard />
      </SimpleGrid>
      <PaymentTermsReportCard />
      <ClaimAgeDashboardCard />
    </Stack>
  );
}

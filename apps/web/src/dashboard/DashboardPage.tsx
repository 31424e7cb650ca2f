import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAging, useDso, useDsoTrend, useMessageCounts, useRecoveryByStep } from '../api/queries';
import { formatMoney } from '../common/format';

const BUCKET_ORDER = ['not_due', '0-30', '31-60', '61-90', '90+'];
const COLORS = ['indigo.6', 'teal.6', 'yellow.6', 'orange.6', 'red.6', 'grape.6'];

/** The portfolio at a glance: outstanding, aging, DSO, what each step recovers, messages per channel. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const aging = useAging();
  const today = new Date();
  const from = new Date(today.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const dso = useDso(from, today.toISOString().slice(0, 10));
  const recovery = useRecoveryByStep();
  const counts = useMessageCounts();
  const trend = useDsoTrend(6);
  const trendCurrencies = [...new Set((trend.data ?? []).flatMap((p) => Object.keys(p).filter((k) => k !== 'period')))];
  const buckets = [...(aging.data?.buckets ?? [])].sort((a, b) => BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket));
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
              {d.dso === null ? '—' : `${Math.round(d.dso)} ${t('dashboard.days')}`} <Text span size="sm">{d.currency}</Text>
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('dashboard.journal')}
          </Text>
          <Anchor href={`/api/reports/journal.csv?from=${from}&to=${today.toISOString().slice(0, 10)}`}>journal.csv</Anchor>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} mb="sm">
          {t('dashboard.dsoTrend')}
        </Text>
        <LineChart h={180} data={trend.data ?? []} dataKey="period" unit={` ${t('dashboard.days')}`} connectNulls series={trendCurrencies.map((c, i) => ({ name: c, color: COLORS[i % COLORS.length]! }))} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('dashboard.aging')}
          </Text>
          <BarChart h={220} data={buckets.map((b) => ({ bucket: b.bucket, amount: Number(b.amount) / 100 }))} dataKey="bucket" series={[{ name: 'amount', color: 'indigo.6' }]} />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('dashboard.recovery')}
          </Text>
          <BarChart h={220} data={(recovery.data ?? []).map((r) => ({ step: r.nodeId, amount: r.amount / 100 }))} dataKey="step" series={[{ name: 'amount', color: 'teal.6' }]} />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="sm">
            {t('dashboard.messages')}
          </Text>
          <Group justify="center">
            <DonutChart withLabels data={(counts.data ?? []).map((c, i) => ({ name: c.channel, value: c.count, color: COLORS[i % COLORS.length]! }))} />
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

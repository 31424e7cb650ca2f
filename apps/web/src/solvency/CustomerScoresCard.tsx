import { LineChart } from '@mantine/charts';
import { Alert, Badge, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomerScores } from '../api/solvency-queries';
import { formatDate, formatMoney } from '../common/format';
import { BAND_COLORS } from './score-bands';

/** A customer's solvency: the score now with its band, the credit limit, and the history (chart + table, newest first). */
export function CustomerScoresCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const history = useCustomerScores(customerId);
  if (history.isError) return <Alert color="red">{t('common.loadFailed', { message: (history.error as Error).message })}</Alert>;
  if (!history.data) return <Loader size="sm" />;
  const { riskScore, band, creditLimit, creditLimitCurrency, scores } = history.data;
  const points = [...scores].reverse().map((s) => ({ date: formatDate(String(s.scoredAt), i18n.language), score: s.score }));
  return (
    <Card withBorder data-testid="customer-scores">
      <Title order={5} mb="xs">
        {t('solvency.title')}
      </Title>
      <Group gap="xs" mb="xs">
        {riskScore !== null && band ? (
          <Badge color={BAND_COLORS[band]} size="lg" data-testid="score-band">
            {t('solvency.current', { score: riskScore, band: t(`solvency.bands.${band}`) })}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('solvency.unscored')}
          </Text>
        )}
        {creditLimit !== null && creditLimitCurrency && (
          <Text size="sm">{t('solvency.creditLimit', { amount: formatMoney(creditLimit, creditLimitCurrency, i18n.language) })}</Text>
        )}
      </Group>
      {points.length > 1 && (
        <LineChart h={140} data={points} dataKey="date" series={[{ name: 'score', color: 'blue.6', label: t('solvency.score') }]} yAxisProps={{ domain: [1, 10] }} mb="xs" />
      )}
      {scores.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('solvency.none')}
        </Text>
      ) : (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('solvency.date')}</Table.Th>
              <Table.Th>{t('solvency.score')}</Table.Th>
              <Table.Th>{t('solvency.band')}</Table.Th>
              <Table.Th>{t('solvency.provider')}</Table.Th>
              <Table.Th>{t('solvency.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scores.slice(0, 12).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(String(s.scoredAt), i18n.language)}</Table.Td>
                <Table.Td>{s.score}/10</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={BAND_COLORS[s.band]}>
                    {t(`solvency.bands.${s.band}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.provider}</Table.Td>
                <Table.Td>{t(`solvency.sources.${s.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('solvency.bandsHelp')}
      </Text>
    </Card>
  );
}

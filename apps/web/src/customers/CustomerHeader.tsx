import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { scoreBand } from '@dunning/domain';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../api/types';
import { formatMoney } from '../common/format';
import { BAND_COLORS } from '../solvency/score-bands';
import type { CustomerSummary } from './customer-summary';

/** Who the customer is (name, reference, score band), its credit limit and exposure, and what it owes (open, overdue) per currency. */
export function CustomerHeader({ customer, summary }: { customer: CustomerDetail; summary: CustomerSummary }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  const band = customer.riskScore !== null ? scoreBand(customer.riskScore) : undefined;
  const { exposure } = summary;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="start">
        <div>
          <Title order={2} data-testid="customer-name">
            {customer.name}
          </Title>
          <Text c="dimmed" size="sm">
            {[
              `${t('customerPage.reference')} ${customer.reference}`,
              customer.legalId && `${t('customerPage.legalId')} ${customer.legalId}`,
              customer.segment && `${t('customerPage.segment')} ${customer.segment}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        {band && customer.riskScore !== null ? (
          <Badge size="lg" color={BAND_COLORS[band]} data-testid="customer-band">
            {t('solvency.current', { score: customer.riskScore, band: t(`solvency.bands.${band}`) })}
          </Badge>
        ) : (
          <Badge size="lg" color="gray" variant="light" data-testid="customer-band">
            {t('customerPage.unscored')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Card withBorder data-testid="customer-open-balance">
          <Text size="sm" c="dimmed">
            {t('customerPage.openBalance')}
          </Text>
          {summary.totals.length === 0 && <Text fw={700}>—</Text>}
          {summary.totals.map((total) => (
            <div key={total.currency}>
              <Text fw={700}>{money(total.open, total.currency)}</Text>
              <Text size="xs" c="dimmed">
                {t('customerPage.openCount', { count: total.openCount })}
              </Text>
            </div>
          ))}
        </Card>
        <Card withBorder data-testid="customer-overdue">
          <Text size="sm" c="dimmed">
            {t('customerPage.overdue')}
          </Text>
          {summary.totals.length === 0 && <Text fw={700}>—</Text>}
          {summary.totals.map((total) => (
            <div key={total.currency}>
              <Text fw={700} c={total.overdue > 0 ? 'red.8' : undefined}>
                {money(total.overdue, total.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('customerPage.overdueCount', { count: total.overdueCount })}
              </Text>
            </div>
          ))}
        </Card>
        <Card withBorder data-testid="customer-exposure">
          <Text size="sm" c="dimmed">
            {t('customerPage.creditLimit')} · {t('customerPage.exposure')}
          </Text>
          {exposure ? (
            <>
              <Text fw={700}>{money(exposure.limit, exposure.currency)}</Text>
              <Text size="sm" c={exposure.over ? 'red.8' : undefined}>
                {t('customerPage.exposureOf', { used: money(exposure.used, exposure.currency), limit: money(exposure.limit, exposure.currency), percent: exposure.percent })}
              </Text>
              {exposure.over && (
                <Badge color="red" variant="light">
                  {t('customerPage.overLimit')}
                </Badge>
              )}
            </>
          ) : (
            <Text size="sm">{t('customerPage.noLimit')}</Text>
          )}
        </Card>
        <Card withBorder data-testid="customer-credit-total">
          <Text size="sm" c="dimmed">
            {t('customerPage.credit')}
          </Text>
          {customer.credit.length === 0 ? (
            <Text fw={700}>{t('customerPage.noCredit')}</Text>
          ) : (
            customer.credit.map((c) => (
              <Text key={c.currency} fw={700}>
                {money(c.amount, c.currency)}
              </Text>
            ))
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

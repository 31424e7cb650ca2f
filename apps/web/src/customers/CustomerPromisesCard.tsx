import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatMoney } from '../common/format';
import type { CustomerSummary } from './customer-summary';

/** The promises to pay and the disputes running on the customer's open invoices. */
export function CustomerPromisesCard({ promises, disputes }: Pick<CustomerSummary, 'promises' | 'disputes'>) {
  const { t, i18n } = useTranslation();
  const money = (amount: number, currency: string) => formatMoney(amount, currency, i18n.language);
  const link = (id: string, number: string) => (
    <Anchor component={Link} to={`/invoices/${id}`} size="sm">
      {number}
    </Anchor>
  );
  return (
    <Card withBorder data-testid="customer-promises-disputes">
      <Title order={3} size="h5" mb="xs">
        {t('customerPage.promisesDisputes')}
      </Title>
      <Text size="sm" fw={600}>
        {t('customerPage.promises')}
      </Text>
      {promises.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('customerPage.noPromise')}
        </Text>
      ) : (
        <List size="sm" mb="xs" data-testid="customer-promises">
          {promises.map((p) => (
            <List.Item key={p.invoiceId}>
              {link(p.invoiceId, p.number)} —{' '}
              {t('customerPage.promiseLine', { amount: p.amount !== null ? money(p.amount, p.currency) : '—', date: formatDate(p.until, i18n.language) })}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" fw={600}>
        {t('customerPage.disputes')}
      </Text>
      {disputes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerPage.noDispute')}
        </Text>
      ) : (
        <List size="sm" data-testid="customer-disputes">
          {disputes.map((d) => (
            <List.Item key={d.invoiceId}>
              {link(d.invoiceId, d.number)} — {t('customerPage.disputeLine', { balance: money(d.balance, d.currency), date: formatDate(d.since, i18n.language) })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

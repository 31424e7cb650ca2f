import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInsuranceExposure } from '../api/insurance-queries';
import { formatMoney } from '../common/format';

/** Per customer: open balance, insured limit and share, insured and uninsured exposure, declarations; a total per currency. */
export function ExposureCard() {
  const { t, i18n } = useTranslation();
  const exposure = useInsuranceExposure();
  const money = (amount: number | null, currency: string) => (amount === null ? '—' : formatMoney(amount, currency, i18n.language));
  return (
    <Card withBorder data-testid="insurance-exposure">
      <Title order={5}>{t('insurance.exposure')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('insurance.exposureHelp')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('insurance.customer')}</Table.Th>
            <Table.Th>{t('insurance.openBalance')}</Table.Th>
            <Table.Th>{t('insurance.limit')}</Table.Th>
            <Table.Th>{t('insurance.coverage')}</Table.Th>
            <Table.Th>{t('insurance.insuredExposure')}</Table.Th>
            <Table.Th>{t('insurance.uninsuredExposure')}</Table.Th>
            <Table.Th>{t('insurance.threats')}</Table.Th>
            <Table.Th>{t('insurance.claims')}</Table.Th>
            <Table.Th>{t('insurance.indemnified')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(exposure.data?.lines ?? []).map((l) => (
            <Table.Tr key={`${l.customerId}:${l.currency}`}>
              <Table.Td>{l.customerName}</Table.Td>
              <Table.Td>{money(l.openBalance, l.currency)}</Table.Td>
              <Table.Td>{money(l.limitAmount, l.currency)}</Table.Td>
              <Table.Td>{l.coveragePercent === null ? '—' : `${l.coveragePercent} %`}</Table.Td>
              <Table.Td>{money(l.insuredExposure, l.currency)}</Table.Td>
              <Table.Td>{money(l.uninsuredExposure, l.currency)}</Table.Td>
              <Table.Td>{l.threats}</Table.Td>
              <Table.Td>{l.claims}</Table.Td>
              <Table.Td>{money(l.indemnified, l.currency)}</Table.Td>
            </Table.Tr>
          ))}
          {(exposure.data?.totals ?? []).map((total) => (
            <Table.Tr key={total.currency} fw={700}>
              <Table.Td>
                {t('insurance.total')} {total.currency}
              </Table.Td>
              <Table.Td>{money(total.openBalance, total.currency)}</Table.Td>
              <Table.Td />
              <Table.Td />
              <Table.Td>{money(total.insuredExposure, total.currency)}</Table.Td>
              <Table.Td>{money(total.uninsuredExposure, total.currency)}</Table.Td>
              <Table.Td>{total.threats}</Table.Td>
              <Table.Td>{total.claims}</Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

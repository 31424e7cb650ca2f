import { Alert, Badge, Card, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePaymentTermsReport } from '../api/payment-terms-queries';
import { formatMoney } from '../common/format';
import { bilingual } from './term-words';

/**
 * Payment terms by customer (Code de commerce L441-10 I, L441-11): the customers whose invoices
 * carry terms beyond the legal ceilings, most flagged first — where a credit manager renegotiates.
 */
export function PaymentTermsReportCard() {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const report = usePaymentTermsReport(all ? 'all' : 'flagged');
  return (
    <Card withBorder data-testid="payment-terms-report">
      <Group justify="space-between" align="start">
        <div>
          <Text fw={600}>{t('terms.reportTitle')}</Text>
          <Text size="xs" c="dimmed" maw={900}>
            {t('terms.reportHelp')}
          </Text>
        </div>
        <Checkbox label={t('terms.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      </Group>
      {report.isError && <Alert color="red">{t('common.loadFailed', { message: (report.error as Error).message })}</Alert>}
      {!report.data && !report.isError && <Loader size="sm" />}
      {report.data && (
        <Stack gap="xs" mt="sm">
          <Text size="sm">
            {t('terms.totals', { flagged: report.data.totals.flaggedInvoices, invoices: report.data.totals.invoices, customers: report.data.totals.customersFlagged })}
          </Text>
          {report.data.customers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('terms.reportEmpty')}
            </Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('terms.customer')}</Table.Th>
                  <Table.Th>{t('terms.sector')}</Table.Th>
                  <Table.Th ta="right">{t('terms.invoices')}</Table.Th>
                  <Table.Th ta="right">{t('terms.flagged')}</Table.Th>
                  <Table.Th>{t('terms.findings')}</Table.Th>
                  <Table.Th>{t('terms.longest')}</Table.Th>
                  <Table.Th ta="right">{t('terms.openOnFlagged')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.customers.map((row) => (
                  <Table.Tr key={row.customerId} data-testid={`payment-terms-${row.customerReference}`}>
                    <Table.Td>
                      <Text size="sm">{row.customerName}</Text>
                      <Text size="xs" c="dimmed">
                        {row.customerReference}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.sector ?? t('terms.none')}</Table.Td>
                    <Table.Td ta="right">{row.invoices}</Table.Td>
                    <Table.Td ta="right">{row.flaggedInvoices}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {row.findings.map((f) => (
                          <Badge key={f.code} color="orange" variant="light">
                            {t(`terms.codes.${f.code}`)} × {f.count}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {t('terms.longestDays', { days: row.longestAgreedDays, number: row.longestInvoiceNumber })}
                      {row.longestTermDescription && (
                        <Text size="xs" c="dimmed">
                          {bilingual(row.longestTermDescription, i18n.language)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.openOnFlagged.length === 0 ? t('terms.none') : row.openOnFlagged.map((m) => formatMoney(m.amount, m.currency, i18n.language)).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Card>
  );
}

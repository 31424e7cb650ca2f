import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describePaymentTerm } from '@dunning/domain';
import type { Invoice } from '../api/types';
import { formatDate } from '../common/format';
import { bilingual } from './term-words';

/**
 * The invoice's payment term (Code de commerce L441-10 I): the agreed term in words, when the goods
 * or the service were received, the order it rests on, and each ceiling the term goes beyond with
 * its article — recorded at import or creation, never a refusal.
 */
export function InvoiceTermsCard({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const row = (label: string, value: string, testId: string) => (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="start">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Card withBorder data-testid="invoice-terms">
      <Title order={5} mb="xs">
        {t('terms.cardTitle')}
      </Title>
      <Stack gap={4}>
        {row(t('terms.term'), invoice.paymentTerm ? bilingual(describePaymentTerm(invoice.paymentTerm), i18n.language) : t('terms.noTerm'), 'invoice-term')}
        {row(t('terms.receiptDate'), invoice.receiptDate ? formatDate(invoice.receiptDate, i18n.language) : t('terms.none'), 'invoice-receipt-date')}
        {row(t('terms.supportingReference'), invoice.supportingReference ?? t('terms.none'), 'invoice-supporting-reference')}
        {invoice.termFindings.length === 0 ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t('terms.compliant')}
          </Text>
        ) : (
          <Alert color="orange" title={t('terms.findingsTitle')} mt="xs" data-testid="invoice-term-findings">
            <Stack gap="xs">
              {invoice.termFindings.map((finding) => (
                <div key={finding.code}>
                  <Text size="sm" fw={600}>
                    {t(`terms.codes.${finding.code}`)}
                  </Text>
                  <Text size="sm">{bilingual(finding.message, i18n.language)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('terms.findingArticle', { article: finding.article })} · {t('terms.latestDueDate', { date: formatDate(finding.latestDueDate, i18n.language) })}
                  </Text>
                </div>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Card, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplyCredit } from '../api/queries';
import type { Invoice, Money } from '../api/types';
import { currencyDigits, formatMoney, toDecimalText } from '../common/format';
import { useNotifyError } from '../common/notify';
import { ActionForm } from './ActionForm';
import { allowedActions } from './invoice-actions';

/** The customer's unallocated money (4191), and applying it to this invoice (once per reference). */
export function CustomerCreditCard({ invoice, credit }: { invoice: Invoice; credit: Money[] }) {
  const { t, i18n } = useTranslation();
  const apply = useApplyCredit(invoice.customerId);
  const notifyError = useNotifyError();
  const [notice, setNotice] = useState<string>();
  const blocked = allowedActions(invoice, credit).applyCredit;
  const available = credit.find((c) => c.currency === invoice.currency)?.amount ?? 0;
  const digits = currencyDigits(invoice.currency);
  // A reference per allocation: the same one sent twice (a double click, a retry) is recorded once.
  const reference = `${invoice.number}-credit-${new Date().toISOString().slice(0, 16).replace(/\D/g, '')}`;
  return (
    <Card withBorder data-testid="customer-credit">
      <Title order={5} mb="xs">
        {t('credit.title')}
      </Title>
      {credit.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('credit.none')}
        </Text>
      ) : (
        credit.map((c) => (
          <Text key={c.currency} fw={700}>
            {formatMoney(c.amount, c.currency, i18n.language)}
          </Text>
        ))
      )}
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(undefined)} my="xs">
          {notice}
        </Alert>
      )}
      {blocked === null ? (
        <ActionForm
          key={`${available}-${invoice.balance}`}
          id="apply-credit"
          digits={digits}
          submitLabel={t('credit.apply')}
          fields={[
            { name: 'amount', label: t('common.amount'), kind: 'money', required: true, initial: toDecimalText(Math.min(available, invoice.balance), digits) },
            { name: 'reference', label: t('credit.reference'), kind: 'text', required: true, initial: reference },
          ]}
          onSubmit={async (values) => {
            try {
              const outcome = await apply.mutateAsync({ invoiceId: invoice.id, amount: Number(values.amount), reference: String(values.reference) });
              setNotice(outcome.recorded ? t('credit.applied', { balance: formatMoney(outcome.balance, invoice.currency, i18n.language) }) : t('actions.replayed'));
              return true;
            } catch (error) {
              notifyError(error);
              return false;
            }
          }}
        />
      ) : (
        credit.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t(`actions.blocked.${blocked}`)}
          </Text>
        )
      )}
    </Card>
  );
}

import { Accordion, Alert, Card, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvoiceActionPath, useInvoiceAction } from '../api/queries';
import type { Invoice, Money, MoneyOutcome } from '../api/types';
import { currencyDigits, formatMoney, localDateToday, toDecimalText } from '../common/format';
import { useNotifyError } from '../common/notify';
import { ActionForm } from './ActionForm';
import type { ActionField } from './action-fields';
import { type InvoiceAction, allowedActions } from './invoice-actions';

interface ActionSpec {
  id: Exclude<InvoiceAction, 'applyCredit'>;
  path: InvoiceActionPath;
  fields: ActionField[];
  color?: string;
  help?: string;
  /** The request body from the form's values (money already in minor units). */
  body?: (values: Record<string, string | number>) => unknown;
}

/** A date typed in the form as the API's instant (noon UTC: the same calendar day in Europe). */
const noonOf = (date: string) => `${date}T12:00:00.000Z`;

/**
 * What a credit manager does to the invoice, each action offered only when its state allows it
 * (the reason shown otherwise). Amounts are typed in units and sent in minor units; the books'
 * answer is reported, notably the part of a payment that became the customer's credit.
 */
export function InvoiceActionsCard({ invoice, credit }: { invoice: Invoice; credit: Money[] }) {
  const { t, i18n } = useTranslation();
  const action = useInvoiceAction(invoice.id);
  const notifyError = useNotifyError();
  const [notice, setNotice] = useState<{ color: string; text: string }>();
  const [opened, setOpened] = useState<string | null>(null);
  const digits = currencyDigits(invoice.currency);
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.language);
  const allowed = allowedActions(invoice, credit);
  const inAWeek = localDateToday(new Date(Date.now() + 7 * 86_400_000));

  const specs: ActionSpec[] = [
    {
      id: 'payment',
      path: 'payments',
      fields: [
        { name: 'amount', label: t('actions.amount'), kind: 'money', required: true },
        { name: 'reference', label: t('actions.reference'), kind: 'text' },
        { name: 'receivedAt', label: t('actions.receivedAt'), kind: 'date' },
      ],
      body: ({ receivedAt, ...rest }) => ({ ...rest, ...(receivedAt ? { receivedAt: noonOf(String(receivedAt)) } : {}) }),
    },
    {
      id: 'promise',
      path: 'promises',
      fields: [
        { name: 'date', label: t('actions.date'), kind: 'date', required: true, initial: inAWeek },
        { name: 'amount', label: t('actions.amount'), kind: 'money', required: true, initial: toDecimalText(invoice.balance, digits) },
      ],
    },
    { id: 'dispute', path: 'disputes', fields: [{ name: 'reason', label: t('actions.reason'), kind: 'text', required: true }] },
    { id: 'resolve', path: 'disputes/resolve', fields: [{ name: 'resolution', label: t('actions.resolution'), kind: 'text', required: true }] },
    { id: 'pause', path: 'pause', fields: [{ name: 'reason', label: t('actions.reasonOptional'), kind: 'text' }] },
    { id: 'resume', path: 'resume', fields: [] },
    {
      id: 'creditNote',
      path: 'credit-notes',
      fields: [
        { name: 'amount', label: t('actions.amount'), kind: 'money', required: true },
        { name: 'number', label: t('actions.number'), kind: 'text', required: true },
        { name: 'reason', label: t('actions.reasonOptional'), kind: 'text' },
      ],
    },
    {
      id: 'cancel',
      path: 'cancel',
      color: 'red',
      help: t('actions.cancelHelp'),
      fields: [
        { name: 'reason', label: t('actions.reasonOptional'), kind: 'text' },
        { name: 'creditNoteNumber', label: t('actions.creditNoteNumber'), kind: 'text' },
      ],
    },
    { id: 'writeOff', path: 'write-off', color: 'red', help: t('actions.writeOffHelp'), fields: [{ name: 'reason', label: t('actions.reason'), kind: 'text', required: true }] },
  ];

  /** What the books answered, in words: the balance left, the part that became credit, a replay. */
  const report = (spec: ActionSpec, outcome: MoneyOutcome | undefined) => {
    if (!outcome) return setNotice({ color: 'green', text: t('actions.done') });
    if (!outcome.recorded) return setNotice({ color: 'yellow', text: t('actions.replayed') });
    const parts = [t(spec.id === 'payment' ? 'actions.paymentDone' : 'actions.balanceNow', { balance: money(outcome.balance) })];
    if (outcome.customerCredit > 0) parts.push(t('actions.toCredit', { amount: money(outcome.customerCredit) }));
    setNotice({ color: outcome.customerCredit > 0 ? 'yellow' : 'green', text: parts.join(' ') });
  };
  const submit = (spec: ActionSpec) => async (values: Record<string, string | number>) => {
    try {
      report(spec, await action.mutateAsync({ action: spec.path, body: spec.body ? spec.body(values) : values }));
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  };

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('actions.title')}
      </Title>
      {notice && (
        <Alert color={notice.color} withCloseButton onClose={() => setNotice(undefined)} mb="xs" data-testid="action-result">
          {notice.text}
        </Alert>
      )}
      {/* An action the new state forbids closes by itself (its form would have nothing to offer). */}
      <Accordion variant="separated" chevronPosition="left" value={opened && allowed[opened as InvoiceAction] === null ? opened : null} onChange={setOpened}>
        {specs.map((spec) => {
          const blocked = allowed[spec.id];
          return (
            <Accordion.Item key={spec.id} value={spec.id}>
              <Accordion.Control disabled={blocked !== null} data-testid={`open-${spec.id}`}>
                <Text size="sm">{t(`actions.${spec.id}`)}</Text>
                {blocked && (
                  <Text size="xs" c="dimmed">
                    {t(`actions.blocked.${blocked}`)}
                  </Text>
                )}
              </Accordion.Control>
              <Accordion.Panel>
                {blocked === null && (
                  <ActionForm id={spec.id} fields={spec.fields} digits={digits} submitLabel={t(`actions.${spec.id}`)} help={spec.help} color={spec.color} onSubmit={submit(spec)} />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Card>
  );
}

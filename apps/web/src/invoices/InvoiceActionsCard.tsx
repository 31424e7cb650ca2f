import { Accordion, Alert, Button, Card, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvoiceActionPath, useInvoiceAction, useMe } from '../api/queries';
import type { Invoice, Money, MoneyOutcome } from '../api/types';
import { currencyDigits, formatDate, formatMoney, localDateToday, toDecimalText } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';
import { ActionForm } from './ActionForm';
import type { ActionField } from './action-fields';
import { type InvoiceAction, type LiveFacts, allowedActions, blockedKey, confirmationOf } from './invoice-actions';

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

/** An action typed in and waiting for the person's confirmation; `resolve` tells the form whether it went through (then it clears). */
interface Pending {
  spec: ActionSpec;
  values: Record<string, string | number>;
  resolve: (done: boolean) => void;
}

/**
 * What a credit manager does to the invoice, each action offered only when its state allows it
 * (the reason shown otherwise). Each asks for confirmation naming its effect, then is sent; the
 * form clears and a notification confirms. Amounts are typed in units and sent in minor units; the
 * books' answer is reported, notably the part of a payment that became the customer's credit.
 */
export function InvoiceActionsCard({ invoice, credit, live }: { invoice: Invoice; credit: Money[]; live?: LiveFacts }) {
  const { t, i18n } = useTranslation();
  const action = useInvoiceAction(invoice.id);
  const notifyError = useNotifyError();
  const [notice, setNotice] = useState<{ color: string; text: string }>();
  const [opened, setOpened] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>();
  const [sending, setSending] = useState(false);
  const digits = currencyDigits(invoice.currency);
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.language);
  const allowed = allowedActions(invoice, credit, live);
  const inAWeek = localDateToday(new Date(Date.now() + 7 * 86_400_000));

  const specs: ActionSpec[] = [
    {
      id: 'payment',
      path: 'payments',
      help: t('invoiceActions.paymentHelp'),
      fields: [
        {
          name: 'amount',
          label: t('actions.amount'),
          kind: 'money',
          required: true,
          suggestion: { label: `${t('invoiceActions.wholeBalance')} (${money(invoice.balance)})`, value: toDecimalText(invoice.balance, digits) },
        },
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

  // A collector records promises; the other actions are the credit manager's (the API refuses them to a collector).
  const collector = useMe().data?.role === 'collector';
  const offered = collector ? specs.filter((spec) => spec.id === 'promise') : specs;

  /** What the books answered, in words: the balance left, the part that became credit, a replay. */
  const report = (spec: ActionSpec, outcome: MoneyOutcome | undefined) => {
    const show = (color: string, text: string) => {
      setNotice({ color, text });
      notifySuccess(`${t('invoiceActions.notified', { number: invoice.number })} ${text}`);
    };
    if (!outcome) return show('green', t('actions.done'));
    if (!outcome.recorded) return show('yellow', t('actions.replayed'));
    const parts = [t(spec.id === 'payment' ? 'actions.paymentDone' : 'actions.balanceNow', { balance: money(outcome.balance) })];
    if (outcome.customerCredit > 0) parts.push(t('actions.toCredit', { amount: money(outcome.customerCredit) }));
    show(outcome.customerCredit > 0 ? 'yellow' : 'green', parts.join(' '));
  };
  // The form waits for the confirmation: going back keeps what was typed, a refusal too.
  const submit = (spec: ActionSpec) => (values: Record<string, string | number>) => new Promise<boolean>((resolve) => setPending({ spec, values, resolve }));
  const confirm = async () => {
    if (!pending) return;
    const { spec, values, resolve } = pending;
    setSending(true);
    try {
      report(spec, await action.mutateAsync({ action: spec.path, body: spec.body ? spec.body(values) : values }));
      resolve(true);
    } catch (error) {
      notifyError(error);
      resolve(false);
    } finally {
      setSending(false);
      setPending(undefined);
    }
  };
  const back = () => {
    pending?.resolve(false);
    setPending(undefined);
  };
  const question = pending && confirmationOf(pending.spec.id, pending.values, invoice, { money, day: (date) => formatDate(date, i18n.language) });

  return (
    <Card withBorder>
      <Modal opened={!!pending} onClose={back} title={t('invoiceActions.confirmTitle')} centered>
        {question && (
          <Text size="sm" mb="md" data-testid="confirm-question">
            {t(`invoiceActions.confirm.${question.key}`, question.values)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={back} disabled={sending} data-testid="confirm-back">
            {t('invoiceActions.back')}
          </Button>
          <Button color={pending?.spec.color} onClick={() => void confirm()} loading={sending} data-autofocus data-testid="confirm-action">
            {t('invoiceActions.confirmButton')}
          </Button>
        </Group>
      </Modal>
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
        {offered.map((spec) => {
          const blocked = allowed[spec.id];
          return (
            <Accordion.Item key={spec.id} value={spec.id}>
              <Accordion.Control disabled={blocked !== null} data-testid={`open-${spec.id}`}>
                <Text size="sm">{t(`actions.${spec.id}`)}</Text>
                {blocked && (
                  <Text size="xs" c="dimmed">
                    {t(blockedKey(blocked))}
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

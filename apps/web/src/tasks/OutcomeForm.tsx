import { Button, Group, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallTask } from '../api/types';
import { currencyDigits, toDecimalText } from '../common/format';
import { OUTCOMES, type OutcomeForm as Form } from './outcome-body';

/** The call's outcome: 1–5 pick it, a promise takes a date and an amount in euros, a dispute its reason, any the notes. */
export function OutcomeForm(props: {
  task: CallTask;
  form: Form;
  problem?: string;
  onChange: (change: Partial<Form>) => void;
  onRecord: () => void;
  onRelease: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { task, form, problem, onChange } = props;
  const total = task.totalBalance;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('queue.outcome')}
        value={form.outcome}
        onChange={(value) => {
          const outcome = OUTCOMES.find((o) => o === value);
          if (outcome) onChange({ outcome });
        }}
      >
        <Stack gap={4}>
          {OUTCOMES.map((o, i) => (
            <Radio key={o} value={o} label={`${i + 1}. ${t(`outcomes.${o}`)}`} data-testid={`outcome-${o}`} />
          ))}
        </Stack>
      </Radio.Group>
      {form.outcome === 'promise_to_pay' && (
        <Group grow align="start">
          <TextInput
            type="date"
            label={t('queue.promiseDate')}
            value={form.promiseDate}
            onChange={(e) => onChange({ promiseDate: e.currentTarget.value })}
            error={problem === 'promiseDate' ? t('common.required') : undefined}
            data-testid="promise-date"
          />
          <TextInput
            label={`${t('queue.promiseAmount')} (${total.currency})`}
            placeholder={toDecimalText(total.amount, currencyDigits(total.currency))}
            value={form.promiseAmount}
            onChange={(e) => onChange({ promiseAmount: e.currentTarget.value })}
            error={problem === 'promiseAmount' ? t('common.amountHint') : undefined}
            inputMode="decimal"
            data-testid="promise-amount"
          />
        </Group>
      )}
      {form.outcome === 'dispute' && (
        <TextInput
          label={t('queue.disputeReason')}
          value={form.reason}
          onChange={(e) => onChange({ reason: e.currentTarget.value })}
          error={problem === 'reason' ? t('queue.reasonRequired') : undefined}
          data-testid="dispute-reason"
        />
      )}
      <Textarea
        label={t('queue.notes')}
        autosize
        minRows={2}
        maxLength={2000}
        value={form.notes}
        onChange={(e) => onChange({ notes: e.currentTarget.value })}
        data-testid="outcome-notes"
      />
      <Group>
        <Button onClick={props.onRecord} loading={props.busy} data-testid="record-outcome">
          {t('queue.record')} (Enter)
        </Button>
        <Button variant="default" onClick={props.onRelease} data-testid="release">
          {t('queue.release')}
        </Button>
      </Group>
    </Stack>
  );
}

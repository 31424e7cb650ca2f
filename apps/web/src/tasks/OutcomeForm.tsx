import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTask } from '../api/types';
import { currencyDigits, toDecimalText } from '../common/format';
import { OUTCOMES, type OutcomeForm as Form } from './outcome-body';

/**
 * The call's outcome, compact enough to stay whole on a 1280×720 screen: 1–5 pick it, a promise
 * takes a date and an amount in euros, a dispute its reason, any the notes. Enter in any field
 * records it (a form's submit); in the notes, Ctrl+Enter (Enter makes a new line there).
 */
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
  // Enter on a radio button records too (browsers do not all submit a form from one).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (target instanceof HTMLTextAreaElement) {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        e.currentTarget.requestSubmit();
      }
      return;
    }
    if (target instanceof HTMLInputElement && target.type === 'radio') {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onRecord();
      }}
      onKeyDown={onKeyDown}
      aria-label={t('queue.outcome')}
      data-testid="outcome-form"
    >
      <Stack gap={6}>
        <Radio.Group
          label={t('queue.outcome')}
          value={form.outcome}
          onChange={(value) => {
            const outcome = OUTCOMES.find((o) => o === value);
            if (outcome) onChange({ outcome });
          }}
        >
          <SimpleGrid cols={2} spacing={4} verticalSpacing={4} mt={4}>
            {OUTCOMES.map((o, i) => (
              <Radio key={o} size="xs" value={o} label={`${i + 1}. ${t(`outcomes.${o}`)}`} data-testid={`outcome-${o}`} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {form.outcome === 'promise_to_pay' && (
          <Group grow align="start" gap="xs">
            <TextInput
              size="xs"
              type="date"
              label={t('queue.promiseDate')}
              value={form.promiseDate}
              onChange={(e) => onChange({ promiseDate: e.currentTarget.value })}
              error={problem === 'promiseDate' ? t('common.required') : undefined}
              data-testid="promise-date"
            />
            <TextInput
              size="xs"
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
            size="xs"
            label={t('queue.disputeReason')}
            value={form.reason}
            onChange={(e) => onChange({ reason: e.currentTarget.value })}
            error={problem === 'reason' ? t('queue.reasonRequired') : undefined}
            data-testid="dispute-reason"
          />
        )}
        <Textarea
          size="xs"
          label={t('queue.notes')}
          autosize
          minRows={1}
          maxRows={3}
          maxLength={2000}
          value={form.notes}
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
          data-testid="outcome-notes"
        />
        <Text size="xs" c="dimmed">
          {t('collect.enterHint')}
        </Text>
        <Group gap="xs">
          <Button type="submit" size="sm" loading={props.busy} data-testid="record-outcome">
            {t('collect.recordKey')}
          </Button>
          <Button variant="default" size="sm" onClick={props.onRelease} data-testid="release">
            {t('queue.release')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { AGENCY_REPORT_STATUSES, type AgencyReportStatus } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffAction } from '../api/queries';
import type { Handoff, RecoveryReport } from '../api/types';
import { currencyDigits, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { notifySuccess, useNotifyError } from '../common/notify';
import { checkRecovery } from './recovery-check';

/**
 * An agency's report on a case: its status and what it recovered since the last report. With money
 * the report's own reference is required: the same report sent twice is counted once (the API
 * refuses more than the case owes, 422, shown as it says).
 */
export function RecoveryReportModal({ handoff, onClose }: { handoff: Handoff; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const action = useHandoffAction();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const [status, setStatus] = useState<AgencyReportStatus>('collecting');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const money = (minor: number) => formatMoney(minor, handoff.currency, i18n.language);
  const check = checkRecovery(amount, handoff.balance, currencyDigits(handoff.currency));
  const minor = check.kind === 'adds_up' ? check.reported : 0;
  const refused = check.kind === 'unreadable' || check.kind === 'too_much';
  const needsReference = minor > 0 && !reference.trim();
  const sum =
    check.kind === 'adds_up'
      ? t(check.remains === 0 ? 'agencyCase.settles' : 'agencyCase.addsUp', { reported: money(check.reported), owed: money(check.owed), remains: money(check.remains) })
      : undefined;
  const submit = () => {
    if (refused || needsReference) return;
    const body: RecoveryReport = { status, recoveredAmount: minor, ...(reference.trim() ? { reference: reference.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    action.mutate(
      { id: handoff.id, action: 'recoveries', body },
      {
        onError: notifyError,
        onSuccess: (answer) => {
          notifySuccess(answer?.duplicate ? t('agency.duplicate') : [t('agency.reported'), sum].filter(Boolean).join(' — '));
          // The fields clear: the next report starts blank.
          setAmount('');
          setReference('');
          setNote('');
          void client.invalidateQueries({ queryKey: ['handoff-reports', handoff.id] });
          void client.invalidateQueries({ queryKey: ['handoff', handoff.id] });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('agency.reportTitle', { customer: handoff.customerName ?? handoff.invoiceNumbers.join(', ') })}>
      <Stack component="form" gap="sm" onSubmit={(e) => (e.preventDefault(), submit())}>
        <TextInput
          label={t('agency.invoices')}
          value={`${handoff.invoiceNumbers.join(', ')} — ${t('agency.owed')}: ${formatMoney(handoff.balance, handoff.currency, i18n.language)}`}
          readOnly
          variant="filled"
        />
        <Select
          label={t('common.status')}
          data={AGENCY_REPORT_STATUSES.map((s) => ({ value: s, label: labels.handoffStatus(s) }))}
          value={status}
          onChange={(v) => setStatus((current) => AGENCY_REPORT_STATUSES.find((s) => s === v) ?? current)}
          allowDeselect={false}
          data-testid="report-status"
        />
        <TextInput
          label={`${t('agency.recoveredNow')} (${handoff.currency})`}
          placeholder={i18n.language.startsWith('fr') ? '0,00' : '0.00'}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          description={check.kind === 'none' ? t('agencyCase.owedNow', { owed: money(handoff.balance) }) : undefined}
          error={check.kind === 'unreadable' ? t('common.amountHint') : check.kind === 'too_much' ? t('agencyCase.tooMuch', { owed: money(check.owed) }) : undefined}
          data-testid="report-amount"
        />
        {sum && (
          <Text size="sm" c="teal.9" aria-live="polite" data-testid="report-sum">
            {sum}
          </Text>
        )}
        <TextInput
          label={t('agency.reference')}
          description={t('agency.referenceHelp')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          required={minor > 0}
          error={needsReference ? t('common.required') : undefined}
          data-testid="report-reference"
        />
        <Textarea label={t('agency.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={refused || needsReference} loading={action.isPending} data-testid="report-submit">
            {t('agency.report')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

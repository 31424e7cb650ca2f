import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { AGENCY_REPORT_STATUSES, type AgencyReportStatus } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffAction } from '../api/queries';
import type { Handoff, RecoveryReport } from '../api/types';
import { currencyDigits, formatMoney, toMinorUnits } from '../common/format';
import { useLabels } from '../common/labels';
import { notifySuccess, useNotifyError } from '../common/notify';

/**
 * An agency's report on a case: its status and what it recovered since the last report. With money
 * the report's own reference is required: the same report sent twice is counted once (the API
 * refuses more than the case owes, 422, shown as it says).
 */
export function RecoveryReportModal({ handoff, onClose }: { handoff: Handoff; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const action = useHandoffAction();
  const notifyError = useNotifyError();
  const [status, setStatus] = useState<AgencyReportStatus>('collecting');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const minor = amount.trim() ? toMinorUnits(amount, currencyDigits(handoff.currency)) : 0;
  const needsReference = (minor ?? 0) > 0 && !reference.trim();
  const submit = () => {
    if (minor === undefined || needsReference) return;
    const body: RecoveryReport = { status, recoveredAmount: minor, ...(reference.trim() ? { reference: reference.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    action.mutate(
      { id: handoff.id, action: 'recoveries', body },
      {
        onError: notifyError,
        onSuccess: (answer) => {
          notifySuccess(answer?.duplicate ? t('agency.duplicate') : t('agency.reported'));
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
          placeholder="0.00"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={minor === undefined ? t('common.amountHint') : undefined}
          data-testid="report-amount"
        />
        <TextInput
          label={t('agency.reference')}
          description={t('agency.referenceHelp')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          required={(minor ?? 0) > 0}
          error={needsReference ? t('common.required') : undefined}
          data-testid="report-reference"
        />
        <Textarea label={t('agency.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={minor === undefined || needsReference} loading={action.isPending} data-testid="report-submit">
            {t('agency.report')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

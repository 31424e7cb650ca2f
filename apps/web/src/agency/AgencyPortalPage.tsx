import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffAction, useHandoffs } from '../api/queries';
import type { Handoff } from '../api/types';
import { downloadReport } from '../common/download';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { useNotifyError } from '../common/notify';
import { RecoveryReportModal } from './RecoveryReportModal';

/** An agency's cases (only its own), one per customer with its invoices: download the package, acknowledge it, report what it recovered. */
export function AgencyPortalPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const handoffs = useHandoffs();
  const [reporting, setReporting] = useState<Handoff>();
  return (
    <Stack>
      <Title order={3}>{t('agency.title')}</Title>
      <Table data-testid="handoff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.customer')}</Table.Th>
            <Table.Th>{t('agency.invoices')}</Table.Th>
            <Table.Th>{t('agency.handedOver')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th ta="right">{t('agency.owed')}</Table.Th>
            <Table.Th ta="right">{t('agency.recovered')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(handoffs.data ?? []).map((h) => (
            <Table.Tr key={h.id} data-testid={`handoff-${h.invoiceNumber ?? h.id}`}>
              <Table.Td>{h.customerName ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="handoff-invoices">
                  {h.invoiceNumbers.join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(h.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge variant="light">{labels.handoffStatus(h.status)}</Badge>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(h.balance, h.currency, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatMoney(h.recoveredAmount, h.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <CaseActions handoff={h} onReport={() => setReporting(h)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {reporting && <RecoveryReportModal handoff={reporting} onClose={() => setReporting(undefined)} />}
    </Stack>
  );
}

function CaseActions({ handoff, onReport }: { handoff: Handoff; onReport: () => void }) {
  const { t } = useTranslation();
  const action = useHandoffAction();
  const notifyError = useNotifyError();
  const [downloading, setDownloading] = useState(false);
  // Through fetch: a package still being prepared (404) is said, not saved as the zip.
  const download = async () => {
    setDownloading(true);
    try {
      await downloadReport(`/api/handoffs/${handoff.id}/package`, `case-${handoff.invoiceNumber ?? handoff.id}.zip`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Group gap={6}>
      <Button size="xs" variant="light" loading={downloading} onClick={() => void download()} data-testid="download-package">
        {t('agency.package')}
      </Button>
      <Button size="xs" variant="default" disabled={!!handoff.acknowledgedAt} onClick={() => action.mutate({ id: handoff.id, action: 'acknowledge' }, { onError: notifyError })}>
        {t('agency.acknowledge')}
      </Button>
      <Button size="xs" onClick={onReport} disabled={handoff.status === 'closed'} data-testid="report">
        {t('agency.report')}
      </Button>
    </Group>
  );
}

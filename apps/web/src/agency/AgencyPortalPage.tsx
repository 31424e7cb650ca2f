import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffAction, useHandoffs } from '../api/queries';
import type { Handoff } from '../api/types';
import { downloadReport } from '../common/download';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { useNotifyError } from '../common/notify';
import { RecoveryReportModal } from './RecoveryReportModal';
import { CaseDetails } from './CaseDetails';
import { type CsvColumn, csvMoney } from '../common/csv-export';
import { ExportCsvButton } from '../common/ExportCsvButton';

/** An agency's cases (only its own), one per customer with its invoices: download the package, acknowledge it, report what it recovered. */
export function AgencyPortalPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const handoffs = useHandoffs();
  const [reporting, setReporting] = useState<Handoff>();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpened((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns: Array<CsvColumn<Handoff>> = [
    { header: t('common.customer'), value: (h) => h.customerName },
    { header: t('agency.invoices'), value: (h) => h.invoiceNumbers.join(', ') },
    { header: t('agency.handedOver'), value: (h) => h.createdAt.slice(0, 10) },
    { header: t('common.status'), value: (h) => labels.handoffStatus(h.status) },
    { header: t('agency.owed'), value: (h) => csvMoney(h.balance, h.currency, i18n.language) },
    { header: t('agency.recovered'), value: (h) => csvMoney(h.recoveredAmount, h.currency, i18n.language) },
    { header: t('common.currency'), value: (h) => h.currency },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('agency.title')}</Title>
        <ExportCsvButton rows={handoffs.data ?? []} columns={columns} name={t('lists.files.cases')} />
      </Group>
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
            <Fragment key={h.id}>
              <Table.Tr data-testid={`handoff-${h.invoiceNumber ?? h.id}`}>
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
                  <CaseActions handoff={h} onReport={() => setReporting(h)} open={opened.has(h.id)} onToggle={() => toggle(h.id)} />
                </Table.Td>
              </Table.Tr>
              {opened.has(h.id) && (
                <Table.Tr>
                  <Table.Td colSpan={7} id={`case-${h.id}`}>
                    <CaseDetails handoff={h} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {reporting && <RecoveryReportModal handoff={reporting} onClose={() => setReporting(undefined)} />}
    </Stack>
  );
}

function CaseActions({ handoff, onReport, open, onToggle }: { handoff: Handoff; onReport: () => void; open: boolean; onToggle: () => void }) {
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
      <Button size="xs" variant="subtle" onClick={onToggle} aria-expanded={open} aria-controls={`case-${handoff.id}`} data-testid="case-details-toggle">
        {open ? t('agencyCase.hideDetails') : t('agencyCase.details')}
      </Button>
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

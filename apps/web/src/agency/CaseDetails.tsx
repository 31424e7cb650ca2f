import { Alert, Grid, List, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHandoffCase, useHandoffReports } from '../api/invoice-list-queries';
import type { Handoff } from '../api/types';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { type CaseFileView, addressLines, caseTotals } from './case-file-view';

/** One case as the agency works it: who owes (name, address, contacts), what (principal, interest, fees, still owed now), and its history. */
export function CaseDetails({ handoff }: { handoff: Handoff }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const found = useHandoffCase(handoff.id, true);
  const reports = useHandoffReports(handoff.id, true);
  const money = (minor: number) => formatMoney(minor, handoff.currency, i18n.language);
  const date = (at: string) => formatDate(at, i18n.language);
  if (found.isPending) return <Loader size="sm" aria-label={t('agencyCase.loading')} />;
  if (found.isError) return <Alert color="red">{t('common.loadFailed', { message: (found.error as Error).message })}</Alert>;
  const file = found.data.caseFile as CaseFileView;
  const debtor = file.debtor ?? {};
  const totals = caseTotals(file);
  return (
    <Grid data-testid="case-details">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Text fw={600} size="sm">
          {t('agencyCase.debtor')}
        </Text>
        <Text size="sm" data-testid="case-debtor">
          {debtor.legalName ?? handoff.customerName ?? '—'}
        </Text>
        {debtor.registrationNumber && (
          <Text size="xs">
            {t('agencyCase.registration')} {debtor.registrationNumber}
          </Text>
        )}
        <Text size="xs" fw={600} mt={4}>
          {t('agencyCase.address')}
        </Text>
        {addressLines(debtor.address).map((line, i) => (
          <Text key={i} size="xs">
            {line}
          </Text>
        ))}
        <Text size="xs" fw={600} mt={4}>
          {t('agencyCase.contacts')}
        </Text>
        {(debtor.contacts ?? []).length === 0 && <Text size="xs">{t('agencyCase.noContact')}</Text>}
        <List size="xs" listStyleType="none" spacing={2}>
          {(debtor.contacts ?? []).map((contact, i) => (
            <List.Item key={i}>
              {[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ') || '—'}
              {contact.role ? ` (${contact.role})` : ''}
            </List.Item>
          ))}
        </List>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Text fw={600} size="sm">
          {t('agencyCase.amounts')}
        </Text>
        <Table fz="xs" verticalSpacing={2} data-testid="case-amounts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencyCase.invoice')}</Table.Th>
              <Table.Th>{t('agencyCase.due')}</Table.Th>
              <Table.Th ta="right">{t('agencyCase.principal')}</Table.Th>
              <Table.Th ta="right">{t('agencyCase.interest')}</Table.Th>
              <Table.Th ta="right">{t('agencyCase.fees')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(file.invoices ?? []).map((invoice) => (
              <Table.Tr key={invoice.number}>
                <Table.Td>{invoice.number}</Table.Td>
                <Table.Td>{invoice.dueDate ? date(invoice.dueDate) : '—'}</Table.Td>
                <Table.Td ta="right">{money(invoice.outstanding ?? 0)}</Table.Td>
                <Table.Td ta="right">{money(invoice.interest ?? 0)}</Table.Td>
                <Table.Td ta="right">{money(invoice.fees ?? 0)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={600}>
              <Table.Td colSpan={2}>
                {t('common.total')} ({t('agencyCase.atHandoff')})
              </Table.Td>
              <Table.Td ta="right">{money(totals.principal)}</Table.Td>
              <Table.Td ta="right">{money(totals.interest)}</Table.Td>
              <Table.Td ta="right">{money(totals.fees)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={700} mt={4} data-testid="case-owed-now">
          {t('agencyCase.owedNow', { owed: money(handoff.balance) })}
        </Text>
        {file.dispute?.open && (
          <Text size="xs" c="red.9">
            {t('agencyCase.dispute', { reason: file.dispute.reason ?? '—' })}
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Text fw={600} size="sm">
          {t('agencyCase.history')}
        </Text>
        <Stack gap={2} data-testid="case-history">
          <Text size="xs">{t('agencyCase.handedOver', { date: date(handoff.createdAt) })}</Text>
          <Text size="xs">{handoff.acknowledgedAt ? t('agencyCase.acknowledged', { date: date(handoff.acknowledgedAt) }) : t('agencyCase.notAcknowledged')}</Text>
          {(reports.data ?? []).map((report) => (
            <Text key={report.reference} size="xs">
              {t('agencyCase.reported', { date: date(report.at), reference: report.reference, amount: money(report.amount), status: labels.handoffStatus(report.status) })}
            </Text>
          ))}
          {handoff.closedAt && <Text size="xs">{t('agencyCase.closed', { date: date(handoff.closedAt) })}</Text>}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

import { Badge, Button, Group, NumberInput, Select, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffAction, useHandoffs } from '../api/queries';
import type { Handoff } from '../api/types';
import { formatDate, formatMoney } from '../common/format';

/** An agency's cases (only its own): download the package, acknowledge it, report what it recovered. */
export function AgencyPortalPage() {
  const { t, i18n } = useTranslation();
  const handoffs = useHandoffs();
  return (
    <Stack>
      <Title order={3}>{t('agency.title')}</Title>
      <Table data-testid="handoff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('common.date')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('agency.recovered')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(handoffs.data ?? []).map((h) => (
            <Table.Tr key={h.id} data-testid={`handoff-${h.invoiceNumber}`}>
              <Table.Td>{h.invoiceNumber}</Table.Td>
              <Table.Td>{formatDate(h.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge variant="light">{h.status}</Badge>
              </Table.Td>
              <Table.Td>{formatMoney(h.recoveredAmount, h.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <CaseActions handoff={h} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function CaseActions({ handoff }: { handoff: Handoff }) {
  const { t } = useTranslation();
  const action = useHandoffAction();
  const [status, setStatus] = useState<string | null>('collecting');
  const [amount, setAmount] = useState<number | ''>('');
  const onError = (e: Error) => notifications.show({ color: 'red', message: e.message });
  return (
    <Group gap={6}>
      <Button component="a" size="xs" variant="light" href={`/api/handoffs/${handoff.id}/package`} download data-testid="download-package">
        {t('agency.package')}
      </Button>
      <Button size="xs" variant="default" disabled={!!handoff.acknowledgedAt} onClick={() => action.mutate({ id: handoff.id, action: 'acknowledge' }, { onError })}>
        {t('agency.acknowledge')}
      </Button>
      <Select size="xs" w={120} data={['accepted', 'collecting', 'recovered', 'closed']} value={status} onChange={setStatus} aria-label={t('common.status')} />
      <NumberInput size="xs" w={100} placeholder="0.00" decimalScale={2} value={amount} onChange={(v) => setAmount(v === '' ? '' : Number(v))} aria-label={t('agency.recovered')} />
      <Button size="xs" onClick={() => action.mutate({ id: handoff.id, action: 'recoveries', body: { status, recoveredAmount: Math.round(Number(amount || 0) * 100), reference: `portal-${Date.now()}` } }, { onError })}>
        {t('agency.report')}
      </Button>
    </Group>
  );
}

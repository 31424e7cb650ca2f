import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { http } from '../api/http';
import { useInvoiceAction, useInvoiceState } from '../api/queries';
import { formatDate, formatMoney, toMinorUnits } from '../common/format';

/** One invoice: its live workflow state, its whole story, its documents, and what a manager can do. */
export function InvoiceDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const state = useInvoiceState(id!);
  const action = useInvoiceAction(id!);
  const documents = useQuery({ queryKey: ['documents', id], queryFn: () => http<Array<{ id: string; filename: string; kind: string }>>(`/api/invoices/${id}/documents`) });
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  if (!state.data) return <Loader />;
  const { invoice, live, timeline } = state.data;
  const status = live?.status ?? invoice.status;
  const act = (name: string, body?: unknown) => action.mutate({ action: name, body }, { onError: (e) => notifications.show({ color: 'red', message: (e as Error).message }) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('invoices.detail', { number: invoice.number })}</Title>
        <Badge size="lg" data-testid="invoice-status">
          {status}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('invoices.balance')}
          </Text>
          <Text fw={700} size="xl">
            {formatMoney(live?.balance.amount ?? invoice.balance, invoice.currency, i18n.language)}
          </Text>
          <Text size="sm">
            {t('invoices.due')}: {formatDate(invoice.dueDate, i18n.language)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('invoices.live')}
          </Text>
          <Text>{live?.currentStep ? `${live.currentStep.label ?? live.currentStep.nodeId} (${live.currentStep.kind})` : '—'}</Text>
          {live?.nextAction && (
            <Text size="sm">
              {t('invoices.nextAction')}: {live.nextAction.description} {live.nextAction.at ? formatDate(live.nextAction.at, i18n.language, true) : ''}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Stack gap={6}>
            <Group gap={6} align="end">
              <TextInput size="xs" label={t('common.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} w={110} />
              <Button size="xs" disabled={toMinorUnits(amount) === undefined} onClick={() => act('payments', { amount: toMinorUnits(amount) })}>
                {t('invoices.recordPayment')}
              </Button>
            </Group>
            <Group gap={6} align="end">
              <TextInput size="xs" label={t('invoices.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={110} />
              <Button size="xs" variant="light" disabled={!reason} onClick={() => act('disputes', { reason })}>
                {t('invoices.openDispute')}
              </Button>
            </Group>
            <Group gap={6}>
              <Button size="xs" variant="default" onClick={() => act('disputes/resolve', { resolution: reason || 'resolved' })}>
                {t('invoices.resolveDispute')}
              </Button>
              <Button size="xs" variant="default" onClick={() => act('pause', {})}>
                {t('invoices.pause')}
              </Button>
              <Button size="xs" variant="default" onClick={() => act('resume')}>
                {t('invoices.resume')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('invoices.timeline')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} data-testid="invoice-timeline">
            {timeline.map((entry, i) => (
              <Timeline.Item key={i} title={`${entry.type}${entry.nodeId ? ` · ${entry.nodeId}` : ''}`}>
                <Text size="xs" c="dimmed">
                  {formatDate(entry.at, i18n.language, true)}
                </Text>
                <Text size="sm">{[entry.channel, entry.template, entry.outcome, entry.status, entry.amount !== undefined ? formatMoney(entry.amount, invoice.currency, i18n.language) : undefined, entry.detail].filter(Boolean).join(' · ')}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('invoices.documents')}
          </Title>
          {(documents.data ?? []).map((d) => (
            <Text key={d.id} component="a" href={`/api/documents/${d.id}`} display="block" size="sm" c="indigo">
              {d.filename} ({d.kind})
            </Text>
          ))}
          <Title order={5} my="sm">
            {t('invoices.messages')}
          </Title>
          {state.data.messages.map((m) => (
            <Text key={m.id} size="sm">
              {formatDate(m.createdAt, i18n.language, true)} — {m.channel} {m.template} → {m.recipients.join(', ')} ({m.status})
            </Text>
          ))}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

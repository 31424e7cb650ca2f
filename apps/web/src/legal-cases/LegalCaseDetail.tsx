import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalCaseStage } from '@dunning/domain';
import { type LegalCaseDetail as Detail, useLegalCase, useRecordLegalCost, useRecordLegalStage } from '../api/legal-cases-queries';
import { downloadReport } from '../common/download';
import { currencyDigits, formatDate, formatMoney, localDateToday, toMinorUnits } from '../common/format';
import { useLabels } from '../common/labels';
import { notifySuccess, useNotifyError } from '../common/notify';

/** One case: what was claimed, the dossier and request downloads, its stages and costs, and the forms to record the next stage or a fee. */
export function LegalCaseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const notifyError = useNotifyError();
  const legalCase = useLegalCase(id);
  if (legalCase.isError) return <Alert color="red">{t('common.loadFailed', { message: (legalCase.error as Error).message })}</Alert>;
  const c = legalCase.data;
  if (!c) return <Text>{t('common.loading')}</Text>;
  const money = (amount: number) => formatMoney(amount, c.currency, i18n.language);
  const base = c.route === 'payment_order' ? 'injonction-de-payer' : 'procedure-simplifiee';
  return (
    <Stack data-testid="legal-case-detail">
      <Group justify="space-between">
        <Title order={4}>
          {labels.legalRoute(c.route)} · {c.invoiceNumber}
        </Title>
        <Badge data-testid="legal-case-stage">{labels.legalStage(c.stage)}</Badge>
      </Group>
      <Text size="sm">{c.customerName}</Text>
      <SimpleGrid cols={2} spacing="xs">
        {c.court && <Field label={t('legalCases.court')} value={labels.court(c.court)} />}
        <Field label={t('legalCases.principal')} value={money(c.principal)} />
        <Field label={t('legalCases.interest')} value={money(c.interest)} />
        <Field label={t('legalCases.fees')} value={money(c.fees)} />
        <Field label={t('common.total')} value={money(c.principal + c.interest + c.fees)} />
        {c.servedOn && <Field label={t('legalCases.servedOn')} value={formatDate(c.servedOn, i18n.language)} />}
        {c.deadline && <Field label={t('legalCases.deadline')} value={formatDate(c.deadline, i18n.language, true)} />}
      </SimpleGrid>
      <Group>
        {c.dossierDocumentId && (
          <Button size="xs" variant="light" onClick={() => downloadReport(`/api/legal-cases/${c.id}/dossier`, `${base}-${c.invoiceNumber}.pdf`).catch(notifyError)}>
            {t('legalCases.dossier')}
          </Button>
        )}
        <Button size="xs" variant="light" onClick={() => downloadReport(`/api/legal-cases/${c.id}/request`, `${base}-${c.invoiceNumber}.json`).catch(notifyError)}>
          {t('legalCases.requestJson')}
        </Button>
      </Group>
      <Title order={5}>{t('legalCases.timeline')}</Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="legal-case-timeline">
        <Timeline.Item title={t('legalCases.opening', { stage: labels.legalStage(c.route === 'payment_order' ? 'prepared' : 'requested') })}>
          <Text size="xs" c="dimmed">
            {formatDate(c.createdAt, i18n.language, true)}
          </Text>
        </Timeline.Item>
        {c.events.map((e) => (
          <Timeline.Item key={e.id} title={e.kind === 'stage' ? labels.legalStage(e.stage) : t('legalCases.cost', { amount: money(e.amount ?? 0), label: e.note ?? '' })}>
            <Text size="xs" c="dimmed">
              {formatDate(e.date, i18n.language)} · {e.reference}
              {e.kind === 'stage' && e.note ? ` · ${e.note}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <StageForm legalCase={c} />
      <CostForm legalCase={c} />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function StageForm({ legalCase }: { legalCase: Detail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const notifyError = useNotifyError();
  const record = useRecordLegalStage();
  const [stage, setStage] = useState<string | null>(null);
  const [date, setDate] = useState(localDateToday());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  if (legalCase.nextStages.length === 0) return <Alert color="gray">{t('legalCases.noNextStage')}</Alert>;
  const submit = () =>
    record.mutate(
      { id: legalCase.id, body: { stage: stage as LegalCaseStage, date, reference, ...(note.trim() ? { note } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(t('legalCases.stageRecorded'));
          setStage(null);
          setReference('');
          setNote('');
        },
        onError: notifyError,
      },
    );
  return (
    <Card withBorder data-testid="legal-stage-form">
      <Stack gap="xs">
        <Title order={5}>{t('legalCases.recordStage')}</Title>
        <Text size="xs" c="dimmed">
          {t('legalCases.stageHelp')}
        </Text>
        <Select
          label={t('legalCases.nextStage')}
          data={legalCase.nextStages.map((s) => ({ value: s, label: labels.legalStage(s) }))}
          value={stage}
          onChange={setStage}
          data-testid="legal-next-stage"
        />
        <Group grow>
          <TextInput type="date" label={t('legalCases.stageDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <TextInput label={t('legalCases.stageReference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        </Group>
        <TextInput label={t('legalCases.stageNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button onClick={submit} disabled={!stage || !date || !reference.trim()} loading={record.isPending}>
          {t('legalCases.recordStageSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}

function CostForm({ legalCase }: { legalCase: Detail }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const record = useRecordLegalCost();
  const [amount, setAmount] = useState('');
  const [label, setLabel] = useState('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState(localDateToday());
  const minor = toMinorUnits(amount, currencyDigits(legalCase.currency));
  const submit = () =>
    record.mutate(
      { id: legalCase.id, body: { amount: minor!, currency: legalCase.currency, date, label, reference } },
      {
        onSuccess: () => {
          notifySuccess(t('legalCases.costRecorded'));
          setAmount('');
          setLabel('');
          setReference('');
        },
        onError: notifyError,
      },
    );
  return (
    <Card withBorder data-testid="legal-cost-form">
      <Stack gap="xs">
        <Title order={5}>{t('legalCases.addCost')}</Title>
        <Text size="xs" c="dimmed">
          {t('legalCases.costHelp')}
        </Text>
        <Group grow>
          <TextInput
            label={`${t('legalCases.costAmount')} (${legalCase.currency})`}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amount && minor === undefined ? t('common.amountHint') : undefined}
          />
          <TextInput type="date" label={t('legalCases.costDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </Group>
        <TextInput label={t('legalCases.costLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        <TextInput label={t('legalCases.costReference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        <Button onClick={submit} disabled={!minor || !label.trim() || !reference.trim() || !date} loading={record.isPending}>
          {t('legalCases.addCostSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}

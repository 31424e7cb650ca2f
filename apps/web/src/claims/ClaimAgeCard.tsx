import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANUAL_INTERRUPTION_KINDS } from '@dunning/api-contract';
import type { ClaimAgeState } from '@dunning/domain';
import { type ClaimAgeAnswer, useClaimAge, useRecordInterruption } from '../api/claims-queries';
import { formatDate, localDateToday } from '../common/format';
import { useNotifyError } from '../common/notify';

export const CLAIM_AGE_COLORS: Record<ClaimAgeState, string> = { ok: 'green', alert: 'orange', old: 'red' };

type ManualKind = (typeof MANUAL_INTERRUPTION_KINDS)[number];

/**
 * The claim's limitation date (Code de commerce L110-4: 5 years between traders; Code de la
 * consommation L218-2: 2 years against a consumer), what restarted it (Code civil 2240–2244), and a
 * form to record an acknowledgement of debt, a payment plan, a court filing or an enforcement measure.
 */
export function ClaimAgeCard({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const age = useClaimAge(invoiceId);
  return (
    <Card withBorder data-testid="claim-age">
      <Title order={5}>{t('legalClaims.claimAgeTitle')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('legalClaims.claimAgeHelp')}
      </Text>
      {age.isError && <Alert color="red">{t('common.loadFailed', { message: (age.error as Error).message })}</Alert>}
      {!age.data ? <Loader size="sm" /> : <ClaimAge invoiceId={invoiceId} age={age.data} />}
    </Card>
  );
}

function ClaimAge({ invoiceId, age }: { invoiceId: string; age: ClaimAgeAnswer }) {
  const { t, i18n } = useTranslation();
  const record = useRecordInterruption(invoiceId);
  const notifyError = useNotifyError();
  const [kind, setKind] = useState<ManualKind>('acknowledgement');
  const [date, setDate] = useState(localDateToday());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [endedOn, setEndedOn] = useState('');
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text>
          {t('legalClaims.limitationDate')}: <b data-testid="limitation-date">{formatDate(age.limitationDate, i18n.language)}</b>
        </Text>
        <Badge color={CLAIM_AGE_COLORS[age.state]}>{t(`legalClaims.state.${age.state}`)}</Badge>
      </Group>
      <Text size="sm">
        {t('legalClaims.daysLeft')}: {t('legalClaims.daysLeftValue', { count: age.daysLeft })}
      </Text>
      <Text size="xs" c="dimmed">
        {age.interruptedBy
          ? t('legalClaims.interruptedBy', {
              kind: t(`legalClaims.kind.${age.interruptedBy.kind}`),
              date: formatDate(age.interruptedBy.date, i18n.language),
              article: age.interruptedBy.article,
            })
          : t('legalClaims.runsFrom', { date: formatDate(age.runsFrom, i18n.language), article: age.article })}
      </Text>
      {age.pendingProceedings && (
        <Text size="xs" c="orange">
          {t('legalClaims.pendingProceedings')}
        </Text>
      )}
      <Text fw={600} size="sm">
        {t('legalClaims.interruptions')}
      </Text>
      {age.interruptions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('legalClaims.noInterruptions')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {age.interruptions.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{formatDate(i.date, i18n.language)}</Table.Td>
                <Table.Td>{t(`legalClaims.kind.${i.kind}`)}</Table.Td>
                <Table.Td>{i.reference}</Table.Td>
                <Table.Td>{i.proceedingsEndedOn ? formatDate(i.proceedingsEndedOn, i18n.language) : (i.note ?? '')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={600} size="sm">
        {t('legalClaims.recordInterruption')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('legalClaims.interruptionKind')}
          data={MANUAL_INTERRUPTION_KINDS.map((value) => ({ value, label: t(`legalClaims.kind.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as ManualKind)}
          allowDeselect={false}
          w={210}
        />
        <TextInput label={t('legalClaims.interruptionDate')} type="date" value={date} max={localDateToday()} onChange={(e) => setDate(e.currentTarget.value)} />
        <TextInput label={t('legalClaims.interruptionReference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} maxLength={200} />
      </Group>
      <Group align="flex-end">
        <TextInput label={t('legalClaims.interruptionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} flex={1} />
        {kind === 'court_filing' && <TextInput label={t('legalClaims.proceedingsEndedOn')} type="date" value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} />}
        <Button
          disabled={!reference.trim() || !date}
          loading={record.isPending}
          onClick={async () => {
            try {
              await record.mutateAsync({
                kind,
                date,
                reference: reference.trim(),
                ...(note.trim() ? { note: note.trim() } : {}),
                ...(kind === 'court_filing' && endedOn ? { proceedingsEndedOn: endedOn } : {}),
              });
              setReference('');
              setNote('');
              setEndedOn('');
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('legalClaims.record')}
        </Button>
      </Group>
    </Stack>
  );
}

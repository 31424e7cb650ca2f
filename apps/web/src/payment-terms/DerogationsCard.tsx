import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectorDerogation } from '../api/payment-terms-queries';
import { useSaveSettings } from '../api/queries';
import { notifySuccess, useNotifyError } from '../common/notify';

type Draft = { sector: string; maxDays: number | string; kind: SectorDerogation['kind']; source: string };

/** The drafts as the API takes them: trimmed, days as numbers (an empty field is sent as it is, for the API to name). */
export function derogationsToSave(drafts: Draft[]): SectorDerogation[] {
  return drafts.map((d) => ({ sector: d.sector.trim(), maxDays: d.maxDays === '' ? Number.NaN : Number(d.maxDays), kind: d.kind, source: d.source.trim() }));
}

/**
 * The sector derogations to the payment-term ceilings (Code de commerce L441-11: the derogation
 * agreements extended by decree, the sectors the article lists): a customer whose sector matches is
 * judged against its derogation instead of L441-10 I. Keyed by the stored list by its parent.
 */
export function DerogationsCard({ derogations }: { derogations: SectorDerogation[] }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const notifyError = useNotifyError();
  const [drafts, setDrafts] = useState<Draft[]>(derogations);
  const change = (index: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const submit = () => save.mutate({ paymentTermDerogations: derogationsToSave(drafts) }, { onSuccess: () => notifySuccess(t('terms.derogationsSaved')), onError: notifyError });
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="derogations-settings">
      <Title order={5}>{t('terms.derogationsTitle')}</Title>
      <Text size="xs" c="dimmed" mb="xs" maw={900}>
        {t('terms.derogationsHelp')}
      </Text>
      <Stack gap="xs">
        {drafts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('terms.noDerogations')}
          </Text>
        )}
        {drafts.map((d, index) => (
          <Group key={index} align="end" wrap="wrap" data-testid={`derogation-${index}`}>
            <TextInput label={t('terms.derogationSector')} value={d.sector} onChange={(e) => change(index, { sector: e.currentTarget.value })} w={200} />
            <NumberInput label={t('terms.derogationMaxDays')} min={0} max={365} allowDecimal={false} value={d.maxDays} onChange={(v) => change(index, { maxDays: v })} w={120} />
            <Select
              label={t('terms.derogationKind')}
              data={[
                { value: 'days', label: t('terms.derogationKindDays') },
                { value: 'days-end-of-month', label: t('terms.derogationKindEndOfMonth') },
              ]}
              value={d.kind}
              onChange={(v) => change(index, { kind: (v ?? 'days') as Draft['kind'] })}
              allowDeselect={false}
              w={180}
            />
            <TextInput label={t('terms.derogationSource')} value={d.source} onChange={(e) => change(index, { source: e.currentTarget.value })} w={320} />
            <Button variant="subtle" color="red" onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}>
              {t('terms.removeDerogation')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => setDrafts((list) => [...list, { sector: '', maxDays: 90, kind: 'days', source: 'Code de commerce, art. L441-11' }])}>
            {t('terms.addDerogation')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-derogations">
            {t('terms.saveDerogations')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

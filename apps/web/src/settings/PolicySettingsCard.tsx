import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MESSAGE_CHANNELS } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSettings } from '../api/queries';
import type { Agency, Settings } from '../api/types';
import { useLabels } from '../common/labels';
import { notifySuccess, useNotifyError } from '../common/notify';

/** The admin's policy: the provision rate on doubtful receivables, the daily caps, the default agency. */
export function PolicySettingsCard({ settings, agencies }: { settings: Settings; agencies: Agency[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const save = useSaveSettings();
  const notifyError = useNotifyError();
  const [rate, setRate] = useState<number | string>(settings.provisionRatePercent);
  const [caps, setCaps] = useState(settings.dailyCap);
  const [agencyId, setAgencyId] = useState<string | null>(settings.defaultAgencyId);
  const submit = () =>
    save.mutate({ provisionRatePercent: Number(rate), dailyCap: caps, defaultAgencyId: agencyId }, { onSuccess: () => notifySuccess(t('settings.saved')), onError: notifyError });
  // An agency id the list does not know (deleted?) still shows, rather than a blank.
  const agencyOptions = [...agencies].sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="policy-settings">
      <Stack>
        <div>
          <Title order={5}>{t('settings.provision')}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('settings.provisionHelp')}
          </Text>
          <NumberInput label={t('settings.provisionRate')} min={0} max={100} decimalScale={2} suffix=" %" value={rate} onChange={setRate} w={220} data-testid="provision-rate" />
        </div>
        <div>
          <Title order={5}>{t('settings.caps')}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('settings.capsHelp')}
          </Text>
          <SimpleGrid cols={3} maw={480}>
            {MESSAGE_CHANNELS.map((channel) => (
              <NumberInput
                key={channel}
                label={labels.channel(channel)}
                min={1}
                max={100}
                allowDecimal={false}
                value={caps[channel]}
                onChange={(v) => setCaps((c) => ({ ...c, [channel]: Number(v) || 1 }))}
                data-testid={`cap-${channel}`}
              />
            ))}
          </SimpleGrid>
        </div>
        <div>
          <Title order={5}>{t('settings.agency')}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('settings.agencyHelp')}
          </Text>
          <Select
            placeholder={t('settings.noAgency')}
            aria-label={t('settings.agency')}
            clearable
            searchable
            data={agencyId && !agencies.some((a) => a.id === agencyId) ? [...agencyOptions, { value: agencyId, label: agencyId }] : agencyOptions}
            value={agencyId}
            onChange={setAgencyId}
            w={320}
            data-testid="default-agency"
          />
        </div>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={rate === '' || Number.isNaN(Number(rate))} data-testid="save-settings">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { Button, Card, Checkbox, Chip, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSettings } from '../api/queries';
import type { Settings } from '../api/types';
import { notifySuccess, useNotifyError } from '../common/notify';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME_ZONES = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Luxembourg',
  'Europe/Zurich',
  'Europe/Madrid',
  'Europe/Berlin',
  'Europe/Rome',
  'Europe/London',
  'Europe/Lisbon',
  'Indian/Reunion',
  'America/Martinique',
  'America/Guadeloupe',
  'America/Cayenne',
  'Pacific/Noumea',
  'Pacific/Tahiti',
];

/** The company's sending defaults: the window new flows start with, the time zone, the holiday calendar. */
export function SendingDefaultsCard({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const save = useSaveSettings();
  const notifyError = useNotifyError();
  const [sending, setSending] = useState(settings.sending);
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    return settings.holidayCountries.map((c) => ({ value: c.code, label: names.of(c.code) ?? c.name })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [settings.holidayCountries, i18n.language]);
  const zones = TIME_ZONES.includes(sending.timeZone) ? TIME_ZONES : [sending.timeZone, ...TIME_ZONES];
  const windowProblem = sending.start >= sending.end ? t('adminSettings.sending.endBeforeStart') : undefined;
  const dayProblem = sending.weekdays.length === 0 ? t('adminSettings.sending.noDay') : undefined;
  const submit = () => {
    if (windowProblem || dayProblem) return;
    save.mutate({ sending: { ...sending, weekdays: [...sending.weekdays].sort() } }, { onSuccess: () => notifySuccess(t('adminSettings.sending.saved')), onError: notifyError });
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="sending-defaults">
      <Stack>
        <Text size="sm">{t('adminSettings.sending.help')}</Text>
        <div role="group" aria-labelledby="sending-days-label">
          <Text id="sending-days-label" size="sm" fw={500} mb={4}>
            {t('adminSettings.sending.weekdays')}
          </Text>
          <Chip.Group multiple value={sending.weekdays.map(String)} onChange={(days) => setSending((s) => ({ ...s, weekdays: days.map(Number) }))}>
            <Group gap="xs">
              {WEEKDAYS.map((day) => (
                <Chip key={day} value={String(day)} aria-label={t(`adminSettings.sending.dayNames.${day}`)} data-testid={`sending-day-${day}`}>
                  {t(`adminSettings.sending.days.${day}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {dayProblem && (
            <Text c="red.8" size="sm" role="alert">
              {dayProblem}
            </Text>
          )}
        </div>
        <Group align="flex-start">
          <TextInput
            type="time"
            label={t('adminSettings.sending.start')}
            value={sending.start}
            onChange={(e) => setSending((s) => ({ ...s, start: e.currentTarget.value }))}
            w={140}
            data-testid="sending-start"
          />
          <TextInput
            type="time"
            label={t('adminSettings.sending.end')}
            value={sending.end}
            error={windowProblem}
            onChange={(e) => setSending((s) => ({ ...s, end: e.currentTarget.value }))}
            w={140}
            data-testid="sending-end"
          />
          <Select
            label={t('adminSettings.sending.timeZone')}
            data={zones}
            searchable
            value={sending.timeZone}
            onChange={(zone) => zone && setSending((s) => ({ ...s, timeZone: zone }))}
            w={220}
            data-testid="sending-time-zone"
          />
          <Select
            label={t('adminSettings.sending.holidayCountry')}
            data={countries}
            searchable
            value={sending.holidayCountry}
            onChange={(code) => code && setSending((s) => ({ ...s, holidayCountry: code }))}
            w={220}
            data-testid="sending-holiday-country"
          />
        </Group>
        <Checkbox
          label={t('adminSettings.sending.skipHolidays')}
          checked={sending.skipHolidays}
          onChange={(e) => setSending((s) => ({ ...s, skipHolidays: e.currentTarget.checked }))}
          data-testid="sending-skip-holidays"
        />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-sending">
            {t('adminSettings.sending.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { Select, TextInput } from '@mantine/core';
import type { TemplateChannel } from '@dunning/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies, useTemplates } from '../../api/queries';
import { slaOptions } from './sla';
import { templateOptions } from './templates';

interface PickerProps<T> {
  label: string;
  description?: string;
  error?: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}

/** The templates of a step's channel (GET /api/templates), by name in words with their languages. */
export function TemplatePicker({ channel, optional, ...props }: PickerProps<string> & { channel: TemplateChannel; optional?: boolean }) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const data = useMemo(() => templateOptions(templates.data ?? [], channel, t, props.value), [templates.data, channel, t, props.value, i18n.language]);
  const empty = templates.isSuccess && data.length === 0 ? t('stepForms.templates.empty', { channel: t(`channels.${channel}`) }) : undefined;
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error ?? empty}
      searchable
      clearable={optional}
      allowDeselect={optional}
      placeholder={optional ? t('stepForms.templates.none') : undefined}
      data={data}
      value={props.value ?? null}
      onChange={(v) => props.onChange(v ?? undefined)}
    />
  );
}

/** The collection agencies (GET /api/agencies) by name; empty: the default agency of the Settings. */
export function AgencyPicker(props: PickerProps<string>) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const data = (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (props.value && agencies.isSuccess && !data.some((a) => a.value === props.value)) data.push({ value: props.value, label: t('stepForms.agency.unknown') });
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      searchable
      clearable
      placeholder={agencies.isLoading ? t('stepForms.agency.loading') : t('stepForms.agency.placeholder')}
      data={data}
      value={props.value ?? null}
      onChange={(v) => props.onChange(v ?? undefined)}
    />
  );
}

/** A call's deadline in words: "Within 24 hours", "Within 3 days". */
export function SlaPicker(props: PickerProps<number>) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      allowDeselect={false}
      data={slaOptions(props.value, t)}
      value={props.value === undefined ? null : String(props.value)}
      onChange={(v) => props.onChange(v ? Number(v) : undefined)}
    />
  );
}

/** A time of day (HH:mm) with the browser's time picker; empty when optional. */
export function TimeField(props: PickerProps<string>) {
  return (
    <TextInput
      type="time"
      label={props.label}
      description={props.description}
      error={props.error}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
    />
  );
}

import { Anchor, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../common/format';
import { type ActionField, readFields } from './action-fields';

/**
 * One action on an invoice as a small form: its fields, a submit button, cleared once the action
 * was confirmed and the API accepted it (a refusal, or going back from the confirmation, keeps what
 * was typed, to correct it).
 */
export function ActionForm(props: {
  id: string;
  fields: ActionField[];
  digits: number;
  submitLabel: string;
  help?: string;
  color?: string;
  onSubmit: (values: Record<string, string | number>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const initial = () => Object.fromEntries(props.fields.map((f) => [f.name, f.initial ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [busy, setBusy] = useState(false);
  const read = readFields(props.fields, values, props.digits);
  const submit = async () => {
    if (!read) return;
    setBusy(true);
    try {
      if (await props.onSubmit(read)) setValues(initial());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={6} component="form" onSubmit={(e) => (e.preventDefault(), void submit())} data-testid={`action-${props.id}`}>
      {props.help && (
        <Text size="xs" c="dimmed">
          {props.help}
        </Text>
      )}
      <Group gap={6} align="end" grow>
        {props.fields.map((field) => {
          const common = {
            size: 'xs' as const,
            label: field.label,
            value: values[field.name] ?? '',
            required: field.required,
            // Read now: the event's currentTarget is gone by the time a state updater runs.
            onChange: (e: { currentTarget: { value: string } }) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [field.name]: value }));
            },
            'data-testid': `${props.id}-${field.name}`,
          };
          const unreadable = field.kind === 'money' && values[field.name]?.trim() && !toMinorUnits(values[field.name]!, props.digits);
          const suggestion = field.suggestion;
          const description = suggestion && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => setValues((v) => ({ ...v, [field.name]: suggestion.value }))}
              data-testid={`${props.id}-${field.name}-suggestion`}
            >
              {suggestion.label}
            </Anchor>
          );
          return field.kind === 'textarea' ? (
            <Textarea key={field.name} {...common} description={description} autosize minRows={1} />
          ) : (
            <TextInput
              key={field.name}
              {...common}
              type={field.kind === 'date' ? 'date' : 'text'}
              inputMode={field.kind === 'money' ? 'decimal' : undefined}
              description={description}
              error={unreadable ? t('common.amountHint') : undefined}
            />
          );
        })}
      </Group>
      <Group>
        <Button size="xs" type="submit" color={props.color} disabled={!read} loading={busy} data-testid={`${props.id}-submit`}>
          {props.submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

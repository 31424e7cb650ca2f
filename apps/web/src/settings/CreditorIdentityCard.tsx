import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useSaveSettings } from '../api/queries';
import type { Settings } from '../api/types';
import { notifySuccess, useNotifyError } from '../common/notify';
import { type CreditorField, type CreditorForm, type CreditorProblem, creditorBody, creditorFieldOf, creditorFormOf, creditorFormProblems } from './creditor-form';

/** The creditor's identity: who reminders, letters, SMS and dossiers come from. */
export function CreditorIdentityCard({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const save = useSaveSettings();
  const notifyError = useNotifyError();
  const [form, setForm] = useState<CreditorForm>(() => creditorFormOf(settings));
  const [touched, setTouched] = useState(false);
  const [serverProblems, setServerProblems] = useState<Partial<Record<CreditorField, string>>>({});
  const problems = creditorFormProblems(form);
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const known = new Set(settings.holidayCountries.map((c) => c.code));
    return [...known].map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [settings.holidayCountries, i18n.language]);

  const errorOf = (field: CreditorField) => {
    const problem: CreditorProblem | undefined = problems[field];
    if (problem && (touched || (problem !== 'required' && form[field] !== ''))) return t(`adminSettings.creditor.problems.${problem}`);
    return serverProblems[field];
  };
  const field = (name: CreditorField, options: { required?: boolean; help?: boolean; autoComplete?: string } = {}) => ({
    label: t(`adminSettings.creditor.${name}`),
    description: options.help ? t(`adminSettings.creditor.${name}Help`) : undefined,
    withAsterisk: options.required,
    value: form[name],
    error: errorOf(name),
    autoComplete: options.autoComplete,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
      setServerProblems((p) => ({ ...p, [name]: undefined }));
    },
    'data-testid': `creditor-${name}`,
  });
  const submit = () => {
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      { creditor: creditorBody(form) },
      {
        onSuccess: (saved) => {
          if (saved.creditor) setForm(creditorFormOf(saved));
          notifySuccess(t('adminSettings.creditor.saved'));
        },
        onError: (error) => {
          // Each refusal on its field (creditor.iban → the IBAN input), and the notification.
          if (error instanceof ApiError) {
            const body = error.body as { problems?: Array<{ field: string; message: string }> } | undefined;
            const found: Partial<Record<CreditorField, string>> = {};
            for (const p of body?.problems ?? []) {
              const name = creditorFieldOf(p.field);
              if (name) found[name] = t(`adminSettings.creditor.problems.${name in PROBLEM_OF ? PROBLEM_OF[name as keyof typeof PROBLEM_OF] : 'required'}`);
            }
            setServerProblems(found);
          }
          notifyError(error);
        },
      },
    );
  };
  return (
    <Card withBorder component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} data-testid="creditor-identity">
      <Stack>
        <Text size="sm">{t('adminSettings.creditor.help')}</Text>
        {settings.creditorStatus === 'environment' && (
          <Text size="sm" c="dimmed">
            {t('adminSettings.creditor.fromEnvironment')}
          </Text>
        )}
        <Title order={5}>{t('adminSettings.creditor.company')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('name', { required: true, autoComplete: 'organization' })} />
          <TextInput {...field('phone', { autoComplete: 'tel' })} />
        </SimpleGrid>
        <Title order={5}>{t('adminSettings.creditor.address')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...field('address1', { required: true, autoComplete: 'address-line1' })} />
          <TextInput {...field('address2', { autoComplete: 'address-line2' })} />
          <TextInput {...field('address3', { autoComplete: 'address-line3' })} />
          <TextInput {...field('postcode', { required: true, autoComplete: 'postal-code' })} />
          <TextInput {...field('city', { required: true, autoComplete: 'address-level2' })} />
          <Select
            label={t('adminSettings.creditor.country')}
            withAsterisk
            searchable
            data={countries}
            value={form.country}
            error={errorOf('country')}
            onChange={(value) => setForm((f) => ({ ...f, country: value ?? '' }))}
            data-testid="creditor-country"
          />
        </SimpleGrid>
        <Title order={5}>{t('adminSettings.creditor.registration')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('siren', { required: true, help: true })} />
          <TextInput {...field('vatNumber')} />
          <TextInput {...field('iban', { required: true, help: true })} />
          <TextInput {...field('bic')} />
        </SimpleGrid>
        <Textarea {...field('legalMentions', { help: true })} autosize minRows={2} />
        <Title order={5}>{t('adminSettings.creditor.sender')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...field('senderEmail', { required: true, help: true, autoComplete: 'email' })} type="email" />
          <TextInput {...field('senderName', { help: true })} />
          <TextInput {...field('smsSender', { help: true })} maxLength={11} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-creditor">
            {t('adminSettings.creditor.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The words of a field the API refused (its own message is in English). */
const PROBLEM_OF = { siren: 'siren', iban: 'iban', bic: 'bic', vatNumber: 'vatNumber', smsSender: 'smsSender', senderEmail: 'email', country: 'country' } as const;

import { Button, Card, Group, NumberInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSettings } from '../api/queries';
import { reasonInWords } from '../common/errors';
import { notifySuccess, useNotifyError } from '../common/notify';
import {
  FIRST_SENDS,
  SAFE_MODE_OPTIONS,
  type SafeMode,
  type SafeModeForm,
  type SafeModeSettings,
  TIMEOUT_HOURS,
  safeModeBody,
  safeModeFormOf,
  safeModeProblems,
  safeModeRefusal,
} from './safe-mode-form';
import { SafeModeFlowRows } from './SafeModeFlowRows';

/** Safe mode: which messages wait in the approval queue, for how long, and what happens when nobody decides. */
export function SafeModeCard({ safeMode }: { safeMode: SafeModeSettings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const notifyError = useNotifyError();
  const [form, setForm] = useState<SafeModeForm>(() => safeModeFormOf(safeMode));
  const [touched, setTouched] = useState(false);
  const [refused, setRefused] = useState<ReturnType<typeof safeModeRefusal>>({});
  const problems = safeModeProblems(form);
  // A field's problem: the form's own once a save was tried (or the number is out of range), else what the API refused.
  const errorOf = (field: string): string | undefined => {
    const problem = problems[field];
    if (problem && (touched || !field.includes('flows'))) return t(problem.key, problem.values);
    const refusal = refused[field];
    if (!refusal) return undefined;
    return 'key' in refusal ? t(refusal.key) : reasonInWords(refusal.message, t);
  };
  const change = (next: Partial<SafeModeForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setRefused({});
  };
  const submit = () => {
    setTouched(true);
    const body = safeModeBody(form);
    if (!body) return;
    save.mutate(
      { safeMode: body },
      {
        onSuccess: () => notifySuccess(t('safeMode.saved')),
        onError: (error) => {
          setRefused(safeModeRefusal(error));
          notifyError(error);
        },
      },
    );
  };
  return (
    <Card withBorder component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} data-testid="safe-mode-card">
      <Stack>
        <Text size="sm">{t('safeMode.help')}</Text>
        <Radio.Group label={t('safeMode.mode')} value={form.mode} onChange={(mode) => change({ mode: mode as SafeMode })}>
          <Stack gap="xs" mt={4}>
            {SAFE_MODE_OPTIONS.map((mode) => (
              <Radio key={mode} value={mode} label={t(`safeMode.modes.${mode}`)} description={t(`safeMode.modeHelp.${mode}`)} data-testid={`safe-mode-${mode}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Group align="flex-start">
          <NumberInput
            label={t('safeMode.firstSends')}
            description={t('safeMode.firstSendsHelp')}
            min={FIRST_SENDS.min}
            max={FIRST_SENDS.max}
            allowDecimal={false}
            value={form.firstSends}
            error={errorOf('safeMode.firstSends')}
            onChange={(firstSends) => change({ firstSends })}
            w={240}
            data-testid="safe-mode-first-sends"
          />
          <NumberInput
            label={t('safeMode.timeoutHours')}
            description={t('safeMode.timeoutHoursHelp')}
            min={TIMEOUT_HOURS.min}
            max={TIMEOUT_HOURS.max}
            allowDecimal={false}
            value={form.timeoutHours}
            error={errorOf('safeMode.timeoutHours')}
            onChange={(timeoutHours) => change({ timeoutHours })}
            w={240}
            data-testid="safe-mode-timeout-hours"
          />
        </Group>
        <Radio.Group label={t('safeMode.onTimeout')} value={form.onTimeout} onChange={(onTimeout) => change({ onTimeout: onTimeout as SafeModeForm['onTimeout'] })}>
          <Group mt={4}>
            {(['skip', 'send'] as const).map((policy) => (
              <Radio key={policy} value={policy} label={t(`safeMode.onTimeoutOptions.${policy}`)} data-testid={`safe-mode-on-timeout-${policy}`} />
            ))}
          </Group>
        </Radio.Group>
        <div>
          <Title order={5}>{t('safeMode.flows')}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('safeMode.flowsHelp')}
          </Text>
          <SafeModeFlowRows rows={form.flows} onChange={(flows) => change({ flows })} errorOf={(index) => errorOf(`safeMode.flows.${index}.flowId`)} />
        </div>
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="safe-mode-save">
            {t('safeMode.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

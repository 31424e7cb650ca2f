import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/account-queries';
import type { Principal } from '../api/types';
import { notifySuccess, useNotifyError } from '../common/notify';
import { namesAField } from './field-problems';
import { NewPasswordFields } from './NewPasswordFields';
import { confirmedPassword } from './password-confirmation';
import { useFieldErrors } from './use-field-errors';
import { PasswordField } from '../common/PasswordField';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Every signed-in user's own account: who they are signed in as, and their password. */
export function AccountPage({ principal }: { principal: Principal }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const notifyError = useNotifyError();
  const errors = useFieldErrors(change.error);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  // A refusal is about what was sent: once the user edits, it no longer applies.
  const edit = (set: (value: string) => void) => (value: string) => {
    if (change.isError) change.reset();
    set(value);
  };
  const submit = () => {
    if (!current || !confirmedPassword(next, confirm)) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          [setCurrent, setNext, setConfirm].forEach((set) => set(''));
          notifySuccess(t('account.changed'));
        },
        onError: (error) => namesAField(error, FIELDS) || notifyError(error),
      },
    );
  };
  return (
    <Stack maw={520}>
      <Title order={3}>{t('account.title')}</Title>
      <Text data-testid="account-identity">{t('account.signedInAs', { email: principal.email ?? '—', role: t(`roles.${principal.role}`) })}</Text>
      <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="change-password">
        <Stack gap="sm">
          <Title order={5}>{t('account.changePassword')}</Title>
          <Text size="xs" c="dimmed">
            {t('account.passwordHelp')}
          </Text>
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => edit(setCurrent)(e.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="current-password"
          />
          <NewPasswordFields
            label={t('account.newPassword')}
            value={next}
            confirm={confirm}
            onChange={edit(setNext)}
            onConfirmChange={edit(setConfirm)}
            error={errors.newPassword}
            testId="new-password"
          />
          <Group justify="end">
            <Button type="submit" loading={change.isPending} disabled={!current || !confirmedPassword(next, confirm)} data-testid="change-password-submit">
              {t('account.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

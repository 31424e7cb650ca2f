import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserAccount, useResetPassword } from '../api/account-queries';
import { namesAField } from '../account/field-problems';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { confirmedPassword } from '../account/password-confirmation';
import { useFieldErrors } from '../account/use-field-errors';
import { notifySuccess, useNotifyError } from '../common/notify';

/** The admin sets a forgotten password; the API ends every session of that user. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const notifyError = useNotifyError();
  const errors = useFieldErrors(reset.error);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const edit = (set: (value: string) => void) => (value: string) => {
    if (reset.isError) reset.reset();
    set(value);
  };
  const submit = () => {
    if (!confirmedPassword(password, confirm)) return;
    reset.mutate(
      { id: user.id, newPassword: password },
      {
        onSuccess: () => {
          notifySuccess(t('users.resetNotice', { email: user.email }));
          onClose();
        },
        onError: (error) => namesAField(error, ['newPassword']) || notifyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { email: user.email })}>
      <Stack component="form" gap="sm" onSubmit={(e) => (e.preventDefault(), submit())}>
        <NewPasswordFields
          label={t('account.newPassword')}
          description={t('users.resetHelp')}
          value={password}
          confirm={confirm}
          onChange={edit(setPassword)}
          onConfirmChange={edit(setConfirm)}
          error={errors.newPassword}
          testId="reset-password-new"
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending} disabled={!confirmedPassword(password, confirm)} data-testid="reset-password-submit">
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { USER_ROLES } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../api/account-queries';
import type { Agency, Role } from '../api/types';
import { namesAField } from '../account/field-problems';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { confirmedPassword } from '../account/password-confirmation';
import { useFieldErrors } from '../account/use-field-errors';
import { notifySuccess, useNotifyError } from '../common/notify';

/** Admin last: the rarest and most powerful role to give. */
const ROLES = [...USER_ROLES].sort((a, b) => Number(a === 'admin') - Number(b === 'admin'));
const FIELDS = ['email', 'displayName', 'role', 'agencyId', 'password'] as const;

/** A new account: who, with which role (an agency user belongs to one agency), and a first password that passes the policy. */
export function CreateUserModal({ agencies, onClose }: { agencies: Agency[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const notifyError = useNotifyError();
  const errors = useFieldErrors(create.error);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('collector');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (create.isError) create.reset();
      set(value);
    };
  const submit = () => {
    if (!confirmedPassword(password, confirm)) return;
    const body = { email: email.trim(), displayName: displayName.trim(), role, password, ...(role === 'agency' && agencyId ? { agencyId } : {}) };
    create.mutate(body, {
      onSuccess: (user) => {
        notifySuccess(t('users.createdNotice', { email: user.email }));
        onClose();
      },
      onError: (error) => namesAField(error, FIELDS) || notifyError(error),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.newUser')}>
      <Stack component="form" gap="sm" onSubmit={(e) => (e.preventDefault(), submit())}>
        <TextInput
          label={t('users.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => edit(setEmail)(e.currentTarget.value)}
          error={errors.email}
          data-testid="user-email"
        />
        <TextInput
          label={t('users.name')}
          required
          value={displayName}
          onChange={(e) => edit(setDisplayName)(e.currentTarget.value)}
          error={errors.displayName}
          data-testid="user-name"
        />
        <Select
          label={t('users.role')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => {
            const chosen = ROLES.find((r) => r === value);
            if (chosen) edit(setRole)(chosen);
          }}
          allowDeselect={false}
          error={errors.role}
          data-testid="user-role"
        />
        {role === 'agency' && (
          <Select
            label={t('users.agency')}
            required
            searchable
            data={agencies.map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={edit(setAgencyId)}
            error={errors.agencyId}
            data-testid="user-agency"
          />
        )}
        <NewPasswordFields
          label={t('users.initialPassword')}
          description={t('users.initialHelp')}
          value={password}
          confirm={confirm}
          onChange={edit(setPassword)}
          onConfirmChange={edit(setConfirm)}
          error={errors.password}
          testId="user-password"
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!confirmedPassword(password, confirm) || (role === 'agency' && !agencyId)} data-testid="create-user">
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

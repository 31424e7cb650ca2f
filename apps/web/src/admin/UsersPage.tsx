import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconKey, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserAccount, useUsers } from '../api/account-queries';
import { useAgencies } from '../api/queries';
import { formatDate } from '../common/format';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/** The admin's accounts: who can sign in and with which role; new accounts and forgotten passwords. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const agencies = useAgencies();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const agencyName = (id: string | null) => (id ? (agencies.data?.find((a) => a.id === id)?.name ?? id) : '');
  if (users.isError) return <Alert color="red">{t('common.loadFailed', { message: (users.error as Error).message })}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('users.title')}</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-user">
          {t('users.newUser')}
        </Button>
      </Group>
      {!users.data ? (
        <Loader />
      ) : users.data.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <Table highlightOnHover data-testid="user-table" aria-label={t('users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.created')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td translate="no">{user.displayName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.role === 'admin' ? 'red' : 'indigo'}>
                    {t(`roles.${user.role}`)}
                  </Badge>
                  {user.agencyId && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {agencyName(user.agencyId)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(user.createdAt, i18n.language, true)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" leftSection={<IconKey size={14} />} onClick={() => setResetting(user)} data-testid="reset-password">
                    {t('users.resetPassword')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <CreateUserModal agencies={agencies.data ?? []} onClose={() => setCreating(false)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}

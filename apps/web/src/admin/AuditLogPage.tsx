import { Alert, Button, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog, useUsers } from '../api/account-queries';
import { useAgencies } from '../api/queries';
import { AuditTable } from './AuditTable';
import type { AuditFilter } from './audit-query';
import { mergeAuditPages } from './audit-row';

/** The admin's audit log: every API change and sign-in, newest first, narrowed to a user or up to a day, paged back in time. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ userId: null, upTo: null });
  const log = useAuditLog(filter);
  const users = useUsers();
  const agencies = useAgencies();
  // Ids in routes and actors are shown by name: users by email, agencies by name.
  const names = useMemo(
    () => new Map<string, string>([...(users.data ?? []).map((u) => [u.id, u.email] as const), ...(agencies.data ?? []).map((a) => [a.id, a.name] as const)]),
    [users.data, agencies.data],
  );
  const entries = useMemo(() => mergeAuditPages(log.data?.pages ?? []), [log.data]);
  return (
    <Stack>
      <div>
        <Title order={3}>{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.help')}
        </Text>
      </div>
      <Group align="end">
        <Select
          label={t('audit.user')}
          placeholder={t('audit.allUsers')}
          clearable
          searchable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.email }))}
          value={filter.userId}
          onChange={(userId) => setFilter((f) => ({ ...f, userId }))}
          w={280}
          data-testid="audit-user"
        />
        <TextInput
          label={t('audit.upTo')}
          type="date"
          value={filter.upTo ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, upTo: e.currentTarget.value || null }))}
          w={180}
          data-testid="audit-up-to"
        />
      </Group>
      {log.isError ? (
        <Alert color="red">{t('common.loadFailed', { message: (log.error as Error).message })}</Alert>
      ) : log.isLoading ? (
        <Loader />
      ) : entries.length === 0 ? (
        <Text c="dimmed" data-testid="audit-empty">
          {t('audit.empty')}
        </Text>
      ) : (
        <>
          <AuditTable entries={entries} nameOf={(id) => names.get(id)} />
          {log.hasNextPage ? (
            <Group>
              <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} data-testid="audit-older">
                {t('audit.older')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.end')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

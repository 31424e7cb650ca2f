import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFlowMigrations } from '../../api/flow-migrations-queries';
import type { FlowVersion } from '../../api/types';
import { MigrationRun } from './MigrationRun';

/** The moves applied to this flow's running invoices, newest first, each with its progress (asked again while one is under way) and its rollback. */
export function MigrationRuns({ flowId, versions }: { flowId: string; versions: FlowVersion[] }) {
  const { t } = useTranslation();
  const migrations = useFlowMigrations(flowId);
  return (
    <Stack gap="xs" data-testid="migration-runs">
      <Text fw={600} component="h3" size="sm" m={0}>
        {t('flowMigrationRuns.title')}
      </Text>
      {migrations.isError ? (
        <Alert color="red">{t('common.loadFailed', { message: (migrations.error as Error).message })}</Alert>
      ) : !migrations.data ? (
        <Loader size="xs" />
      ) : migrations.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="migration-runs-empty">
          {t('flowMigrationRuns.none')}
        </Text>
      ) : (
        migrations.data.map((migration) => <MigrationRun key={migration.id} migration={migration} versions={versions} />)
      )}
    </Stack>
  );
}

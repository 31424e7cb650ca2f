import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FlowMigration, useRollbackMigration } from '../../api/flow-migrations-queries';
import type { FlowVersion } from '../../api/types';
import { describeError } from '../../common/errors';
import { formatDate } from '../../common/format';
import { MigrationProgress } from './MigrationProgress';
import { MigrationRunInvoices } from './MigrationRunInvoices';
import { canRollBack, migrationErrorWords } from './migration-runs';

const STATUS_COLORS: Record<FlowMigration['status'], string> = { applying: 'blue', applied: 'teal', rolling_back: 'grape', rolled_back: 'gray' };

/**
 * One migration applied: its versions, when, its status and progress; its rollback (after a
 * confirmation) while none was asked; and its invoices, a page at a time, once opened.
 */
export function MigrationRun({ migration, versions }: { migration: FlowMigration; versions: FlowVersion[] }) {
  const { t, i18n } = useTranslation();
  const rollback = useRollbackMigration(migration.flowId);
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const { fromVersion: from, toVersion: to } = migration;
  const graphOf = (version: number) => versions.find((v) => v.version === version)?.graph;
  const confirm = () =>
    // Its answer is the row itself: the status and the rollback's figures; a refusal is said under the buttons.
    rollback.mutate(migration.id, { onSettled: () => setConfirming(false) });
  const tableId = `migration-${migration.id}-invoices`;
  return (
    <Paper withBorder p="xs" data-testid="migration-run-row" data-status={migration.status} data-migration={migration.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('flowMigrationRuns.versions', { from, to })}
          </Text>
          <Badge variant="light" color={STATUS_COLORS[migration.status]} data-testid="migration-status">
            {t(`flowMigrationRuns.statuses.${migration.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('flowMigrationRuns.createdAt', { date: formatDate(migration.createdAt, i18n.language, true) })}
          {migration.rolledBackAt && ` · ${t('flowMigrationRuns.rolledBackAt', { date: formatDate(migration.rolledBackAt, i18n.language, true) })}`}
        </Text>
        <MigrationProgress migration={migration} />
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={tableId} data-testid="migration-items-toggle">
            {t(open ? 'flowMigrationRuns.hideInvoices' : 'flowMigrationRuns.showInvoices')}
          </Button>
          {canRollBack(migration) && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => {
                rollback.reset();
                setConfirming(true);
              }}
              loading={rollback.isPending}
              data-testid="migration-rollback"
            >
              {t('flowMigrationRuns.rollback')}
            </Button>
          )}
        </Group>
        {rollback.isError && (
          <Alert color="red" title={t(`errors.${describeError(rollback.error, t).kind}`)} data-testid="migration-rollback-error">
            {migrationErrorWords(rollback.error, t)}
          </Alert>
        )}
        {open && (
          <div id={tableId}>
            <MigrationRunInvoices migration={migration} fromGraph={graphOf(from)} toGraph={graphOf(to)} />
          </div>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('flowMigrationRuns.rollbackTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm" data-testid="migration-rollback-dialog">
          <Text size="sm">{t('flowMigrationRuns.rollbackConfirm', { from, to })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={rollback.isPending} onClick={confirm} data-testid="migration-rollback-confirm">
              {t('flowMigrationRuns.rollback')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowMigration } from '../../api/flow-migrations-queries';
import { type ProgressKey, progressSections } from './migration-runs';

/** One colour per answer; those still waiting striped and moving. */
const COLORS: Record<ProgressKey, string> = {
  moved: 'teal',
  stayed: 'orange',
  closed: 'gray',
  waiting: 'blue',
  rolledBack: 'grape',
  kept: 'orange',
  rollbackWaiting: 'blue',
};
const WAITING = new Set<ProgressKey>(['waiting', 'rollbackWaiting']);

/**
 * How far a migration went: a bar per phase (the order, then the rollback once asked) and the same
 * figures in words — the bar is hidden from screen readers, the words say it all.
 */
export function MigrationProgress({ migration }: { migration: FlowMigration }) {
  const { t } = useTranslation();
  const { progress } = migration;
  const phases = migration.rolledBackAt === null ? (['apply'] as const) : (['apply', 'rollback'] as const);
  return (
    <Stack
      gap={6}
      data-testid="migration-progress"
      data-total={progress.total}
      data-moved={progress.moved}
      data-waiting={progress.waiting}
      data-rolled-back={progress.rolledBack}
      data-kept={progress.kept}
    >
      {phases.map((phase) => {
        const sections = progressSections(progress, phase);
        const shown = sections.filter((s) => s.count > 0);
        return (
          <Stack gap={2} key={phase} data-phase={phase}>
            <Progress.Root size="sm" aria-hidden>
              {sections.map((s) => (
                <Progress.Section key={s.key} value={s.percent} color={COLORS[s.key]} striped={WAITING.has(s.key)} animated={WAITING.has(s.key)} />
              ))}
            </Progress.Root>
            <Text size="xs">
              {phase === 'apply' ? t('flowMigrationRuns.total', { count: progress.total }) : t('flowMigrationRuns.rollbackLine')}
              {shown.length > 0 && ' — '}
              {shown.map((s) => t(`flowMigrationRuns.figures.${s.key}`, { count: s.count })).join(', ')}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}

import type { Flow } from '@dunning/flow';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MigrationCount } from '../../api/flow-migrations-queries';
import { formatCount } from '../../experiments/experiment-numbers';
import { moveTotals, movesInOrder } from './migration-preview';
import { StepPlace } from './StepPlace';

/** How many running invoices would move, how many would stay, and the invoices per move (from where they stand to where they would). */
export function MigrationMoves({
  counts,
  versions,
  fromGraph,
  toGraph,
}: {
  counts: readonly MigrationCount[];
  versions: { from: number; to: number };
  fromGraph: Flow | undefined;
  toGraph: Flow | undefined;
}) {
  const { t, i18n } = useTranslation();
  const totals = moveTotals(counts);
  return (
    <>
      <Text size="sm" data-testid="migration-totals">
        {t('flowMigration.running', { count: totals.total })} — {t('flowMigration.moving', { count: totals.moving })}, {t('flowMigration.staying', { count: totals.staying })}
      </Text>
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} aria-label={t('flowMigration.movesLabel', versions)} data-testid="migration-moves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('flowMigration.move')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('flowMigration.invoices')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movesInOrder(counts, fromGraph).map((count) => (
            <Table.Tr key={`${count.from}→${count.to ?? ''}`} data-testid="migration-move" data-from={count.from} data-to={count.to ?? ''}>
              <Table.Td>
                <StepPlace nodeId={count.from} graph={fromGraph} /> →{' '}
                {count.to === null ? (
                  <Text span size="xs" c="red.9">
                    {t('flowMigration.stays', { version: versions.from })}
                  </Text>
                ) : (
                  <StepPlace nodeId={count.to} graph={toGraph} />
                )}
              </Table.Td>
              <Table.Td ta="right">{formatCount(count.invoices, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

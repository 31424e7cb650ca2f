import type { Flow } from '@dunning/flow';
import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MigrationStep } from '../../api/flow-migrations-queries';
import { Data } from '../../common/Data';
import { stepKindWords } from '../step-recovery';
import { type Overrides, howWords, targetOptions, targetValue } from './migration-preview';

/**
 * Each step of the running version, where its invoices go in the target version and how that was
 * decided; the select changes it by hand (any step of the target version, or leave the invoices
 * where they are), which asks for the dry run again. A refused choice shows under its select.
 */
export function MigrationMappingTable({
  mapping,
  versions,
  toGraph,
  overrides,
  errors,
  busy,
  onChoose,
}: {
  mapping: readonly MigrationStep[];
  versions: { from: number; to: number };
  toGraph: Flow | undefined;
  overrides: Overrides;
  errors: Record<string, string>;
  busy: boolean;
  onChoose: (step: string, value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} aria-label={t('flowMigration.mappingLabel', versions)} aria-busy={busy} data-testid="migration-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('flowMigration.step', { version: versions.from })}</Table.Th>
          <Table.Th scope="col">{t('flowMigration.target', { version: versions.to })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mapping.map((row) => {
          // While the dry run runs again, the select keeps what the person chose.
          const target = row.step in overrides ? overrides[row.step]! : row.target;
          return (
            <Table.Tr key={row.step} data-testid="migration-mapping-row" data-step={row.step} data-how={row.how}>
              <Table.Th scope="row" fw={400}>
                <Text size="xs" fw={600}>
                  {stepKindWords(row.kind, t)}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  <Data>{row.step}</Data>
                </Text>
              </Table.Th>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('flowMigration.targetOf', { step: row.step })}
                  data={targetOptions(toGraph, t, target)}
                  value={targetValue(target)}
                  onChange={(value) => onChoose(row.step, value)}
                  allowDeselect={false}
                  error={errors[`mapping.${row.step}`]}
                  data-testid="migration-target"
                />
                <Text size="xs" c={row.target === null ? 'red.9' : 'dimmed'} mt={2} data-testid="migration-how">
                  {howWords(row.how, t)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

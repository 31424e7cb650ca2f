import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExperimentReport } from '../api/experiments-queries';
import { Data } from '../common/Data';
import { metricRows } from './arm-metrics';
import { armShares, formatPercentValue } from './experiment-numbers';

/** Every metric (rows) of every arm (columns), each arm headed by its flow version and share of the customers. */
export function ArmMetricsTable({ report }: { report: ExperimentReport }) {
  const { t, i18n } = useTranslation();
  const shares = armShares(report.arms.map((arm) => arm.weight));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped data-testid="experiment-metrics">
        <Table.Caption>{t('experiments.report.tableCaption', { currency: report.currency })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('experiments.report.metric')}</Table.Th>
            {report.arms.map((arm, i) => (
              <Table.Th key={arm.key} scope="col" ta="right">
                <Text size="sm" fw={700}>
                  {t('experiments.arm', { key: arm.key })}
                </Text>
                <Text size="xs" c="dimmed">
                  <Data>{arm.flowName}</Data> {t('experiments.version', { version: arm.flowVersion })} · {formatPercentValue(shares[i]!, i18n.language)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metricRows(report, t, i18n.language).map((row) => (
            <Table.Tr key={row.id} data-testid={`metric-${row.id}`}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              {row.cells.map((cell, i) => (
                <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Experiment } from '../api/experiments-queries';
import { Data } from '../common/Data';
import { formatDate } from '../common/format';
import { ExperimentStatusBadge } from './ExperimentStatusBadge';
import { armShares, formatCount, formatPercentValue } from './experiment-numbers';

/** The experiments, newest first: each one's arms (flow version and share of the customers), its invoices, when it started. */
export function ExperimentsTable({ experiments }: { experiments: Experiment[] }) {
  const { t, i18n } = useTranslation();
  if (experiments.length === 0) return <Text size="sm">{t('experiments.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover data-testid="experiments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('experiments.list.name')}</Table.Th>
            <Table.Th>{t('experiments.list.status')}</Table.Th>
            <Table.Th>{t('experiments.list.arms')}</Table.Th>
            <Table.Th ta="right">{t('experiments.list.invoices')}</Table.Th>
            <Table.Th>{t('experiments.list.started')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {experiments.map((experiment) => {
            const shares = armShares(experiment.arms.map((arm) => arm.weight));
            return (
              <Table.Tr key={experiment.id} data-testid="experiment-row">
                <Table.Td>
                  <Anchor component={Link} to={`/flows/experiments/${experiment.id}`} size="sm" translate="no">
                    {experiment.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ExperimentStatusBadge status={experiment.status} />
                  {experiment.winnerArm && (
                    <Text size="xs" c="dimmed">
                      {t('experiments.list.winner', { key: experiment.winnerArm })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {experiment.arms.map((arm, i) => (
                      <Text key={arm.key} size="sm">
                        {arm.key}: <Data>{arm.flowName}</Data> {t('experiments.version', { version: arm.flowVersion })} · {formatPercentValue(shares[i]!, i18n.language)}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">{formatCount(experiment.invoiceCount, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(experiment.startedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import type { Flow } from '@dunning/flow';
import { Alert, Anchor, Group, Loader, Pagination, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FlowMigration, type MigrationItem, useMigrationItems } from '../../api/flow-migrations-queries';
import { Data } from '../../common/Data';
import { usePaginationNames } from '../../common/pagination';
import { answersStamp, itemsPage, parsePlace, rollbackAnswer, runReasonWords } from './migration-runs';
import { StepPlace } from './StepPlace';

/**
 * A migration's invoices by number, a page at a time: where each stood in the running version, where
 * it went (or that it stayed, and why, in the user's language), and the rollback's answer once one
 * was asked. Asked again when the migration's figures change (the list asks for them while it is under way).
 */
export function MigrationRunInvoices({ migration, fromGraph, toGraph }: { migration: FlowMigration; fromGraph: Flow | undefined; toGraph: Flow | undefined }) {
  const { t } = useTranslation();
  const paginationNames = usePaginationNames();
  const [wanted, setWanted] = useState(1);
  const { page, pages, limit, offset } = itemsPage(wanted, migration.progress.total);
  const items = useMigrationItems(migration.flowId, migration.id, { limit, offset }, answersStamp(migration));
  const { fromVersion: from, toVersion: to } = migration;
  const rolledBack = migration.rolledBackAt !== null;
  if (items.isError) return <Alert color="red">{t('common.loadFailed', { message: (items.error as Error).message })}</Alert>;
  if (!items.data) return <Loader size="xs" />;
  return (
    <>
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} aria-label={t('flowMigrationRuns.invoicesLabel', { from, to })} data-testid="migration-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('flowMigration.invoice')}</Table.Th>
            <Table.Th scope="col">{t('flowMigrationRuns.stood', { version: from })}</Table.Th>
            <Table.Th scope="col">{t('flowMigrationRuns.went', { version: to })}</Table.Th>
            <Table.Th scope="col">{t('flowMigrationRuns.outcome')}</Table.Th>
            {rolledBack && <Table.Th scope="col">{t('flowMigrationRuns.rollbackOutcome')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.data.map((item) => {
            const answer = rollbackAnswer(migration, item);
            return (
              <Table.Tr key={item.invoiceId} data-testid="migration-item" data-outcome={item.outcome ?? ''} data-rollback={answer ?? ''}>
                <Table.Th scope="row" fw={600}>
                  <Anchor component={Link} to={`/invoices/${item.invoiceId}`} size="xs">
                    <Data>{item.number}</Data>
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <StepPlace nodeId={item.fromStep ?? item.plannedFrom} graph={fromGraph} />
                </Table.Td>
                <Table.Td>
                  <Went item={item} toGraph={toGraph} from={from} />
                </Table.Td>
                <Table.Td>
                  {t(`flowMigrationRuns.outcomes.${item.outcome ?? 'pending'}`)}
                  <Reason reason={item.reason} />
                </Table.Td>
                {answer && (
                  <Table.Td>
                    {t(`flowMigrationRuns.rollbackOutcomes.${answer}`, { version: from })}
                    <Reason reason={item.rollbackReason} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="center">
          <Pagination size="xs" total={pages} value={page} onChange={setWanted} {...paginationNames} data-testid="migration-items-pages" />
        </Group>
      )}
    </>
  );
}

/** Where the invoice went in the target version ("before" a step it has not had yet); that it stayed; a dash while it has not answered. */
function Went({ item, toGraph, from }: { item: MigrationItem; toGraph: Flow | undefined; from: number }) {
  const { t } = useTranslation();
  if (item.outcome === 'stayed')
    return (
      <Text span size="xs" c="red.9">
        {t('flowMigration.stays', { version: from })}
      </Text>
    );
  const place = parsePlace(item.toStep);
  if (!place) return item.toStep ? <Data>{item.toStep}</Data> : <>—</>;
  return <StepPlace nodeId={place.nodeId} graph={toGraph} place={place.place === 'before' ? 'before' : 'after'} />;
}

/** The API's reason (English) in the user's words, under the answer. */
function Reason({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <Text size="xs" c="dark.4" data-testid="migration-item-reason">
      {runReasonWords(reason, t)}
    </Text>
  );
}

import type { Flow } from '@dunning/flow';
import { Group, Pagination, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationMove, MigrationStep } from '../../api/flow-migrations-queries';
import { Data } from '../../common/Data';
import { formatDate } from '../../common/format';
import { usePaginationNames } from '../../common/pagination';
import { invoicePage, reasonWords } from './migration-preview';
import { StepPlace } from './StepPlace';

/**
 * The running invoices, a page at a time: where each stands and would stand (or why it cannot
 * move), and its next step with its date now and after the move, in the user's language and time
 * zone. Past the invoices the API dated, the next steps say they were not dated.
 */
export function MigrationInvoicesTable({
  invoices,
  mapping,
  datedInvoices,
  versions,
  fromGraph,
  toGraph,
}: {
  invoices: readonly MigrationMove[];
  mapping: readonly MigrationStep[];
  datedInvoices: number;
  versions: { from: number; to: number };
  fromGraph: Flow | undefined;
  toGraph: Flow | undefined;
}) {
  const { t } = useTranslation();
  const paginationNames = usePaginationNames();
  const [wanted, setWanted] = useState(1);
  const { rows, page, pages } = invoicePage(invoices, wanted);
  return (
    <>
      {datedInvoices < invoices.length && (
        <Text size="xs" c="dimmed" data-testid="migration-dated-note">
          {t('flowMigration.datedNote', { count: datedInvoices })}
        </Text>
      )}
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} aria-label={t('flowMigration.invoicesLabel', versions)} data-testid="migration-invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('flowMigration.invoice')}</Table.Th>
            <Table.Th scope="col">{t('flowMigration.where')}</Table.Th>
            <Table.Th scope="col">{t('flowMigration.next')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ invoice, index }) => {
            const dated = index < datedInvoices;
            const reason = reasonWords(invoice, mapping, versions, t);
            return (
              <Table.Tr key={invoice.invoiceId} data-testid="migration-invoice" data-moves={invoice.to !== null}>
                <Table.Th scope="row" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  <Data>{invoice.number}</Data>
                </Table.Th>
                <Table.Td>
                  <StepPlace nodeId={invoice.from} graph={fromGraph} /> →{' '}
                  {invoice.to === null ? (
                    <Text span size="xs" c="red.9">
                      {t('flowMigration.stays', { version: versions.from })}
                    </Text>
                  ) : (
                    <StepPlace nodeId={invoice.to} graph={toGraph} place={invoice.place} />
                  )}
                  {reason && (
                    <Text size="xs" c="red.9" data-testid="migration-reason">
                      {reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    <NextStep next={invoice.nextBefore} graph={fromGraph} dated={dated} />
                  </Text>
                  {invoice.to !== null && (
                    <Text size="xs" mt={2}>
                      → <NextStep next={invoice.nextAfter} graph={toGraph} dated={dated} />
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="center">
          <Pagination size="xs" total={pages} value={page} onChange={setWanted} {...paginationNames} data-testid="migration-pages" />
        </Group>
      )}
    </>
  );
}

/** A next step and its date; "none, or waits for a person" when there is none; "not dated" past the invoices the API dated. */
function NextStep({ next, graph, dated }: { next: MigrationMove['nextBefore']; graph: Flow | undefined; dated: boolean }) {
  const { t, i18n } = useTranslation();
  if (!dated)
    return (
      <Text span size="xs" c="dimmed">
        {t('flowMigration.notDated')}
      </Text>
    );
  if (!next)
    return (
      <Text span size="xs" c="dimmed">
        {t('flowMigration.noNext')}
      </Text>
    );
  return (
    <Text span size="xs">
      <StepPlace nodeId={next.nodeId} graph={graph} />, <span style={{ whiteSpace: 'nowrap' }}>{formatDate(next.at, i18n.language, true)}</span>
    </Text>
  );
}

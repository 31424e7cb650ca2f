import { Alert, Anchor, Badge, Button, Group, Pagination, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePaginationNames } from '../common/pagination';
import { Link, useSearchParams } from 'react-router-dom';
import { EXCEPTION_KINDS } from '@dunning/domain';
import { type ExceptionFilter, useExceptions } from '../api/queries';
import type { CsvColumn } from '../common/csv-export';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';
import { ExceptionActions } from './ExceptionActions';

/**
 * The exceptions inbox: what needs a person (bounces, missing contacts, failed starts, held flows…),
 * each with what to do, its invoice, and a way out. Filters live in the URL, so the invoice page
 * can link to one invoice's exceptions.
 */
export function ExceptionsPage() {
  const { t, i18n } = useTranslation();
  const paginationNames = usePaginationNames();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const filter: ExceptionFilter = {
    status: params.get('status') === 'resolved' ? 'resolved' : 'open',
    kind: EXCEPTION_KINDS.find((kind) => kind === params.get('kind')),
    invoiceId: params.get('invoiceId') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
  };
  const exceptions = useExceptions(filter);
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  const data = exceptions.data;
  type Row = NonNullable<typeof data>['items'][number];
  const columns: Array<CsvColumn<Row>> = [
    { header: t('exceptions.kind'), value: (e) => labels.kind(e.kind) },
    { header: t('exceptions.invoice'), value: (e) => e.invoiceNumber ?? '' },
    { header: t('common.customer'), value: (e) => e.customerName ?? '' },
    { header: t('exceptions.message'), value: (e) => e.message },
    { header: t('exceptions.lastSeen'), value: (e) => e.updatedAt },
    { header: t('common.status'), value: (e) => (e.status === 'open' ? t('exceptions.open') : t('exceptions.resolved')) },
  ];
  return (
    <Stack>
      <Title order={3}>{t('exceptions.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('exceptions.intro')}
      </Text>
      <Group align="end">
        <SegmentedControl
          value={filter.status!}
          onChange={(v) => set('status', v === 'open' ? null : v)}
          data={[
            { value: 'open', label: t('exceptions.open') },
            { value: 'resolved', label: t('exceptions.resolved') },
          ]}
          data-testid="exception-status"
        />
        <Select
          placeholder={t('exceptions.allKinds')}
          aria-label={t('exceptions.kind')}
          clearable
          data={EXCEPTION_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind) }))}
          value={filter.kind ?? null}
          onChange={(v) => set('kind', v)}
          w={260}
        />
        <ExportCsvButton rows={data?.items ?? []} columns={columns} name={t('lists.files.exceptions')} />
        {filter.invoiceId && (
          <Button variant="subtle" size="xs" onClick={() => set('invoiceId', null)}>
            {t('exceptions.ofInvoice')} · {t('exceptions.showAll')}
          </Button>
        )}
      </Group>
      {exceptions.isError && <Alert color="red">{t('common.loadFailed', { message: (exceptions.error as Error).message })}</Alert>}
      {data && data.items.length === 0 && (
        <Alert color="green" data-testid="exceptions-empty">
          {t('exceptions.empty')}
        </Alert>
      )}
      {data && data.items.length > 0 && (
        <Table verticalSpacing="xs" data-testid="exception-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exceptions.kind')}</Table.Th>
              <Table.Th>{t('exceptions.invoice')}</Table.Th>
              <Table.Th>{t('exceptions.message')}</Table.Th>
              <Table.Th>{t('exceptions.lastSeen')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((e) => (
              <Table.Tr key={e.id} data-testid={`exception-${e.kind}`}>
                <Table.Td maw={320}>
                  <Badge color={e.status === 'open' ? 'orange' : 'gray'} variant="light">
                    {labels.kind(e.kind)}
                  </Badge>
                  <Text size="xs" c="dimmed" mt={4}>
                    {labels.kindHelp(e.kind)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.invoiceId ? (
                    <Anchor component={Link} to={`/invoices/${e.invoiceId}`} size="sm">
                      {e.invoiceNumber ?? e.invoiceId.slice(0, 8)}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                  <Text size="xs" c="dimmed">
                    {e.customerName ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm">{e.message}</Text>
                  {e.nodeId && (
                    <Text size="xs" c="dimmed">
                      {t('exceptions.step', { step: e.nodeId })}
                    </Text>
                  )}
                  {e.resolvedAt && (
                    <Text size="xs" c="dimmed">
                      {t('exceptions.resolvedOn', { date: formatDate(e.resolvedAt, i18n.language, true), resolution: e.resolution ?? '' })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDate(e.updatedAt, i18n.language, true)}</Text>
                  {e.occurrences > 1 && (
                    <Badge size="xs" variant="outline">
                      {t('exceptions.occurrences', { count: e.occurrences })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ExceptionActions exception={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > data.pageSize && (
        <Pagination {...paginationNames} total={Math.ceil(data.total / data.pageSize)} value={filter.page} onChange={(page) => set('page', String(page))} />
      )}
    </Stack>
  );
}

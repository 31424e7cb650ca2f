import { Alert, Anchor, Badge, Group, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePaginationNames } from '../common/pagination';
import { Link, useSearchParams } from 'react-router-dom';
import { CLAIM_AGE_STATES, type ClaimAgeState } from '@dunning/domain';
import { useClaimAgeReport } from '../api/claims-queries';
import { formatDate, formatMoney } from '../common/format';
import { CLAIM_AGE_COLORS } from './ClaimAgeCard';

const PAGE_SIZE = 50;

/**
 * Open claims by days left before their limitation date (Code de commerce L110-4, Code de la
 * consommation L218-2), filtered by state in the URL: in time, in alert, old (créance ancienne).
 */
export function ClaimAgeReportPage() {
  const { t, i18n } = useTranslation();
  const paginationNames = usePaginationNames();
  const [params, setParams] = useSearchParams();
  const state = CLAIM_AGE_STATES.find((s) => s === params.get('state'));
  const page = Number(params.get('page') ?? 1) || 1;
  const report = useClaimAgeReport({ state, page, pageSize: PAGE_SIZE });
  const data = report.data;
  const set = (next: { state?: ClaimAgeState; page?: number }) => {
    const search = new URLSearchParams();
    if (next.state) search.set('state', next.state);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  return (
    <Stack>
      <Title order={3}>{t('legalClaims.reportTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('legalClaims.reportIntro')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={state ?? 'all'}
        onChange={(value) => set({ state: value === 'all' ? undefined : (value as ClaimAgeState) })}
        data={[
          { value: 'all', label: t('legalClaims.allStates') },
          ...CLAIM_AGE_STATES.map((s) => ({ value: s, label: `${t(`legalClaims.state.${s}`)}${data ? ` (${data.counts[s]})` : ''}` })),
        ]}
      />
      {report.isError && <Alert color="red">{t('common.loadFailed', { message: (report.error as Error).message })}</Alert>}
      {data && data.items.length === 0 && <Alert color="gray">{t('legalClaims.empty')}</Alert>}
      {data && data.items.length > 0 && (
        <Table verticalSpacing="xs" data-testid="claim-age-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legalClaims.invoice')}</Table.Th>
              <Table.Th>{t('legalClaims.customer')}</Table.Th>
              <Table.Th>{t('legalClaims.dueDate')}</Table.Th>
              <Table.Th>{t('legalClaims.balance')}</Table.Th>
              <Table.Th>{t('legalClaims.limitationDate')}</Table.Th>
              <Table.Th>{t('legalClaims.daysLeft')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((line) => (
              <Table.Tr key={line.invoiceId} data-testid={`claim-age-${line.number}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${line.invoiceId}`} size="sm">
                    {line.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{line.customerName}</Table.Td>
                <Table.Td>{formatDate(line.dueDate, i18n.language)}</Table.Td>
                <Table.Td>{formatMoney(line.balance, line.currency, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(line.limitationDate, i18n.language)}</Table.Td>
                <Table.Td>{t('legalClaims.daysLeftValue', { count: line.daysLeft })}</Table.Td>
                <Table.Td>
                  <Badge color={CLAIM_AGE_COLORS[line.state]}>{t(`legalClaims.state.${line.state}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > PAGE_SIZE && (
        <Group justify="center">
          <Pagination {...paginationNames} total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={(p) => set({ state, page: p })} />
        </Group>
      )}
    </Stack>
  );
}

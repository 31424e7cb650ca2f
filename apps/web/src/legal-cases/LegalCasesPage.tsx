import { Alert, Anchor, Badge, Button, Drawer, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePaginationNames } from '../common/pagination';
import { Link, useSearchParams } from 'react-router-dom';
import { LEGAL_CASE_STAGES, LEGAL_ROUTES } from '@dunning/domain';
import { type LegalCaseFilter, useLegalCases } from '../api/legal-cases-queries';
import { formatDate, formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import { LegalCaseDetail } from './LegalCaseDetail';

/**
 * The court routes' cases (simplified procedure, order for payment): filtered by stage and route in
 * the URL, each opened in a drawer to download its dossier and request, follow its stages and
 * record the next one or a legal fee.
 */
export function LegalCasesPage() {
  const { t, i18n } = useTranslation();
  const paginationNames = usePaginationNames();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const filter: LegalCaseFilter = {
    stage: LEGAL_CASE_STAGES.find((s) => s === params.get('stage')),
    route: LEGAL_ROUTES.find((r) => r === params.get('route')),
    page: Number(params.get('page') ?? 1) || 1,
  };
  const selected = params.get('case');
  const cases = useLegalCases(filter);
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page' && name !== 'case') next.delete('page');
    setParams(next);
  };
  const data = cases.data;
  return (
    <Stack>
      <Title order={3}>{t('legalCases.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('legalCases.intro')}
      </Text>
      <Group align="end">
        <Select
          placeholder={t('legalCases.allRoutes')}
          aria-label={t('legalCases.route')}
          clearable
          data={LEGAL_ROUTES.map((r) => ({ value: r, label: labels.legalRoute(r) }))}
          value={filter.route ?? null}
          onChange={(v) => set('route', v)}
          w={280}
        />
        <Select
          placeholder={t('legalCases.allStages')}
          aria-label={t('legalCases.stage')}
          clearable
          data={LEGAL_CASE_STAGES.map((s) => ({ value: s, label: labels.legalStage(s) }))}
          value={filter.stage ?? null}
          onChange={(v) => set('stage', v)}
          w={240}
        />
      </Group>
      {cases.isError && <Alert color="red">{t('common.loadFailed', { message: (cases.error as Error).message })}</Alert>}
      {data && data.items.length === 0 && <Alert color="gray">{t('legalCases.empty')}</Alert>}
      {data && data.items.length > 0 && (
        <Table verticalSpacing="xs" data-testid="legal-case-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legalCases.invoice')}</Table.Th>
              <Table.Th>{t('legalCases.route')}</Table.Th>
              <Table.Th>{t('legalCases.stage')}</Table.Th>
              <Table.Th>{t('legalCases.claimed')}</Table.Th>
              <Table.Th>{t('legalCases.deadline')}</Table.Th>
              <Table.Th>{t('legalCases.opened')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((c) => (
              <Table.Tr key={c.id} data-testid={`legal-case-${c.invoiceNumber}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${c.invoiceId}`} size="sm">
                    {c.invoiceNumber}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {c.customerName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{labels.legalRoute(c.route)}</Text>
                  {c.court && (
                    <Text size="xs" c="dimmed">
                      {labels.court(c.court)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{labels.legalStage(c.stage)}</Badge>
                </Table.Td>
                <Table.Td>{formatMoney(c.principal + c.interest + c.fees, c.currency, i18n.language)}</Table.Td>
                <Table.Td>{c.deadline ? formatDate(c.deadline, i18n.language, true) : '—'}</Table.Td>
                <Table.Td>{formatDate(c.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => set('case', c.id)}>
                    {t('legalCases.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > data.pageSize && (
        <Pagination {...paginationNames} total={Math.ceil(data.total / data.pageSize)} value={filter.page} onChange={(page) => set('page', String(page))} />
      )}
      <Drawer
        opened={Boolean(selected)}
        onClose={() => set('case', null)}
        position="right"
        size="lg"
        title={t('legalCases.title')}
        closeButtonProps={{ 'aria-label': t('legalCases.close') }}
      >
        {selected && <LegalCaseDetail id={selected} />}
      </Drawer>
    </Stack>
  );
}

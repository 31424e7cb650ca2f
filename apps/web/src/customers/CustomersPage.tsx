import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { scoreBand } from '@dunning/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from '../api/customer-queries';
import { formatMoney } from '../common/format';
import { BAND_COLORS } from '../solvency/score-bands';
import { CustomerLink } from './CustomerLink';

/** Every customer by name, searched by part of it, each a link to its page; pages of 100 (keyset). */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The pages seen so far: each starts after the last customer of the previous one.
  const [pages, setPages] = useState<Array<{ name: string; id: string } | undefined>>([undefined]);
  const after = pages[pages.length - 1];
  const customers = useCustomerSearch(debounced, after);
  const rows = customers.data ?? [];
  return (
    <Stack>
      <Title order={2}>{t('customerPage.listTitle')}</Title>
      <TextInput
        label={t('customerPage.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPages([undefined]);
        }}
        maw={400}
        data-testid="customer-search"
      />
      {customers.isError && <Alert color="red">{t('common.loadFailed', { message: (customers.error as Error).message })}</Alert>}
      {customers.isLoading && <Loader size="sm" />}
      {customers.data && rows.length === 0 && <Text c="dimmed">{t('customerPage.noCustomer')}</Text>}
      {rows.length > 0 && (
        <Table striped fz="sm" data-testid="customer-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customerPage.name')}</Table.Th>
              <Table.Th>{t('customerPage.reference')}</Table.Th>
              <Table.Th>{t('customerPage.segment')}</Table.Th>
              <Table.Th>{t('customerPage.score')}</Table.Th>
              <Table.Th ta="right">{t('customerPage.creditLimit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <CustomerLink id={c.id} name={c.name} size="sm" />
                </Table.Td>
                <Table.Td>{c.reference}</Table.Td>
                <Table.Td>{c.segment ?? '—'}</Table.Td>
                <Table.Td>
                  {c.riskScore !== null ? (
                    <Badge variant="light" color={BAND_COLORS[scoreBand(c.riskScore)]}>
                      {c.riskScore}/10 — {t(`solvency.bands.${scoreBand(c.riskScore)}`)}
                    </Badge>
                  ) : (
                    t('customerPage.unscored')
                  )}
                </Table.Td>
                <Table.Td ta="right">{c.creditLimit !== null && c.creditLimitCurrency ? formatMoney(c.creditLimit, c.creditLimitCurrency, i18n.language) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        {pages.length > 1 && (
          <Button variant="default" size="xs" onClick={() => setPages((p) => p.slice(0, -1))}>
            {t('customerPage.previous')}
          </Button>
        )}
        {rows.length === 100 && (
          <Button variant="default" size="xs" onClick={() => setPages((p) => [...p, { name: rows[rows.length - 1]!.name, id: rows[rows.length - 1]!.id }])}>
            {t('customerPage.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

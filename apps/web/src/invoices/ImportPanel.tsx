import { Alert, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../api/http';
import { useImportStatus } from '../api/queries';
import type { ImportStatus } from '../api/types';

/** Uploads a CSV/XLSX; shows the import's progress, then what was imported or every bad line. */
export function ImportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [batchId, setBatchId] = useState<string>();
  const [error, setError] = useState<string>();
  const status = useImportStatus(batchId);
  const upload = async () => {
    if (!file) return;
    setError(undefined);
    const form = new FormData();
    form.append('file', file);
    try {
      const batch = await http<ImportStatus>('/api/invoices/import', { method: 'POST', body: form });
      setBatchId(batch.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const data = status.data;
  const done = data && ['succeeded', 'rejected', 'failed'].includes(data.status);
  // Once the import is written, the invoice list shows the new invoices.
  useEffect(() => {
    if (data?.status === 'succeeded') void client.invalidateQueries({ queryKey: ['invoices'] });
  }, [client, data?.status]);
  const percent = data ? (data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : done ? 100 : 0) : 0;
  return (
    <Stack gap="xs">
      <Group align="end">
        <FileInput label={t('invoices.import')} accept=".csv,.xlsx" value={file} onChange={setFile} w={320} data-testid="import-file" />
        <Button onClick={upload} disabled={!file} data-testid="import-submit">
          {t('invoices.import')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && (
        <Stack gap={4} data-testid="import-progress">
          <Text size="sm">
            {t('invoices.importing')}: {data.processedRows}/{data.totalRows} ({t(`invoices.importStatuses.${data.status}`)})
          </Text>
          <Progress value={percent} animated={!done} aria-label={t('invoices.importing')} />
          {data.status === 'succeeded' && (
            <Alert color="green" data-testid="import-result">
              {t('invoices.imported', { inserted: data.insertedInvoices, unchanged: data.unchangedInvoices })}
            </Alert>
          )}
          {data.status === 'rejected' && (
            <Alert color="red" title={t('invoices.rejected')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('invoices.line')}</Table.Th>
                    <Table.Th>{t('invoices.field')}</Table.Th>
                    <Table.Th>{t('invoices.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.errors.slice(0, 200).map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.field}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}

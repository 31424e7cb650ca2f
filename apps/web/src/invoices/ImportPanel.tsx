import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../api/http';
import { useImportStatus } from '../api/queries';
import type { ImportAnswer, ImportPreview } from '../api/types';
import { describeError } from '../common/errors';
import { ImportMappingStep } from './ImportMappingStep';
import { type Choices, type NeedsMapping, buildMapping, importForm, initialChoices, isNeedsMapping, templateUrl, unreadableFile } from './import-mapping';

type Problem = { kind: 'unreadable'; message: string } | { kind: 'other'; message: string };

/**
 * Uploads a CSV/XLSX. When the API does not recognise every column, the mapping step asks which
 * field each column is (and can save the answer); then the import's progress, and what was
 * imported or every bad line. A file the API cannot read is named, with what to do about it.
 */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [batchId, setBatchId] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [analysis, setAnalysis] = useState<NeedsMapping>();
  const [choices, setChoices] = useState<Choices>({});
  const [saveAs, setSaveAs] = useState('');
  const [busy, setBusy] = useState(false);
  const status = useImportStatus(batchId);

  const showAnalysis = (next: NeedsMapping) => {
    setAnalysis(next);
    setChoices(initialChoices(next.columns));
  };
  const fail = (error: unknown) => {
    const unreadable = unreadableFile(error);
    setProblem(unreadable ? { kind: 'unreadable', message: unreadable.message } : { kind: 'other', message: describeError(error).message });
  };
  const send = async (options: Parameters<typeof importForm>[1] = {}) => {
    if (!file) return;
    setProblem(undefined);
    setBusy(true);
    try {
      const answer = await http<ImportAnswer>('/api/invoices/import', { method: 'POST', body: importForm(file, { fileName: file.name, ...options }) });
      if (isNeedsMapping(answer)) {
        setBatchId(undefined);
        showAnalysis(answer);
      } else {
        setAnalysis(undefined);
        setSaveAs('');
        setBatchId(answer.id);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const upload = () => {
    setAnalysis(undefined);
    void send();
  };
  const importMapped = () => {
    if (analysis) void send({ mapping: buildMapping(analysis.columns, choices), saveMappingAs: saveAs });
  };
  // A saved mapping fills the form (through the preview: nothing is imported until the user confirms).
  const applySaved = async (name: string) => {
    if (!file) return;
    setProblem(undefined);
    try {
      const preview = await http<ImportPreview>('/api/invoices/import/preview', { method: 'POST', body: importForm(file, { fileName: file.name, mappingName: name }) });
      showAnalysis({ ...preview, savedMapping: name });
    } catch (e) {
      fail(e);
    }
  };
  const chooseFile = (next: File | null) => {
    setFile(next);
    setAnalysis(undefined);
    setProblem(undefined);
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
        <FileInput label={t('invoices.import')} accept=".csv,.xlsx" value={file} onChange={chooseFile} w={320} data-testid="import-file" />
        <Button onClick={upload} disabled={!file} loading={busy && !analysis} data-testid="import-submit">
          {t('invoices.import')}
        </Button>
        <Anchor href={templateUrl(i18n.language)} download size="sm" data-testid="import-template">
          {t('imports.template')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t('imports.templateHelp')}
      </Text>
      {problem?.kind === 'unreadable' && (
        <Alert color="red" title={t('imports.unreadable')} data-testid="import-unreadable">
          <Text size="sm">{problem.message}</Text>
          <Text size="sm">{t('imports.unreadableHelp')}</Text>
        </Alert>
      )}
      {problem?.kind === 'other' && (
        <Alert color="red" data-testid="import-error">
          {problem.message}
        </Alert>
      )}
      {analysis && (
        <ImportMappingStep
          analysis={analysis}
          choices={choices}
          onChoose={(header, choice) => setChoices((current) => ({ ...current, [header]: choice }))}
          saveAs={saveAs}
          onSaveAs={setSaveAs}
          onApplySaved={(name) => void applySaved(name)}
          onSubmit={importMapped}
          onCancel={() => setAnalysis(undefined)}
          busy={busy}
        />
      )}
      {data && !analysis && (
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
          {data.status === 'succeeded' && data.flaggedInvoices > 0 && (
            <Alert color="orange" data-testid="import-flagged-terms">
              {t('terms.importFlagged', { count: data.flaggedInvoices })}
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

import { Alert, Button, Card, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { type ScoreImportResult, useImportScores } from '../api/solvency-queries';
import { describeError } from '../common/errors';

type LineProblem = { line?: number; field: string; message: string };

/** A CSV or XLSX of scores: every line checked by the API; all imported, or nothing and every bad line listed. */
export function ScoreImportCard() {
  const { t } = useTranslation();
  const importScores = useImportScores();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ScoreImportResult>();
  const [problems, setProblems] = useState<LineProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const submit = async () => {
    if (!file) return;
    setResult(undefined);
    setProblems([]);
    setFailure(undefined);
    try {
      setResult(await importScores.mutateAsync(file));
    } catch (error) {
      const listed = error instanceof ApiError ? ((error.body as { problems?: LineProblem[] } | undefined)?.problems ?? []) : [];
      if (listed.length > 0) setProblems(listed);
      else setFailure(describeError(error).message);
    }
  };
  return (
    <Card withBorder data-testid="score-import">
      <Title order={5} mb="xs">
        {t('solvency.importTitle')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('solvency.importHelp')}
        </Text>
        <FileInput accept=".csv,.txt,.xlsx" value={file} onChange={setFile} placeholder="scores.csv" clearable />
        <Button onClick={submit} disabled={!file} loading={importScores.isPending} w="fit-content">
          {t('solvency.importSubmit')}
        </Button>
        {result && <Alert color="green">{t('solvency.imported', result)}</Alert>}
        {failure && <Alert color="red">{failure}</Alert>}
        {problems.length > 0 && (
          <Alert color="red" title={t('solvency.importProblems')}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('solvency.line')}</Table.Th>
                  <Table.Th>{t('solvency.field')}</Table.Th>
                  <Table.Th>{t('solvency.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.slice(0, 200).map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.line ?? ''}</Table.Td>
                    <Table.Td>{p.field}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../common/errors';
import { localDateToday } from '../common/format';
import { notifySuccess } from '../common/notify';
import { downloadReport } from '../common/download';

/**
 * The journal (CSV) and the FEC of a period, downloaded through fetch so that a refusal — the FEC's
 * 422 when the company's SIREN is not configured — is shown here with the API's message.
 */
export function BooksExportsCard() {
  const { t } = useTranslation();
  const today = localDateToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<string>();
  const [notes, setNotes] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const download = async (kind: 'journal' | 'fec') => {
    setProblem(undefined);
    setNotes(undefined);
    setBusy(kind);
    const query = new URLSearchParams({ from, to });
    try {
      const { fileName, headers } = await downloadReport(
        kind === 'journal' ? `/api/reports/journal.csv?${query}` : `/api/reports/fec?${query}`,
        kind === 'journal' ? `journal-${from}-${to}.csv` : `FEC-${to}.txt`,
      );
      notifySuccess(t('books.downloaded', { file: fileName }));
      const excluded = headers.get('X-Fec-Excluded-Currencies');
      if (excluded) setNotes(t('books.excluded', { currencies: excluded }));
    } catch (error) {
      setProblem(describeError(error).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card withBorder data-testid="books-exports">
      <Title order={5}>{t('books.exports')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('books.fecHelp')}
      </Text>
      <Group align="end">
        <TextInput type="date" label={t('common.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('common.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button variant="light" onClick={() => void download('journal')} loading={busy === 'journal'} disabled={!from || !to} data-testid="download-journal">
          {t('books.journal')}
        </Button>
        <Button variant="light" onClick={() => void download('fec')} loading={busy === 'fec'} disabled={!from || !to} data-testid="download-fec">
          {t('books.fec')}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" mt="sm" withCloseButton onClose={() => setProblem(undefined)} data-testid="export-problem">
          {problem}
        </Alert>
      )}
      {notes && (
        <Alert color="yellow" mt="sm">
          {notes}
        </Alert>
      )}
    </Card>
  );
}

import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvColumn, csvFileName, listCsv } from './csv-export';
import { saveFile } from './download';
import { localDateToday } from './format';
import { notifySuccess, useNotifyError } from './notify';

/**
 * "Export CSV" for a list the page already holds: every row given, the columns' headers in the
 * user's language, French with ";" and a decimal comma. `name`: the file's name before its date.
 */
export function ExportCsvButton<T>({ rows, columns, name, testId = 'export-csv' }: { rows: readonly T[]; columns: ReadonlyArray<CsvColumn<T>>; name: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    try {
      const file = csvFileName(name, localDateToday());
      saveFile(new Blob([listCsv(columns, rows, i18n.language)], { type: 'text/csv;charset=utf-8' }), file);
      notifySuccess(t('lists.exported', { count: rows.length, file }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="default" onClick={save} loading={busy} data-testid={testId}>
      {t('lists.exportCsv')}
    </Button>
  );
}

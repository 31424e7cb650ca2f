import { Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateToday } from '../common/format';
import { AgedBalanceCard } from './AgedBalanceCard';
import { BooksExportsCard } from './BooksExportsCard';
import { TrialBalanceCard } from './TrialBalanceCard';

/** The books as an accountant reads them: trial balance and aged balance as of a date, the journal and the FEC. */
export function BooksPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(localDateToday());
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={3}>{t('books.title')}</Title>
        <TextInput type="date" label={t('books.asOf')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} data-testid="books-as-of" />
      </Group>
      <TrialBalanceCard asOf={asOf} />
      <AgedBalanceCard asOf={asOf} />
      <BooksExportsCard />
    </Stack>
  );
}

import { Alert, Button, Card, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddCustomerNote, useCustomerNotes } from '../api/customer-queries';
import { formatDate } from '../common/format';
import { notifySuccess, useNotifyError } from '../common/notify';

/** What people wrote about the customer, newest first with author and date, and a field to add a note (cleared once saved). */
export function CustomerNotesCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useCustomerNotes(customerId);
  const add = useAddCustomerNote(customerId);
  const notifyError = useNotifyError();
  const [body, setBody] = useState('');
  const submit = async () => {
    if (!body.trim()) return;
    try {
      await add.mutateAsync({ body: body.trim() });
      setBody('');
      notifySuccess(t('customerPage.noteAdded'));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card withBorder data-testid="customer-notes">
      <Title order={3} size="h5" mb="xs">
        {t('customerPage.notes')}
      </Title>
      <Stack gap={6} component="form" onSubmit={(e) => (e.preventDefault(), void submit())} mb="sm">
        <Textarea label={t('customerPage.newNote')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={4000} data-testid="note-body" />
        <Button type="submit" size="xs" disabled={!body.trim()} loading={add.isPending} data-testid="note-submit" style={{ alignSelf: 'start' }}>
          {t('customerPage.addNote')}
        </Button>
      </Stack>
      {notes.isError && <Alert color="red">{t('common.loadFailed', { message: (notes.error as Error).message })}</Alert>}
      {!notes.data && !notes.isError && <Loader size="sm" />}
      {notes.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('customerPage.noNote')}
        </Text>
      )}
      <Stack gap="xs" data-testid="note-list">
        {notes.data?.map((note) => (
          <div key={note.id}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
            <Text size="xs" c="dimmed">
              {t('customerPage.noteBy', { author: note.authorName ?? t('customerPage.unknownAuthor'), date: formatDate(note.createdAt, i18n.language, true) })}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useExceptionAction } from '../api/queries';
import type { DunningException } from '../api/types';
import { notifySuccess, useNotifyError } from '../common/notify';
import { exceptionActions } from './exception-actions';

/** Retry, skip the held step (with a reason), mark resolved (saying what was done); a 409/422 is shown as the API says it. */
export function ExceptionActions({ exception }: { exception: DunningException }) {
  const { t } = useTranslation();
  const action = useExceptionAction();
  const notifyError = useNotifyError();
  const [asking, setAsking] = useState<'skip' | 'resolve'>();
  const [text, setText] = useState('');
  const offered = exceptionActions(exception);
  const run = (kind: 'retry' | 'skip' | 'resolve', body?: { reason: string } | { resolution: string }) =>
    action.mutate(
      { id: exception.id, action: kind, body },
      {
        onError: notifyError,
        onSuccess: () => {
          notifySuccess(t(kind === 'retry' ? 'exceptions.retried' : kind === 'skip' ? 'exceptions.skipped' : 'exceptions.markedResolved'));
          setAsking(undefined);
          setText('');
        },
      },
    );
  return (
    <Group gap={4} wrap="nowrap">
      {offered.settings && (
        <Button component={Link} to="/settings" size="compact-xs" variant="light" color="grape" data-testid="exception-settings">
          {t('exceptions.openSettings')}
        </Button>
      )}
      {offered.retry && (
        <Button size="compact-xs" onClick={() => run('retry')} loading={action.isPending && action.variables?.action === 'retry'} data-testid="exception-retry">
          {t('exceptions.retry')}
        </Button>
      )}
      {offered.skip && (
        <Button size="compact-xs" variant="light" onClick={() => setAsking('skip')} data-testid="exception-skip">
          {t('exceptions.skip')}
        </Button>
      )}
      {offered.resolve && (
        <Button size="compact-xs" variant="default" onClick={() => setAsking('resolve')} data-testid="exception-resolve">
          {t('exceptions.resolve')}
        </Button>
      )}
      <Modal opened={!!asking} onClose={() => setAsking(undefined)} title={asking === 'skip' ? t('exceptions.skip') : t('exceptions.resolve')}>
        <Stack
          component="form"
          gap="sm"
          onSubmit={(e) => (e.preventDefault(), text.trim() && run(asking!, asking === 'skip' ? { reason: text.trim() } : { resolution: text.trim() }))}
        >
          <TextInput
            label={asking === 'skip' ? t('exceptions.skipReason') : t('exceptions.resolution')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            data-autofocus
            data-testid="exception-text"
          />
          <Group justify="end">
            <Button variant="default" onClick={() => setAsking(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!text.trim()} loading={action.isPending} data-testid="exception-confirm">
              {asking === 'skip' ? t('exceptions.skip') : t('exceptions.resolve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MigrationPreviewBody, useApplyMigration } from '../../api/flow-migrations-queries';
import { describeError } from '../../common/errors';
import { migrationErrorWords } from './migration-runs';

/**
 * Applies the dry run shown, after a confirmation: the very body it was asked with (versions and the
 * steps mapped by hand), so what moves is what the person read. Disabled until a dry run is shown,
 * while another is on its way, or when no invoice runs the version. `onApplied`: the dry run shown is
 * then out of date (the invoices start moving).
 */
export function MigrationApply({
  flowId,
  body,
  invoices,
  staying,
  busy,
  onApplied,
}: {
  flowId: string;
  body: MigrationPreviewBody | undefined;
  invoices: number;
  staying: number;
  busy: boolean;
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const apply = useApplyMigration(flowId);
  const [confirming, setConfirming] = useState(false);
  const confirm = () => {
    if (!body) return;
    apply.mutate(body, {
      onSuccess: onApplied,
      // The answer is said under the button, where the person looks after the dialog closes.
      onSettled: () => setConfirming(false),
    });
  };
  const error = apply.isError ? { title: t(`errors.${describeError(apply.error, t).kind}`), message: migrationErrorWords(apply.error, t) } : undefined;
  return (
    <>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => {
            apply.reset();
            setConfirming(true);
          }}
          disabled={!body || busy || invoices === 0}
          loading={apply.isPending}
          data-testid="migration-apply"
        >
          {t('flowMigration.apply')}
        </Button>
      </Group>
      {apply.isSuccess && (
        <Alert color="green" p="xs" data-testid="migration-applied">
          <Text size="xs">{t('flowMigration.applied')}</Text>
        </Alert>
      )}
      {error && (
        <Alert color="red" title={error.title} data-testid="migration-apply-error">
          {error.message}
        </Alert>
      )}
      <Modal opened={confirming && !!body} onClose={() => setConfirming(false)} title={t('flowMigration.confirmTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {body && (
          <Stack gap="sm" data-testid="migration-apply-dialog">
            <Text size="sm">{t('flowMigration.confirm', { count: invoices, from: body.fromVersion, to: body.toVersion })}</Text>
            {staying > 0 && <Text size="sm">{t('flowMigration.confirmStaying', { count: staying, version: body.fromVersion })}</Text>}
            <Text size="sm" c="dimmed">
              {t('flowMigration.confirmNote', { to: body.toVersion })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={apply.isPending} onClick={confirm} data-testid="migration-apply-confirm">
                {t('flowMigration.confirmButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSettings } from '../api/queries';

/** Said on the dashboard and the settings page while no creditor identity is set (messages would be signed "Your company"). */
export function CreditorWarning({ withLink = true }: { withLink?: boolean }) {
  const { t } = useTranslation();
  const settings = useSettings();
  if (settings.data?.creditorStatus !== 'missing') return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('adminSettings.warning.title')} data-testid="creditor-warning">
      {t('adminSettings.warning.body')}{' '}
      {withLink && (
        <Anchor component={Link} to="/settings#creditor-identity" c="dark.8" underline="always">
          {t('adminSettings.warning.action')}
        </Anchor>
      )}
    </Alert>
  );
}

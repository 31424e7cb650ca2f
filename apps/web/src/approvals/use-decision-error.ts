import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useNotifyError } from '../common/notify';

/**
 * A decision refused: 409 means someone else decided, or the deadline passed, while the page was
 * open — said in the user's words (the API's are English); anything else as every refusal is.
 */
export function useDecisionError() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 409) notifications.show({ color: 'orange', title: t('errors.conflict'), message: t('approvals.problems.gone') });
      else notifyError(error);
    },
    [t, notifyError],
  );
}

import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';

/** Shows an API refusal as a red notification: a translated title, and each field problem in the user's words. */
export function useNotifyError() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const { kind, message } = describeError(error, t);
      notifications.show({ color: 'red', title: t(`errors.${kind}`), message });
    },
    [t],
  );
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

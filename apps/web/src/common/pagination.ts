import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Names for a Mantine Pagination's arrows and page buttons, for screen readers (spread into <Pagination>). */
export function usePaginationNames() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({ 'aria-label': t(`access.pagination.${control}`) }),
      getItemProps: (page: number) => ({ 'aria-label': t('access.pagination.page', { page }) }),
    }),
    [t],
  );
}

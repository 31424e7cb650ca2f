import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Experiment } from '../api/experiments-queries';

/** Running or stopped, in words and colour. */
export function ExperimentStatusBadge({ status, ...props }: { status: Experiment['status'] } & BadgeProps & { 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'running' ? 'blue' : 'gray'} {...props}>
      {t(`experiments.statuses.${status}`)}
    </Badge>
  );
}

import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_COLORS, useLabels } from './labels';

/** A receivable's status in words and colour. */
export function StatusBadge({ status, ...props }: { status: string } & BadgeProps & { 'data-testid'?: string }) {
  const labels = useLabels();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} {...props}>
      {labels.status(status)}
    </Badge>
  );
}

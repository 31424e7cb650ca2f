import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUndecidedApprovalCount } from '../api/approvals-queries';

/** Beside the queue's entry in the navigation: how many messages wait for a decision (none: nothing shown). */
export function ApprovalsNavBadge() {
  const { t } = useTranslation();
  const waiting = useUndecidedApprovalCount(true);
  if (!waiting.data?.count) return null;
  // A full page read: at least that many.
  const shown = waiting.data.more ? `${waiting.data.count}+` : String(waiting.data.count);
  return (
    <Badge size="sm" color="orange" circle={shown.length === 1} aria-label={t('approvals.waiting', { count: waiting.data.count })} data-testid="approvals-waiting">
      {shown}
    </Badge>
  );
}

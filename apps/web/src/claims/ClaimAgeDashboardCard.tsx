import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useClaimAgeReport } from '../api/claims-queries';

/** How many open claims are near their limitation date (alert) or past it (old claims: créances anciennes). */
export function ClaimAgeDashboardCard() {
  const { t } = useTranslation();
  const report = useClaimAgeReport({ page: 1, pageSize: 1 });
  const counts = report.data?.counts ?? { ok: 0, alert: 0, old: 0 };
  return (
    <Card withBorder data-testid="claim-age-dashboard">
      <Text c="dimmed" size="sm">
        {t('legalClaims.dashboardTitle')}
      </Text>
      <Group gap="xs" my="xs">
        <Badge color="orange" size="lg" data-testid="claims-in-alert">
          {t('legalClaims.dashboardAlert', { count: counts.alert })}
        </Badge>
        <Badge color="red" size="lg" data-testid="claims-old">
          {t('legalClaims.dashboardOld', { count: counts.old })}
        </Badge>
      </Group>
      <Anchor component={Link} to="/claim-age" size="sm">
        {t('legalClaims.dashboardLink')} →
      </Anchor>
    </Card>
  );
}

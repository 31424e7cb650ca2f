import { Card, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExperimentReport } from '../api/experiments-queries';
import { ArmBarChart } from './ArmBarChart';
import { reportCharts } from './report-charts';

/** One chart per metric: recovery rate with its interval, days to pay, effort per 1 000 recovered, incidents. */
export function ExperimentCharts({ report }: { report: ExperimentReport }) {
  const { t, i18n } = useTranslation();
  const armKeys = report.arms.map((arm) => arm.key);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {reportCharts(report, t, i18n.language).map((spec) => (
        <Card withBorder key={spec.id}>
          <ArmBarChart spec={spec} armKeys={armKeys} />
        </Card>
      ))}
    </SimpleGrid>
  );
}

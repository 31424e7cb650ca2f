import { Alert, Anchor, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useExperimentReport } from '../api/experiments-queries';
import { Data } from '../common/Data';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { ArmMetricsTable } from './ArmMetricsTable';
import { ExperimentCharts } from './ExperimentCharts';
import { ExperimentStatusBadge } from './ExperimentStatusBadge';
import { StopExperiment } from './StopExperiment';
import { formatCount, pluralCount } from './experiment-numbers';
import { verdictSentence } from './verdict-words';

/** One experiment's report: the verdict in a sentence, every metric per arm in a table and in charts, and the stop. */
export function ExperimentReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  // Until one is typed (empty too), the experiment's most common currency, as the API picks it.
  const [currency, setCurrency] = useState<string | undefined>();
  const report = useExperimentReport(id, currency ?? '');
  const data = report.data;
  const experiment = data?.experiment;
  return (
    <Stack>
      <Anchor component={Link} to="/flows/experiments" size="sm">
        ← {t('experiments.allExperiments')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={3}>{experiment ? <Data>{experiment.name}</Data> : t('experiments.report.title')}</Title>
          {experiment && <ExperimentStatusBadge status={experiment.status} data-testid="experiment-status" />}
        </Group>
        <TextInput
          label={t('common.currency')}
          description={t('experiments.report.currencyHelp')}
          w={200}
          maxLength={3}
          value={currency ?? data?.currency ?? ''}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
        />
      </Group>
      {report.isLoading && <Loader size="sm" />}
      {report.isError && (
        <Alert color="red" title={t(`errors.${describeError(report.error, t).kind}`)}>
          {describeError(report.error, t).message}
        </Alert>
      )}
      {data && experiment && (
        <>
          <Text size="sm" c="dimmed">
            {t('experiments.report.started', { date: formatDate(experiment.startedAt, i18n.language, true) })}
            {experiment.stoppedAt && ` · ${t('experiments.report.stopped', { date: formatDate(experiment.stoppedAt, i18n.language, true) })}`}
            {' · '}
            {t('experiments.report.invoices', { count: pluralCount(experiment.invoiceCount), value: formatCount(experiment.invoiceCount, i18n.language) })}
          </Text>
          {experiment.status === 'stopped' && experiment.winnerArm && (
            <Alert color="gray" data-testid="experiment-winner">
              {t('experiments.report.winner', { key: experiment.winnerArm })}
            </Alert>
          )}
          {!experiment.ruleId && <Alert color="orange">{t('experiments.report.ruleDeleted')}</Alert>}
          <Alert color={data.verdict.kind === 'better' ? 'teal' : 'blue'} title={t('experiments.report.verdict')} data-testid="experiment-verdict">
            {verdictSentence(data.verdict, t, i18n.language)}
          </Alert>
          {data.otherCurrencyInvoices > 0 && (
            <Text size="sm" c="dimmed">
              {t('experiments.report.otherCurrencies', {
                count: pluralCount(data.otherCurrencyInvoices),
                value: formatCount(data.otherCurrencyInvoices, i18n.language),
                currency: data.currency,
              })}
            </Text>
          )}
          {experiment.status === 'running' && <StopExperiment report={data} />}
          <ArmMetricsTable report={data} />
          <ExperimentCharts report={data} />
        </>
      )}
    </Stack>
  );
}

import { Alert, Loader, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStepRecovery } from '../api/step-recovery-queries';
import type { FlowVersion } from '../api/types';
import { Data } from '../common/Data';
import { formatMoney } from '../common/format';
import { formatCount } from '../experiments/experiment-numbers';
import { DEFAULT_RECOVERY_WINDOW, RECOVERY_WINDOWS, defaultVersion, rateBar, rateText, recoveryByVersion, stepKindWords } from './step-recovery';

/**
 * Which step pays: for a published version of this flow, each step with the invoices that ran it,
 * what they still owed then, what they paid within the window after it, the rate and how many were
 * settled. Mounted while its tab is open, so the report is asked for only then.
 */
export function StepRecoveryPanel({ flowId, versions }: { flowId: string; versions: FlowVersion[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [days, setDays] = useState<number>(DEFAULT_RECOVERY_WINDOW);
  const [chosen, setChosen] = useState<string | null>(null);
  const report = useStepRecovery(days, flowId);
  const groups = recoveryByVersion(report.data?.rows ?? [], flowId, versions);
  const selected = groups.find((group) => String(group.version) === chosen) ?? groups.find((group) => group.version === defaultVersion(groups));
  const shownDays = report.data?.days ?? days;
  return (
    <Stack gap="sm" data-testid="step-recovery">
      <Text fw={600} component="h3" size="sm" m={0}>
        {t('stepRecovery.title')}
      </Text>
      <Text size="xs" c="dimmed" data-testid="step-recovery-rule">
        {t('stepRecovery.rule', { days })}
      </Text>
      <Stack gap={4}>
        <Text size="xs" fw={500} id="step-recovery-window">
          {t('stepRecovery.window')}
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-labelledby="step-recovery-window"
          value={String(days)}
          onChange={(value) => setDays(Number(value))}
          data={RECOVERY_WINDOWS.map((window) => ({ value: String(window), label: t('stepRecovery.days', { days: window }) }))}
          data-testid="step-recovery-window"
        />
      </Stack>
      {groups.length > 0 && (
        <Select
          size="xs"
          label={t('stepRecovery.version')}
          data={groups.map((group) => ({ value: String(group.version), label: t('stepRecovery.versionOption', { version: group.version }) }))}
          value={selected ? String(selected.version) : null}
          onChange={setChosen}
          allowDeselect={false}
          data-testid="step-recovery-version"
        />
      )}
      {report.isError && !report.data ? (
        <Alert color="red">{t('common.loadFailed', { message: (report.error as Error).message })}</Alert>
      ) : report.isPending ? (
        <Loader size="sm" />
      ) : !selected ? (
        <Text size="sm" c="dimmed" data-testid="step-recovery-empty">
          {t('stepRecovery.noVersion')}
        </Text>
      ) : selected.rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="step-recovery-empty">
          {t('stepRecovery.empty', { version: selected.version })}
        </Text>
      ) : (
        <Table
          fz="xs"
          verticalSpacing={4}
          horizontalSpacing={6}
          aria-label={t('stepRecovery.tableLabel', { version: selected.version, days: shownDays })}
          aria-busy={report.isFetching}
          data-testid="step-recovery-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('stepRecovery.step')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('stepRecovery.invoices')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('stepRecovery.recovered')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('stepRecovery.rate')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {selected.rows.map((row) => (
              <Table.Tr key={`${row.nodeId}:${row.currency}`} data-testid="step-recovery-row" data-node-id={row.nodeId}>
                <Table.Th scope="row" fw={400}>
                  <Text size="xs" fw={600}>
                    {stepKindWords(row.kind, t)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    <Data>{row.nodeId}</Data>
                  </Text>
                </Table.Th>
                <Table.Td ta="right">
                  <Text size="xs">{formatCount(row.invoices, language)}</Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('stepRecovery.settled', { count: row.settled })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(row.recovered, row.currency, language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('stepRecovery.ofOutstanding', { amount: formatMoney(row.outstanding, row.currency, language) })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" miw={64}>
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {rateText(row.recoveryRate, language)}
                  </Text>
                  {/* The figure above says it: the bar is only its picture. */}
                  <Progress value={rateBar(row.recoveryRate)} size="sm" color="teal" mt={2} aria-hidden />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

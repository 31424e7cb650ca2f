import { Button, Card, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExperimentReport, useStopExperiment } from '../api/experiments-queries';
import { Phrase } from '../common/Data';
import { notifySuccess, useNotifyError } from '../common/notify';
import { defaultWinner } from './verdict-words';

/** Ends a running experiment: the winner (the verdict's arm first) takes every invoice of the rule, after a confirmation. */
export function StopExperiment({ report }: { report: ExperimentReport }) {
  const { t } = useTranslation();
  const stop = useStopExperiment(report.experiment.id);
  const notifyError = useNotifyError();
  const [winner, setWinner] = useState<string | null>(defaultWinner(report) ?? null);
  const [confirming, setConfirming] = useState(false);
  const [migrateRunning, setMigrateRunning] = useState(false);
  const arm = report.arms.find((a) => a.key === winner);
  const confirm = () =>
    stop.mutate(
      { winnerArm: winner!, migrateRunning },
      {
        onSuccess: (stopped) => {
          setConfirming(false);
          notifySuccess(t('experiments.stop.done', { key: stopped.winnerArm ?? winner }));
          // Each losing arm's move is a migration of its flow, followed on that flow's Versions tab.
          const moved = stopped.migrations.reduce((sum, m) => sum + m.invoices, 0);
          if (migrateRunning) notifySuccess(moved > 0 ? t('experiments.stop.migrated', { count: moved }) : t('experiments.stop.notMigrated'));
        },
        onError: notifyError,
      },
    );
  return (
    <Card withBorder data-testid="stop-experiment">
      <Group align="flex-end">
        <Select
          label={t('experiments.stop.winner')}
          description={t('experiments.stop.winnerHelp')}
          data={report.arms.map((a) => ({ value: a.key, label: t('experiments.arm', { key: a.key }) }))}
          value={winner}
          onChange={setWinner}
          allowDeselect={false}
          w={260}
        />
        <Button color="orange" disabled={!arm} onClick={() => setConfirming(true)}>
          {t('experiments.stop.button', { key: winner ?? '' })}
        </Button>
      </Group>
      <Modal opened={confirming && !!arm} onClose={() => setConfirming(false)} title={t('experiments.stop.confirmTitle')}>
        {arm && (
          <Stack>
            <Text size="sm">
              <Phrase i18nKey="experiments.stop.confirm" values={{ key: arm.key, version: arm.flowVersion }} data={{ flow: arm.flowName, name: report.experiment.name }} />
            </Text>
            <Checkbox
              label={t('experiments.stop.migrateRunning')}
              description={t('experiments.stop.migrateRunningHelp')}
              checked={migrateRunning}
              onChange={(event) => setMigrateRunning(event.currentTarget.checked)}
              data-testid="stop-migrate-running"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={stop.isPending} onClick={confirm}>
                {t('experiments.stop.confirmButton', { key: arm.key })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

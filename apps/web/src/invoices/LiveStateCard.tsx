import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InvoiceState } from '../api/types';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';

const WAITING_TYPES = ['wait', 'await_outcome', 'paused', 'held', 'finished'];

/**
 * Where the invoice's workflow stands: its step and next action; a hold (the flow waits for a person:
 * see the exceptions inbox); or that the workflow did not answer in time (the books still show).
 */
export function LiveStateCard({ state }: { state: InvoiceState }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { live, liveError, invoice } = state;
  const next = live?.nextAction;
  // A step in words: its label (from the live step or the timeline), else its kind; the node id only when nothing else is known.
  const stepName = (nodeId: string) =>
    (live?.currentStep?.nodeId === nodeId ? live.currentStep.label : undefined) ??
    state.timeline.find((e) => e.nodeId === nodeId && e.stepLabel)?.stepLabel ??
    (live?.currentStep?.nodeId === nodeId ? labels.node(live.currentStep.kind) : nodeId);
  const nextText = next ? (WAITING_TYPES.includes(next.type) ? t(`nextActions.${next.type}`) : t('nextActions.perform', { step: labels.node(next.type) })) : undefined;
  return (
    <Card withBorder data-testid="live-state">
      <Title order={5} mb="xs">
        {t('invoices.live')}
      </Title>
      <Stack gap="xs">
        {liveError && (
          <Alert color="yellow" data-testid="live-error" title={t('invoices.live')}>
            <Text size="sm" title={liveError}>
              {t('money.liveError')}
            </Text>
          </Alert>
        )}
        {live?.hold && (
          <Alert color="orange" title={t('money.hold')} data-testid="live-hold">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {labels.holdReason(live.hold.reason)}
              </Text>
              {live.hold.detail && (
                <Text size="xs" c="dimmed">
                  {live.hold.detail}
                </Text>
              )}
              <Text size="xs">{t('money.holdAt', { step: stepName(live.hold.nodeId), date: formatDate(live.hold.at, i18n.language, true) })}</Text>
              <Anchor component={Link} to={`/exceptions?invoiceId=${invoice.id}`} size="sm">
                {t('money.holdLink')} →
              </Anchor>
            </Stack>
          </Alert>
        )}
        {live && (
          <>
            <Text data-testid="live-step">{live.currentStep ? `${stepName(live.currentStep.nodeId)} (${labels.node(live.currentStep.kind)})` : '—'}</Text>
            {nextText && (
              <Text size="sm">
                {t('invoices.nextAction')}: {nextText}
                {next?.at ? ` — ${formatDate(next.at, i18n.language, true)}` : ''}
              </Text>
            )}
            {live.finished && <Text size="sm">{t('money.finished')}</Text>}
          </>
        )}
        {!live && !liveError && <Text c="dimmed">—</Text>}
      </Stack>
    </Card>
  );
}

import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { MESSAGE_CHANNELS } from '@dunning/domain';
import { TEST_SEND_STEP } from '@dunning/api-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/queries';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';

/** Every email, SMS and letter the product sent (the dev outbox in the embedded default), rendered. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [channel, setChannel] = useState('all');
  const messages = useOutbox(MESSAGE_CHANNELS.find((c) => c === channel));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('outbox.title')}</Title>
        <SegmentedControl
          aria-label={t('outbox.channel')}
          value={channel}
          onChange={setChannel}
          data={[{ value: 'all', label: t('outbox.all') }, ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))]}
        />
      </Group>
      {messages.data?.length === 0 && (
        <Text c="dimmed" data-testid="outbox-empty">
          {t('outboxPage.empty')}
        </Text>
      )}
      {(messages.data ?? []).map((m) => (
        <Card key={m.id} withBorder data-testid="outbox-message">
          <Group justify="space-between">
            <Text fw={600}>{m.subject ?? m.template}</Text>
            <Group gap={6}>
              <Badge>{labels.channel(m.channel)}</Badge>
              <Badge variant="light">{labels.messageStatus(m.status)}</Badge>
              {m.stepKey === TEST_SEND_STEP && (
                <Badge color="grape" data-testid="outbox-test-send">
                  {t('templates.testBadge')}
                </Badge>
              )}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(m.createdAt, i18n.language, true)} · {t('outboxPage.to', { recipients: m.recipients.join(', ') })} · {m.template} · {m.provider}
          </Text>
          {m.bodyHtml && m.channel === 'email' ? (
            <details>
              <summary>{t('outboxPage.preview')}</summary>
              <iframe title={m.subject ?? m.template} sandbox="" srcDoc={m.bodyHtml} style={{ width: '100%', height: 320, border: 0 }} />
            </details>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.bodyText ?? ''}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

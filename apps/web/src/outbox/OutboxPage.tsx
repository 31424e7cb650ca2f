import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { MESSAGE_CHANNELS } from '@dunning/domain';
import { TEST_SEND_STEP } from '@dunning/api-contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useOutbox } from '../api/queries';
import type { Message } from '../api/types';
import { type CsvColumn } from '../common/csv-export';
import { Data } from '../common/Data';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';

/**
 * Every email, SMS and letter the product sent (the dev outbox in the embedded default), rendered.
 * The channel shown is in the URL (`?channel=sms`): the dashboard's donut links to it, Back restores it.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const channel = MESSAGE_CHANNELS.find((c) => c === params.get('channel'));
  const messages = useOutbox(channel);
  const columns: Array<CsvColumn<Message>> = [
    { header: t('common.date'), value: (m) => m.createdAt },
    { header: t('outbox.channel'), value: (m) => labels.channel(m.channel) },
    { header: t('common.status'), value: (m) => labels.messageStatus(m.status) },
    { header: t('outboxPage.recipients'), value: (m) => m.recipients.join(', ') },
    { header: t('outboxPage.subject'), value: (m) => m.subject ?? '' },
    { header: t('outboxPage.template'), value: (m) => m.template },
    { header: t('outboxPage.provider'), value: (m) => m.provider },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('outbox.title')}</Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('outbox.channel')}
            value={channel ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { channel: value })}
            data={[{ value: 'all', label: t('outbox.all') }, ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))]}
            data-testid="outbox-channel"
          />
          <ExportCsvButton rows={messages.data ?? []} columns={columns} name={t('lists.files.outbox')} />
        </Group>
      </Group>
      {messages.data?.length === 0 && (
        <Text c="dimmed" data-testid="outbox-empty">
          {t('outboxPage.empty')}
        </Text>
      )}
      {(messages.data ?? []).map((m) => (
        <Card key={m.id} withBorder data-testid="outbox-message">
          <Group justify="space-between">
            {/* The message's own words, in its customer's language. */}
            <Text fw={600} translate="no">
              {m.subject ?? m.template}
            </Text>
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
            {formatDate(m.createdAt, i18n.language, true)} · {t('outboxPage.to', { recipients: m.recipients.join(', ') })} · <Data>{m.template}</Data> · {m.provider}
          </Text>
          {m.bodyHtml && m.channel === 'email' ? (
            <details>
              <summary>{t('outboxPage.preview')}</summary>
              <iframe title={m.subject ?? m.template} sandbox="" srcDoc={m.bodyHtml} style={{ width: '100%', height: 320, border: 0 }} />
            </details>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
              {m.bodyText ?? ''}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

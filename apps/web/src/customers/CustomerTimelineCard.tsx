import { Alert, Anchor, Card, Group, Loader, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCustomerTimeline } from '../api/customer-queries';
import { formatDate, formatMoney } from '../common/format';
import { describeEntry } from './timeline-words';
import { useStoryWords } from './useStoryWords';
import { StoryText } from './StoryText';

/** Every invoice's story merged, newest first: messages, calls, payments, promises, disputes, each step by its label. */
export function CustomerTimelineCard({ customerId, currencyOf }: { customerId: string; currencyOf: (invoiceId: string) => string }) {
  const { t, i18n } = useTranslation();
  const timeline = useCustomerTimeline(customerId);
  const words = useStoryWords('EUR');
  if (timeline.isError) return <Alert color="red">{t('common.loadFailed', { message: (timeline.error as Error).message })}</Alert>;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('customerPage.timeline')}
      </Title>
      {!timeline.data ? (
        <Loader size="sm" />
      ) : timeline.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerPage.noTimeline')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="customer-timeline">
          {timeline.data.map((entry, i) => {
            // Each entry's money is in its own invoice's currency.
            const { titleParts, detailParts } = describeEntry(entry, { ...words, money: (minor) => formatMoney(minor, currencyOf(entry.invoiceId), i18n.language) });
            return (
              <Timeline.Item key={i} title={<StoryText parts={titleParts} />}>
                <Group gap={6}>
                  <Anchor component={Link} to={`/invoices/${entry.invoiceId}`} size="xs">
                    {entry.invoiceNumber}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(entry.at, i18n.language, true)}
                  </Text>
                </Group>
                {detailParts.length > 0 && (
                  <Text size="sm">
                    <StoryText parts={detailParts} />
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}

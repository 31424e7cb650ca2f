import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http } from '../api/http';
import type { InvoiceState } from '../api/types';
import { formatDate } from '../common/format';
import { useLabels } from '../common/labels';
import { describeEntry } from '../customers/timeline-words';
import { useStoryWords } from '../customers/useStoryWords';
import { Data } from '../common/Data';
import { StoryText } from '../customers/StoryText';

/** The invoice's story: the timeline (steps by their label, outcomes, money), the messages sent, its documents, its open exceptions. */
export function InvoiceStoryCard({ state }: { state: InvoiceState }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { invoice, timeline, messages } = state;
  const documents = useQuery({
    queryKey: ['documents', invoice.id],
    queryFn: () => http<Array<{ id: string; filename: string; kind: string }>>(`/api/invoices/${invoice.id}/documents`),
  });
  const openExceptions = state.exceptions.filter((e) => e.status === 'open');
  const words = useStoryWords(invoice.currency);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={5} mb="sm">
          {t('invoices.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="invoice-timeline">
          {timeline.map((entry, i) => {
            // Steps by their label in the invoice's flow version, never a node id when a label or kind is known.
            const { titleParts, detailParts } = describeEntry(entry, words);
            return (
              <Timeline.Item key={i} title={<StoryText parts={titleParts} />}>
                <Text size="xs" c="dimmed">
                  {formatDate(entry.at, i18n.language, true)}
                </Text>
                {detailParts.length > 0 && (
                  <Text size="sm">
                    <StoryText parts={detailParts} />
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Card>
      <Stack>
        {openExceptions.length > 0 && (
          <Card withBorder data-testid="invoice-exceptions">
            <Title order={5} mb="xs">
              {t('money.openExceptions')}
            </Title>
            {openExceptions.map((e) => (
              <Group key={e.id} gap={6}>
                <Badge color="orange" variant="light">
                  {labels.kind(e.kind)}
                </Badge>
                <Text size="xs">{e.message}</Text>
              </Group>
            ))}
            <Anchor component={Link} to={`/exceptions?invoiceId=${invoice.id}`} size="sm">
              {t('money.holdLink')} →
            </Anchor>
          </Card>
        )}
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('invoices.documents')}
          </Title>
          {(documents.data ?? []).map((d) => (
            <Text key={d.id} component="a" href={`/api/documents/${d.id}`} display="block" size="sm" c="indigo">
              <Data>{d.filename}</Data> ({t(`invoices.documentKinds.${d.kind}`, { defaultValue: d.kind })})
            </Text>
          ))}
          <Title order={5} my="sm">
            {t('invoices.messages')}
          </Title>
          {messages.map((m) => (
            <Text key={m.id} size="sm">
              {formatDate(m.createdAt, i18n.language, true)} — {labels.channel(m.channel)} <Data>{m.template}</Data> → {m.recipients.join(', ')} ({labels.messageStatus(m.status)})
            </Text>
          ))}
        </Card>
      </Stack>
    </SimpleGrid>
  );
}

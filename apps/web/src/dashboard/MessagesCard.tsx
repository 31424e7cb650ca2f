import { DonutChart } from '@mantine/charts';
import { Anchor, Card, ColorSwatch, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMessageCounts } from '../api/queries';
import { useLabels } from '../common/labels';
import { CHART_COLORS } from './chart-format';

/** Messages sent per channel: the donut, its legend (channel, colour, count) and a link per channel to the outbox. */
export function MessagesCard() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const counts = useMessageCounts();
  const slices = (counts.data ?? []).map((c, i) => ({ channel: c.channel, name: labels.channel(c.channel), value: c.count, color: CHART_COLORS[i % CHART_COLORS.length]! }));
  const outbox = (channel: string) => `/outbox?channel=${encodeURIComponent(channel)}`;
  return (
    <Card withBorder data-testid="messages">
      <Text fw={600} mb="sm">
        {t('dashboard.messages')}
      </Text>
      {slices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charts.noMessages')}
        </Text>
      ) : (
        <Group justify="center">
          <DonutChart
            withLabels
            withTooltip
            data={slices}
            valueFormatter={(value) => t('charts.messagesCount', { count: value })}
            cellProps={(cell) => ({ cursor: 'pointer', onClick: () => navigate(outbox(slices.find((s) => s.name === cell.name)?.channel ?? '')) })}
          />
        </Group>
      )}
      <Table fz="xs" mt="sm" verticalSpacing={2} data-testid="messages-legend">
        <Table.Caption>{t('charts.messagesTable')}</Table.Caption>
        <Table.Tbody>
          {slices.map((slice) => (
            <Table.Tr key={slice.channel}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ColorSwatch color={`var(--mantine-color-${slice.color.replace('.', '-')})`} size={12} aria-hidden />
                  <Anchor component={Link} to={outbox(slice.channel)} size="xs">
                    {slice.name}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td ta="right">{new Intl.NumberFormat(i18n.language).format(slice.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

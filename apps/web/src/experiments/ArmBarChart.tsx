import { ColorSwatch, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from '../dashboard/chart-format';
import { highest, layoutBars, scaleFor, yOf } from './chart-scale';
import { type ChartSpec, chartSummary } from './report-charts';

const WIDTH = 560;
const HEIGHT = 230;
const PLOT = { x: 64, y: 12, width: WIDTH - 64 - 8, height: HEIGHT - 12 - 44 };

/** A Mantine colour ("indigo.7") as the CSS variable the theme defines. */
export const armColor = (series: number) => `var(--mantine-color-${CHART_COLORS[series % CHART_COLORS.length]!.replace('.', '-')})`;

/** A group's label on at most two lines (split at the space nearest the middle). */
function lines(label: string): string[] {
  if (label.length <= 14 || !label.includes(' ')) return [label];
  const middle = label.length / 2;
  const spaces = [...label].flatMap((c, i) => (c === ' ' ? [i] : []));
  const cut = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  return [label.slice(0, cut), label.slice(cut + 1)];
}

/**
 * One metric of the arms as a plain SVG bar chart: bars grouped (by arm, bucket or metric), one
 * colour per arm, whiskers for intervals, a value axis from zero. Read out as its title and one
 * sentence per group; the report's table holds the same figures.
 */
export function ArmBarChart({ spec, armKeys }: { spec: ChartSpec; armKeys: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const bars = spec.groups.map((group) => group.bars);
  const scale = scaleFor(highest(bars), { whole: spec.whole });
  const boxes = layoutBars(bars, scale.top, PLOT);
  const slot = PLOT.width / Math.max(1, spec.groups.length);
  return (
    <figure style={{ margin: 0 }} data-testid={`chart-${spec.id}`}>
      <Text component="figcaption" id={`${id}-title`} size="sm" fw={600} mb={4}>
        {spec.title}
      </Text>
      {spec.empty ? (
        <Text size="sm" c="dimmed">
          {t('experiments.charts.empty')}
        </Text>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          style={{ maxWidth: WIDTH, display: 'block' }}
        >
          <desc id={`${id}-desc`}>{chartSummary(spec)}</desc>
          {scale.ticks.map((tick) => {
            const y = yOf(tick, scale.top, PLOT);
            return (
              <g key={tick}>
                <line x1={PLOT.x} x2={PLOT.x + PLOT.width} y1={y} y2={y} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
                <text x={PLOT.x - 6} y={y} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
                  {spec.tick(tick)}
                </text>
              </g>
            );
          })}
          {boxes.map((box) => {
            const bar = spec.groups[box.group]!.bars[box.index]!;
            return (
              <g key={`${box.group}-${box.index}`} data-testid="chart-bar">
                <rect x={box.x + 1} y={box.y} width={Math.max(1, box.width - 2)} height={Math.max(box.height, 0.5)} fill={armColor(bar.series)}>
                  <title>{bar.text}</title>
                </rect>
                {box.whisker && (
                  <g stroke="var(--mantine-color-dark-7)" strokeWidth={1.5}>
                    <line x1={box.whisker.x} x2={box.whisker.x} y1={box.whisker.y1} y2={box.whisker.y2} />
                    <line x1={box.whisker.x - 6} x2={box.whisker.x + 6} y1={box.whisker.y1} y2={box.whisker.y1} />
                    <line x1={box.whisker.x - 6} x2={box.whisker.x + 6} y1={box.whisker.y2} y2={box.whisker.y2} />
                  </g>
                )}
              </g>
            );
          })}
          <line x1={PLOT.x} x2={PLOT.x + PLOT.width} y1={PLOT.y + PLOT.height} y2={PLOT.y + PLOT.height} stroke="var(--mantine-color-gray-7)" strokeWidth={1} />
          {spec.groups.map((group, g) => (
            <text key={g} x={PLOT.x + slot * (g + 0.5)} y={PLOT.y + PLOT.height + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
              {lines(group.label).map((line, i) => (
                <tspan key={i} x={PLOT.x + slot * (g + 0.5)} dy={i === 0 ? 0 : 13}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
        </svg>
      )}
      <Group gap="md" mt={4} aria-hidden>
        {armKeys.map((key, series) => (
          <Group key={key} gap={4} wrap="nowrap">
            <ColorSwatch color={armColor(series)} size={12} withShadow={false} />
            <Text size="xs">{t('experiments.arm', { key })}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}

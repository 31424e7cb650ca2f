/**
 * The geometry of the report's bar charts, apart from drawing them: a value axis from zero to a round
 * top with round ticks, and the bars of each group side by side, with their interval whiskers.
 */

export interface Scale {
  /** The axis' top: a round value at or above every bar and whisker. */
  top: number;
  /** From zero to the top, evenly spaced by a 1, 2, 2.5 or 5 × 10ⁿ step. */
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** A round step at or above `raw`: 1, 2, 2.5 or 5 times a power of ten. */
export function roundStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * power >= raw * (1 - 1e-9))! * power;
  return Number(step.toPrecision(12));
}

/** An axis from 0 for values up to `max`, with about `count` intervals (the lowest round top wins); counts (`whole`) get whole steps. */
export function scaleFor(max: number, { count = 4, whole = false }: { count?: number; whole?: boolean } = {}): Scale {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, ticks: [0, 1] };
  const candidates = [count + 2, count + 1, count].map((intervals) => {
    const raw = roundStep(max / intervals);
    const step = whole ? Math.max(1, Math.ceil(raw)) : raw;
    const n = Math.max(1, Math.ceil(max / step - 1e-9));
    return { step, n, top: n * step };
  });
  // The lowest top; between equal tops, the fewer, rounder steps.
  const best = candidates.reduce((a, b) => (b.top < a.top - 1e-12 || (Math.abs(b.top - a.top) <= 1e-12 && b.step > a.step) ? b : a));
  const ticks = Array.from({ length: best.n + 1 }, (_, i) => Number((i * best.step).toPrecision(12)));
  return { top: ticks[ticks.length - 1]!, ticks };
}

export interface BarInput {
  /** null: no figure (nothing recovered yet…): no bar is drawn. */
  value: number | null;
  interval?: readonly [number, number];
}

export interface Plot {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarBox {
  group: number;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The whisker's vertical line, where the bar has an interval. */
  whisker?: { x: number; y1: number; y2: number };
}

/** The largest value or interval bound the bars reach (0 when none has a figure). */
export function highest(groups: ReadonlyArray<readonly BarInput[]>): number {
  return Math.max(0, ...groups.flat().flatMap((bar) => [bar.value ?? 0, ...(bar.interval ? [bar.interval[1]] : [])]));
}

/** A value's height on the plot (clamped to the axis). */
export const yOf = (value: number, top: number, plot: Plot) => plot.y + plot.height - (Math.min(Math.max(value, 0), top) / top) * plot.height;

/**
 * The bars, group after group along the plot's width: each group an equal slot, its bars side by
 * side in the middle 80 % of it (as wide as the widest group's count allows), from the axis up.
 */
export function layoutBars(groups: ReadonlyArray<readonly BarInput[]>, top: number, plot: Plot): BarBox[] {
  if (groups.length === 0) return [];
  const slot = plot.width / groups.length;
  const perGroup = Math.max(1, ...groups.map((bars) => bars.length));
  const barWidth = (slot * 0.8) / perGroup;
  const base = plot.y + plot.height;
  return groups.flatMap((bars, group) => {
    const start = plot.x + group * slot + (slot - barWidth * bars.length) / 2;
    return bars.flatMap((bar, index) => {
      if (bar.value === null) return [];
      const x = start + index * barWidth;
      const y = yOf(bar.value, top, plot);
      const box: BarBox = { group, index, x, y, width: barWidth, height: base - y };
      if (bar.interval) box.whisker = { x: x + barWidth / 2, y1: yOf(bar.interval[0], top, plot), y2: yOf(bar.interval[1], top, plot) };
      return [box];
    });
  });
}

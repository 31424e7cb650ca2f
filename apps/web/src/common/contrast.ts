/** WCAG 2.1 contrast arithmetic on "#rrggbb" colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(match[1], 16), Number.parseInt(match[2], 16), Number.parseInt(match[3], 16)];
}

/** Relative luminance: 0 for black, 1 for white. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 (same) to 21 (black on white). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The colour moved toward black by `amount` (0–1), as "#rrggbb". */
export function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((c) => Math.round(c * (1 - amount)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The lightest darkening of `hex` (in 2 % steps) that reads at `ratio` or more against every one of `backgrounds`. */
export function darkenUntil(hex: string, backgrounds: string[], ratio: number): string {
  for (let step = 0; step <= 50; step++) {
    const candidate = darken(hex, step * 0.02);
    if (backgrounds.every((background) => contrast(candidate, background) >= ratio)) return candidate;
  }
  return '#000000';
}

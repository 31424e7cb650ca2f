import { type CSSVariablesResolver, DEFAULT_THEME, type MantineColorsTuple, createTheme } from '@mantine/core';
import { darkenUntil } from './contrast';

/** WCAG 2.1 AA asks 4.5:1 for text; a little more so that rounding in the browser never drops below. */
export const TEXT_CONTRAST = 4.6;
const WHITE = '#ffffff';
/** The page's own light backgrounds: white, then striped or hovered rows and the sign-in page (gray 0 and 1). */
export const PAGE_BACKGROUNDS = [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];

/**
 * A Mantine palette whose shades 6–9 read as text: a shade 6–9 as text on the page (`c="red"`,
 * links, outline and subtle buttons), white text on it (filled buttons and badges: shade 6, hover 7),
 * and shade 9 on shades 0–1 (light badges and buttons). Lighter shades (backgrounds) stay as they are;
 * each dark shade is at least as dark as the one before.
 */
export function readablePalette(shades: readonly string[]): MantineColorsTuple {
  const out = [...shades];
  for (let shade = 6; shade <= 9; shade++) {
    const backgrounds = shade === 9 ? [...PAGE_BACKGROUNDS, shades[0], shades[1]] : PAGE_BACKGROUNDS;
    const start = shade > 6 && luminanceOrder(out[shade - 1], shades[shade]) ? out[shade - 1] : shades[shade];
    out[shade] = darkenUntil(start, backgrounds, TEXT_CONTRAST);
  }
  return out as unknown as MantineColorsTuple;
}

/** Whether `a` is darker than `b` (by the sum of channels, enough to keep the shades in order). */
function luminanceOrder(a: string, b: string): boolean {
  const sum = (hex: string) => [1, 3, 5].reduce((total, i) => total + Number.parseInt(hex.slice(i, i + 2), 16), 0);
  return sum(a) < sum(b);
}

const colors = Object.fromEntries(Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [name, name === 'dark' ? shades : readablePalette(shades)]));

export const theme = createTheme({ primaryColor: 'indigo', primaryShade: { light: 6, dark: 8 }, defaultRadius: 'md', colors });

/** Secondary text (`c="dimmed"`) and placeholders in gray 6, which `readablePalette` made readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-6)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});

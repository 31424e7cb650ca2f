import { DEFAULT_THEME } from '@mantine/core';
import { contrast, darken, luminance } from './contrast';
import { PAGE_BACKGROUNDS, theme } from './theme';

const colors = theme.colors as Record<string, readonly string[]>;

describe('the theme’s contrast (WCAG 2.1 AA: 4.5:1 for text)', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // Mantine's own gray 6 on white, the old secondary text: 3.3:1, below AA.
    expect(contrast(DEFAULT_THEME.colors.gray[6], '#ffffff')).toBeCloseTo(3.32, 2);
    expect(luminance(darken('#808080', 1))).toBe(0);
  });

  it('gives every text colour on every page background 4.5:1 or more', () => {
    const failures: string[] = [];
    for (const [name, shades] of Object.entries(colors)) {
      if (name === 'dark') continue;
      for (const shade of [6, 7, 8, 9]) {
        // As text on the page, and white text on it (filled buttons, filled badges such as "Valid").
        for (const background of PAGE_BACKGROUNDS) if (contrast(shades[shade], background) < 4.5) failures.push(`${name}.${shade} on ${background}`);
      }
      // Light badges and buttons: shade 9 on shade 1 (hover 2 is only a hover).
      for (const background of [shades[0], shades[1]]) if (contrast(shades[9], background) < 4.5) failures.push(`${name}.9 on ${background}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps secondary text, placeholders and the primary colour readable', () => {
    const figures = {
      dimmedOnWhite: contrast(colors.gray[6], '#ffffff'),
      dimmedOnGray0: contrast(colors.gray[6], colors.gray[0]),
      whiteOnPrimaryButton: contrast('#ffffff', colors.indigo[6]),
      whiteOnPrimaryHover: contrast('#ffffff', colors.indigo[7]),
      validBadge: contrast('#ffffff', colors.green[6]),
      lightGreenBadge: contrast(colors.green[9], colors.green[1]),
      lightOrangeBadge: contrast(colors.orange[9], colors.orange[1]),
      lightYellowBadge: contrast(colors.yellow[9], colors.yellow[1]),
    };
    for (const [pair, ratio] of Object.entries(figures)) expect([pair, ratio >= 4.5]).toEqual([pair, true]);
  });

  it('leaves the light shades (backgrounds) as Mantine has them and keeps the dark ones in order', () => {
    for (const [name, shades] of Object.entries(colors)) {
      expect(shades.slice(0, 6)).toEqual(DEFAULT_THEME.colors[name].slice(0, 6));
      for (const shade of [7, 8, 9]) expect([name, shade, luminance(shades[shade]) <= luminance(shades[shade - 1]) + 1e-9]).toEqual([name, shade, true]);
    }
  });
});

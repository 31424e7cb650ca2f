import type { TFunction } from 'i18next';
import { formatMoney } from '../common/format';
import { type RuleFields, isCatchAll, ruleConditions } from './assignment-rules';

/** A rule in words: "Amount ≥ 5 000,00 € and score 1–3 (poor)", or "Every other invoice" for a catch-all. */
export function ruleInWords(rule: RuleFields, t: TFunction, language: string): string {
  if (isCatchAll(rule)) return t('adminSettings.rules.catchAll');
  const money = (amount: number, currency: string) => formatMoney(amount, currency, language);
  const words = ruleConditions(rule).map((c) => {
    switch (c.kind) {
      case 'amountAtLeast':
        return t('adminSettings.rules.words.amountAtLeast', { min: money(c.min, c.currency) });
      case 'amountAtMost':
        return t('adminSettings.rules.words.amountAtMost', { max: money(c.max, c.currency) });
      case 'amountBetween':
        return t('adminSettings.rules.words.amountBetween', { min: money(c.min, c.currency), max: money(c.max, c.currency) });
      case 'score':
        return c.band
          ? t('adminSettings.rules.words.scoreBand', { min: c.min, max: c.max, band: t(`solvency.bands.${c.band}`) })
          : t('adminSettings.rules.words.score', { min: c.min, max: c.max });
      case 'segment':
        return t('adminSettings.rules.words.segment', { segment: c.segment });
    }
  });
  const sentence = words.join(t('adminSettings.rules.words.and'));
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

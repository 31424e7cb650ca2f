import type { TFunction } from 'i18next';
import { translator } from '../flows/forms/translator.spec-helper';
import { defaultWinner, verdictSentence } from './verdict-words';

/** Spaces as a reader sees them: Intl's narrow and no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the verdict in a sentence', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('says which arm recovers more, with its confidence, in English and French', () => {
    const verdict = { kind: 'better', arm: 'B', comparedTo: 'A', confidencePercent: 97.34 } as const;
    expect(plain(verdictSentence(verdict, t.en, 'en'))).toBe('Arm B recovers more than arm A (97.3 % confidence).');
    expect(plain(verdictSentence(verdict, t.fr, 'fr'))).toBe('Le bras B recouvre davantage que le bras A (confiance 97,3 %).');
  });

  it('says how many more invoices it takes to detect a difference of so many points', () => {
    const verdict = { kind: 'not_enough_data', moreInvoicesNeeded: 1200, detectableDifference: 0.05 } as const;
    expect(plain(verdictSentence(verdict, t.en, 'en'))).toBe('Not enough data yet: about 1,200 more invoices needed to detect a difference of 5 points.');
    expect(plain(verdictSentence(verdict, t.fr, 'fr'))).toBe('Pas encore assez de données : environ 1 200 factures de plus pour détecter un écart de 5 points.');
  });

  it('writes fractions of points, a single invoice and large counts in each language’s way', () => {
    const one = { kind: 'not_enough_data', moreInvoicesNeeded: 1, detectableDifference: 0.015 } as const;
    expect(plain(verdictSentence(one, t.en, 'en'))).toBe('Not enough data yet: about 1 more invoice needed to detect a difference of 1.5 points.');
    expect(plain(verdictSentence(one, t.fr, 'fr'))).toBe('Pas encore assez de données : environ 1 facture de plus pour détecter un écart de 1,5 point.');
    const many = { kind: 'not_enough_data', moreInvoicesNeeded: 1_000_000, detectableDifference: 0.0534 } as const;
    expect(plain(verdictSentence(many, t.fr, 'fr'))).toBe('Pas encore assez de données : environ 1 000 000 factures de plus pour détecter un écart de 5,3 points.');
  });

  it('offers the verdict’s arm as the winner, else the best so far, else the first', () => {
    const arms = [{ key: 'A' }, { key: 'B' }, { key: 'C' }];
    expect(defaultWinner({ arms, comparison: null, verdict: { kind: 'better', arm: 'C', comparedTo: 'A', confidencePercent: 99 } } as never)).toBe('C');
    const comparison = { best: 'B', next: 'A', difference: 0.01, interval: [-0.02, 0.04], confidencePercent: 70 };
    expect(defaultWinner({ arms, comparison, verdict: { kind: 'not_enough_data', moreInvoicesNeeded: 10, detectableDifference: 0.1 } } as never)).toBe('B');
    expect(defaultWinner({ arms, comparison: null, verdict: { kind: 'not_enough_data', moreInvoicesNeeded: 10, detectableDifference: 0.1 } } as never)).toBe('A');
  });
});

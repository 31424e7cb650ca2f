import { describePaymentTerm } from '@dunning/domain';
import { bilingual } from './term-words';

describe('payment-term words', () => {
  it('shows a term in the UI’s language, English for any other', () => {
    const words = describePaymentTerm({ kind: 'days-end-of-month', days: 45 });
    expect([bilingual(words, 'fr'), bilingual(words, 'fr-FR'), bilingual(words, 'en'), bilingual(words, 'de')]).toEqual([
      '45 jours fin de mois',
      '45 jours fin de mois',
      '45 days end of month',
      '45 days end of month',
    ]);
  });
});

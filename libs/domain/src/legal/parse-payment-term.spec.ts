import fc from 'fast-check';
import { parsePaymentTerm } from './parse-payment-term';
import { describePaymentTerm } from './payment-terms';

const term = (input: string) => {
  const parsed = parsePaymentTerm(input);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.error.message.en}`);
  return parsed.term;
};
const error = (input: string) => {
  const parsed = parsePaymentTerm(input);
  if (parsed.ok) throw new Error(`${input}: parsed as ${JSON.stringify(parsed.term)}`);
  return parsed.error;
};

describe('parsing payment terms', () => {
  it('reads days from the invoice date, in French', () => {
    for (const input of ['30 jours', '30 j', '30j', '30 JOURS NETS', 'à 30 jours', '30 jours date de facture', '30 jours à compter de la date d’émission de la facture', '30']) {
      expect([input, term(input)]).toEqual([input, { kind: 'days', days: 30 }]);
    }
    expect(term('60 jours date de facture')).toEqual({ kind: 'days', days: 60 });
  });

  it('reads days from the invoice date, in English', () => {
    for (const input of ['net 30', 'Net30', '30 days', '30 days net', '30 days from invoice date', 'Net 30 days after the invoice date', '30d']) {
      expect([input, term(input)]).toEqual([input, { kind: 'days', days: 30 }]);
    }
  });

  it('reads days end of month, the end of month after the days', () => {
    const expected = { kind: 'days-end-of-month', days: 45, computation: 'days-then-end-of-month' };
    for (const input of [
      '45 jours fin de mois',
      '45 j FDM',
      '45J F.D.M.',
      '45 jours fin du mois',
      '45 days end of month',
      '45 days EOM',
      'net 45 EOM',
      '45 jours fin de mois date de facture',
    ]) {
      expect([input, term(input)]).toEqual([input, expected]);
    }
  });

  it('reads end of month then days when written in that order', () => {
    const expected = { kind: 'days-end-of-month', days: 45, computation: 'end-of-month-then-days' };
    for (const input of ['fin de mois 45 jours', 'FDM + 45 j', 'EOM 45', 'end of month 45 days']) {
      expect([input, term(input)]).toEqual([input, expected]);
    }
  });

  it('reads cash and the legal default', () => {
    expect(term('comptant')).toEqual({ kind: 'days', days: 0 });
    expect(term('à réception')).toEqual({ kind: 'days', days: 0 });
    expect(term('Due on receipt')).toEqual({ kind: 'days', days: 0 });
    expect(term('délai légal')).toEqual({ kind: 'legal-default' });
    expect(term('legal default')).toEqual({ kind: 'legal-default' });
  });

  it('names what it did not understand, in both languages', () => {
    const e = error('45 jours fin de mois le 10');
    expect(e.code).toBe('not_understood');
    expect(e.words).toEqual(['le']);
    expect(e.message.fr).toBe(
      '« 45 jours fin de mois le 10 » : non compris : « le ». Exemples : « 30 jours », « 60 jours date de facture », « 45 jours fin de mois », « comptant ».',
    );
    expect(e.message.en).toBe('"45 jours fin de mois le 10": not understood: "le". Examples: "30 days", "net 60", "45 days end of month", "on receipt".');
    expect(error('30 semaines').words).toEqual(['semaines']);
    expect(error('payable sous 30 jours').words).toEqual(['sous']);
    expect(term('Paiement à 30 jours')).toEqual({ kind: 'days', days: 30 });
    expect(error('thirty days').words).toEqual(['thirty']);
  });

  it('refuses empty, numberless, ambiguous and out-of-range terms', () => {
    expect(error('').code).toBe('empty');
    expect(error('  - ').code).toBe('empty');
    expect(error('fin de mois').code).toBe('no_number');
    expect(error('jours').message.en).toBe('"jours": no number of days. Examples: "30 days", "net 60", "45 days end of month", "on receipt".');
    expect(error('30 ou 45 jours').words).toEqual(['ou']);
    const several = error('30/45 jours');
    expect([several.code, several.words, several.message.fr]).toEqual(['several_numbers', ['30', '45'], '« 30/45 jours » : plusieurs nombres (30, 45), un seul délai attendu.']);
    expect(error('30,5 jours').code).toBe('several_numbers');
    expect(error('20260131').code).toBe('out_of_range');
    expect(error('400 days').message.en).toBe('"400 days": 400 days, more than a year: not a payment term (a date?).');
    const contradictory = error('30 jours à réception');
    expect([contradictory.code, contradictory.words]).toEqual(['contradictory', ['à réception']]);
    expect(error('comptant délai légal').code).toBe('contradictory');
  });

  it('reads back what describePaymentTerm writes, in both languages', () => {
    const anyTerm = fc.oneof(
      fc.integer({ min: 0, max: 365 }).map((days) => ({ kind: 'days' as const, days })),
      fc.integer({ min: 0, max: 365 }).map((days) => ({ kind: 'days-end-of-month' as const, days, computation: 'days-then-end-of-month' as const })),
      fc.integer({ min: 0, max: 365 }).map((days) => ({ kind: 'days-end-of-month' as const, days, computation: 'end-of-month-then-days' as const })),
    );
    fc.assert(
      fc.property(anyTerm, (t) => {
        const words = describePaymentTerm(t);
        expect(term(words.fr)).toEqual(t);
        expect(term(words.en)).toEqual(t);
      }),
    );
  });
});

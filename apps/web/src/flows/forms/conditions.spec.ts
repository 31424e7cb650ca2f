import { type Condition, conditionSchema } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { CONDITION_FIELDS, LAST_OUTCOMES, bandOf, bandValue, conditionSummary, defaultCondition, opWords, opsOf, outcomeSlug, withOp } from './conditions';
import { amountMinor, amountText } from './money';
import { translator } from './translator.spec-helper';

describe('the branch builder’s conditions', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('offers the schema’s fields and operators, each in words in both languages', () => {
    expect(CONDITION_FIELDS).toEqual(['amount', 'days_overdue', 'risk_score', 'segment', 'last_outcome']);
    expect(opsOf('last_outcome')).toEqual(['eq', 'neq', 'in']);
    expect(new Set(LAST_OUTCOMES).size).toBe(LAST_OUTCOMES.length);
    const missing: string[] = [];
    for (const lng of ['en', 'fr'] as const) {
      for (const field of CONDITION_FIELDS) {
        if (t[lng](`stepForms.conditions.fields.${field}`) === `stepForms.conditions.fields.${field}`) missing.push(`${lng} ${field}`);
        for (const op of opsOf(field)) if (opWords(field, op, t[lng]).startsWith('stepForms.')) missing.push(`${lng} ${field} ${op}`);
      }
      for (const outcome of LAST_OUTCOMES) if (t[lng](`stepForms.conditions.outcomes.${outcome}`).startsWith('stepForms.')) missing.push(`${lng} outcome ${outcome}`);
    }
    expect(missing).toEqual([]);
  });

  it('starts every field with a condition the schema accepts, and keeps it valid across operators', () => {
    for (const field of CONDITION_FIELDS) {
      const condition = defaultCondition(field);
      expect([field, conditionSchema.safeParse(condition).success]).toEqual([field, true]);
      for (const op of opsOf(field)) expect([field, op, conditionSchema.safeParse(withOp(condition, op)).success]).toEqual([field, op, true]);
    }
    expect(withOp({ field: 'last_outcome', op: 'eq', value: 'paid' }, 'in')).toEqual({ field: 'last_outcome', op: 'in', value: ['paid'] });
    expect(withOp({ field: 'last_outcome', op: 'in', value: ['dispute', 'paid'] }, 'neq')).toEqual({ field: 'last_outcome', op: 'neq', value: 'dispute' });
  });

  it('reads solvency scores as bands: ≤ 3 is “poor or worse”, ≥ 6 “correct or better”', () => {
    expect(bandOf('lte', 3)).toBe('poor');
    expect(bandOf('gte', 6)).toBe('correct');
    expect(bandOf('lte', 4)).toBeUndefined();
    expect(bandOf('eq', 3)).toBeUndefined();
    expect(bandValue('lte', 'fragile')).toBe(5);
    expect(bandValue('gte', 'very_good')).toBe(8);
    expect(withOp({ field: 'risk_score', op: 'lte', value: 5 }, 'gte')).toEqual({ field: 'risk_score', op: 'gte', value: 4 });
  });

  it('types amounts in euros and keeps integer cents: 500 means 500 €, not 5 €', () => {
    expect(amountMinor('500')).toBe(50_000);
    expect(amountMinor('1 234,56')).toBe(123_456);
    expect(amountMinor('1234.5')).toBe(123_450);
    expect(amountMinor('12,345')).toBeUndefined();
    expect(amountMinor('abc')).toBeUndefined();
    for (const lng of ['fr', 'en']) for (const minor of [0, 50_000, 123_456, 100_000_000]) expect(amountMinor(amountText(minor, lng))).toBe(minor);
    expect(amountText(123_456, 'fr')).toMatch(/^1\s234,56$/);
    expect(amountText(123_456, 'en')).toBe('1,234.56');
  });

  it('sums a condition up in words, money in the user’s language', () => {
    const amount: Condition = { field: 'amount', op: 'gte', value: 50_000 };
    expect(conditionSummary(amount, t.en, 'en')).toBe('Amount due ≥ €500.00');
    expect(conditionSummary(amount, t.fr, 'fr')).toMatch(/^Montant dû ≥ 500,00\s€$/);
    expect(conditionSummary({ field: 'risk_score', op: 'lte', value: 3 }, t.fr, 'fr')).toBe('Score de solvabilité : faible ou moins bonne');
    expect(conditionSummary({ field: 'risk_score', op: 'gte', value: 8 }, t.en, 'en')).toBe('Solvency score: very good or better');
    expect(conditionSummary({ field: 'last_outcome', op: 'eq', value: 'promise_to_pay' }, t.fr, 'fr')).toBe('Dernier résultat = Promesse de paiement');
    expect(conditionSummary({ field: 'days_overdue', op: 'gt', value: 30 }, t.en, 'en')).toBe('Days overdue > 30 days');
    expect(conditionSummary({ field: 'segment', op: 'in', value: ['vip', 'smb'] }, t.en, 'en')).toBe('Customer segment in vip, smb');
  });

  it('turns a path’s name into one the schema accepts', () => {
    expect(outcomeSlug('Gros montant')).toBe('gros_montant');
    expect(outcomeSlug('Échéance dépassée')).toBe('echeance_depassee');
    expect(outcomeSlug('large ')).toBe('large_');
    expect(outcomeSlug('  A--B')).toBe('a_b');
  });
});

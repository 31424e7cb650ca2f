import i18next from 'i18next';
import { ApiError } from '../api/http';
import { en, fr } from '../i18n/messages';
import { type Translate, describeError, fieldInWords, reasonInWords } from './errors';

describe('an API refusal, for the user', () => {
  it('keeps the server’s message and says what kind of refusal it is', () => {
    expect(
      describeError(
        new ApiError(409, 'invoice: the invoice is cancelled: no payment can be recorded on it', {
          statusCode: 409,
          message: 'invoice: the invoice is cancelled: no payment can be recorded on it',
          problems: [{ field: 'invoice', message: 'the invoice is cancelled: no payment can be recorded on it' }],
        }),
      ),
    ).toEqual({
      kind: 'conflict',
      message: 'invoice: the invoice is cancelled: no payment can be recorded on it',
    });
  });

  it('adds the field problems the message does not already name', () => {
    const error = new ApiError(422, 'defaultAgencyId: no such agency', {
      message: 'defaultAgencyId: no such agency',
      problems: [
        { field: 'defaultAgencyId', message: 'no such agency' },
        { field: 'dailyCap.sms', message: 'too big' },
      ],
    });
    expect(describeError(error)).toEqual({ kind: 'invalid', message: 'defaultAgencyId: no such agency — dailyCap.sms: too big' });
  });

  it('reads validation (400), permission (403) and anything else', () => {
    expect(describeError(new ApiError(400, 'invalid request: amount: must be positive', {})).kind).toBe('invalid');
    expect(describeError(new ApiError(403, 'this needs the role credit_manager', {})).kind).toBe('forbidden');
    expect(describeError(new Error('Failed to fetch'))).toEqual({ kind: 'other', message: 'Failed to fetch' });
  });
});

describe('an API refusal, in the user’s language', () => {
  const translator = (lng: 'en' | 'fr') => {
    const instance = i18next.createInstance();
    void instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, initAsync: false, interpolation: { escapeValue: false } });
    return instance.t.bind(instance) as unknown as Translate;
  };
  const refusal = (problems: Array<{ field: string; message: string }>) =>
    new ApiError(400, `invalid request: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { problems });

  it('names the field in words and says why, in French, for zod’s and the product’s reasons', () => {
    const error = refusal([
      { field: 'amount', message: 'Too small: expected number to be >0' },
      { field: 'graph.nodes.3.data.offsetDays', message: 'Invalid input: expected int, received number' },
      { field: 'operator', message: 'Invalid option: expected one of "lt"|"lte"' },
      { field: 'reference', message: 'RR-1 was already recorded on 2026-03-01' },
      { field: 'email', message: 'Invalid email address' },
      { field: 'name', message: 'Too small: expected string to have >=1 characters' },
    ]);
    expect(describeError(error, translator('fr'))).toEqual({
      kind: 'invalid',
      message:
        'montant : doit être supérieur à zéro — jours : doit être un nombre entier — comparaison : choisissez l’une des options proposées — référence : déjà utilisé — e-mail : adresse e-mail non valide — nom : ne doit pas être vide',
    });
    expect(describeError(refusal([{ field: 'dueDate', message: 'Required' }]), translator('en')).message).toBe('due date: required');
  });

  it('quotes a reason it does not know rather than dropping it', () => {
    const error = new ApiError(409, 'invoice: the invoice is cancelled', { problems: [{ field: 'invoice', message: 'the invoice is cancelled' }] });
    expect(describeError(error, translator('fr'))).toEqual({ kind: 'conflict', message: 'facture : refusé (« the invoice is cancelled »)' });
  });

  it('finds a field by its whole path or its last named part', () => {
    expect(fieldInWords('dailyCap.sms', translator('fr'))).toBe('dailyCap.sms');
    expect(fieldInWords('rules.2.agencyId', translator('fr'))).toBe('agence');
    expect(reasonInWords('Too big: expected number to be <=100', translator('fr'))).toBe('doit valoir au plus 100');
  });
});

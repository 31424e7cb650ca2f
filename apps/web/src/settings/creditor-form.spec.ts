import { creditorBody, creditorFieldOf, creditorFormOf, creditorFormProblems } from './creditor-form';

const fallback = { name: 'Your company', email: 'accounts@example.com', phone: '', addressLines: [], iban: null, siren: null };

describe('the creditor identity form', () => {
  it('starts empty (never "Your company") when nothing is configured', () => {
    const form = creditorFormOf({ creditor: null, creditorFallback: fallback, creditorStatus: 'missing' });
    expect(form).toMatchObject({ name: '', senderEmail: '', country: 'FR' });
    expect(creditorFormProblems(form)).toMatchObject({ name: 'required', iban: 'required', senderEmail: 'required' });
  });

  it('checks the numbers as the API does, and builds the body without empty optional fields', () => {
    const form = {
      ...creditorFormOf({ creditor: null, creditorFallback: fallback, creditorStatus: 'missing' }),
      name: 'Atelier Durand SAS',
      address1: '12 rue des Artisans',
      postcode: '69002',
      city: 'Lyon',
      siren: '552 100 554',
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      senderEmail: 'relances@durand.example',
    };
    expect(creditorFormProblems(form)).toEqual({});
    expect(creditorFormProblems({ ...form, iban: 'FR14 2004 1010 0505 0001 3M02 607', siren: '552100555', smsSender: 'Durand & Fils' })).toEqual({
      iban: 'iban',
      siren: 'siren',
      smsSender: 'smsSender',
    });
    expect(creditorBody(form)).toEqual({
      name: 'Atelier Durand SAS',
      addressLines: ['12 rue des Artisans'],
      postcode: '69002',
      city: 'Lyon',
      country: 'FR',
      siren: '552 100 554',
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      senderEmail: 'relances@durand.example',
    });
  });

  it('puts an API refusal on its field', () => {
    expect(creditorFieldOf('creditor.iban')).toBe('iban');
    expect(creditorFieldOf('creditor.addressLines.1')).toBe('address2');
    expect(creditorFieldOf('dailyCap.sms')).toBeUndefined();
  });
});

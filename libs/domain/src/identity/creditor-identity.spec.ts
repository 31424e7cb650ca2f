import { effectiveCreditor } from './creditor-identity';

const fallback = { name: 'Your company', email: 'accounts@example.com', phone: '', addressLines: [] };
const stored = {
  name: 'Atelier Durand SAS',
  addressLines: ['12 rue des Artisans'],
  postcode: '69002',
  city: 'Lyon',
  country: 'FR',
  siren: '552100554',
  iban: 'FR1420041010050500013M02606',
  senderEmail: 'compta@durand.example',
};

describe('effectiveCreditor', () => {
  it('takes the stored identity over the environment, its postcode and city as an address line', () => {
    expect(effectiveCreditor(stored, fallback)).toMatchObject({
      name: 'Atelier Durand SAS',
      senderName: 'Atelier Durand SAS',
      email: 'compta@durand.example',
      legalId: '552100554',
      addressLines: ['12 rue des Artisans', '69002 Lyon'],
      source: 'settings',
    });
    expect(effectiveCreditor({ ...stored, country: 'BE', senderName: 'Durand Compta' }, fallback)).toMatchObject({
      addressLines: ['12 rue des Artisans', '69002 Lyon', 'BE'],
      senderName: 'Durand Compta',
    });
  });

  it('falls back to the environment when nothing (or something incomplete) is stored', () => {
    expect(effectiveCreditor(undefined, fallback)).toMatchObject({ name: 'Your company', source: 'environment' });
    expect(effectiveCreditor({ name: 'Half' }, fallback)).toMatchObject({ name: 'Your company', source: 'environment' });
  });
});

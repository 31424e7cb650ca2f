import { bicProblem, formatIban, ibanProblem, luhnValid, sirenProblem, smsSenderProblem, vatNumberProblem } from './identity-numbers';

describe('sirenProblem', () => {
  it('accepts 9 digits whose Luhn key is right, spaced or not', () => {
    expect(luhnValid('552100554')).toBe(true);
    expect(sirenProblem('552 100 554')).toBeUndefined();
    expect(sirenProblem('443061841')).toBeUndefined();
    expect(sirenProblem('356000000')).toBeUndefined();
  });

  it('says why a SIREN is wrong', () => {
    expect(sirenProblem('552100555')).toBe('not a SIREN: its check digit is wrong');
    expect(sirenProblem('55210055')).toBe('a SIREN has 9 digits');
    expect(sirenProblem('55210055A')).toBe('a SIREN has 9 digits');
  });
});

describe('ibanProblem', () => {
  it('accepts IBANs whose mod-97 is 1, spaced or not, any case', () => {
    expect(ibanProblem('FR14 2004 1010 0505 0001 3M02 606')).toBeUndefined();
    expect(ibanProblem('fr1420041010050500013m02606')).toBeUndefined();
    expect(ibanProblem('DE89370400440532013000')).toBeUndefined();
    expect(ibanProblem('GB82WEST12345698765432')).toBeUndefined();
  });

  it('refuses a mistyped character, a wrong length and a missing country', () => {
    expect(ibanProblem('FR1420041010050500013M02607')).toMatch(/check digits are wrong/);
    expect(ibanProblem('FR142004101005050001302606')).toBe('a FR IBAN has 27 characters, not 26');
    expect(ibanProblem('20041010050500013M02606')).toMatch(/starts with a country code/);
  });

  it('prints in groups of four', () => {
    expect(formatIban('fr1420041010050500013m02606')).toBe('FR14 2004 1010 0505 0001 3M02 606');
  });
});

describe('smsSenderProblem', () => {
  it('accepts 1 to 11 letters, digits and spaces with a letter', () => {
    expect(smsSenderProblem('ACME')).toBeUndefined();
    expect(smsSenderProblem('Acme Compta')).toBeUndefined();
    expect(smsSenderProblem('Acme2026')).toBeUndefined();
  });

  it('refuses what operators refuse', () => {
    expect(smsSenderProblem('Acme Comptabilite')).toBe('an SMS sender has 1 to 11 characters');
    expect(smsSenderProblem('Société')).toMatch(/only letters, digits and spaces/);
    expect(smsSenderProblem('Acme-Pay')).toMatch(/only letters, digits and spaces/);
    expect(smsSenderProblem('12345')).toBe('an SMS sender needs at least one letter');
    expect(smsSenderProblem('')).toBe('an SMS sender has 1 to 11 characters');
  });
});

describe('bicProblem and vatNumberProblem', () => {
  it('checks a BIC’s shape', () => {
    expect(bicProblem('BNPAFRPP')).toBeUndefined();
    expect(bicProblem('BNPAFRPPXXX')).toBeUndefined();
    expect(bicProblem('BNPA')).toMatch(/8 or 11/);
  });

  it('checks a French VAT number’s key against its SIREN', () => {
    expect(vatNumberProblem('FR40303265045')).toBeUndefined();
    expect(vatNumberProblem('FR41303265045')).toMatch(/key does not match/);
    expect(vatNumberProblem('DE123456789')).toBeUndefined();
    expect(vatNumberProblem('123')).toMatch(/country code/);
  });
});

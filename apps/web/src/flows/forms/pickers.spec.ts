import type { TFunction } from 'i18next';
import { slaOptions, slaWords } from './sla';
import { templateOptions, templateWords } from './templates';
import { translator } from './translator.spec-helper';

describe('the pickers’ words', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('lists a channel’s templates once each, in words with their languages', () => {
    const templates = [
      { channel: 'letter' as const, name: 'formal-notice', locale: 'en' },
      { channel: 'letter' as const, name: 'formal-notice', locale: 'fr' },
      { channel: 'letter' as const, name: 'reminder-letter', locale: 'fr' },
      { channel: 'letter' as const, name: 'payment-plan-offer', locale: 'fr' },
      { channel: 'email' as const, name: 'reminder-1', locale: 'fr' },
    ];
    expect(templateOptions(templates, 'letter', t.fr)).toEqual([
      { value: 'reminder-letter', label: 'Lettre de relance (FR)' },
      { value: 'formal-notice', label: 'Mise en demeure (FR, EN)' },
      { value: 'payment-plan-offer', label: 'Payment plan offer (FR)' },
    ]);
    expect(templateOptions(templates, 'sms', t.en, 'sms-old')).toEqual([{ value: 'sms-old', label: 'Sms old' }]);
    expect(templateWords('reminder-1', t.en)).toBe('First reminder');
  });

  it('gives a call’s deadline in words', () => {
    expect(slaWords(24, t.en)).toBe('Within 24 hours');
    expect(slaWords(1, t.en)).toBe('Within 1 hour');
    expect(slaWords(72, t.fr)).toBe('Sous 3 jours');
    expect(slaWords(36, t.fr)).toBe('Sous 36 heures');
    expect(slaOptions(36, t.en).map((o) => o.value)).toEqual(['4', '8', '24', '36', '48', '72', '120', '168']);
  });
});

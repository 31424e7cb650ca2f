import type { TFunction } from 'i18next';
import { applyDaysText, directionOf, offsetCode, offsetOf, offsetSentence, parseDaysText, signedDays } from './offset';
import { translator } from './translator.spec-helper';

describe('the days box of a wait', () => {
  it('reads negative numbers however they are typed', () => {
    expect(parseDaysText('-5')).toEqual({ days: 5, direction: 'before' });
    expect(parseDaysText('−5')).toEqual({ days: 5, direction: 'before' });
    expect(parseDaysText('– 5')).toEqual({ days: 5, direction: 'before' });
    expect(parseDaysText('5')).toEqual({ days: 5 });
    expect(parseDaysText('+3')).toEqual({ days: 3, direction: 'after' });
    expect(parseDaysText('05')).toEqual({ days: 5 });
    expect(parseDaysText(' 45 ')).toEqual({ days: 45 });
  });

  it('waits for the digits after a lone sign, and reads nothing from an empty box', () => {
    expect(parseDaysText('-')).toEqual({ direction: 'before' });
    expect(parseDaysText('+')).toEqual({ direction: 'after' });
    expect(parseDaysText('')).toEqual({});
    expect(parseDaysText('5a')).toEqual({ invalid: true });
    expect(parseDaysText('--5')).toEqual({ invalid: true });
    expect(parseDaysText('1.5')).toEqual({ invalid: true });
  });

  it('never turns a typed -5 into 5, 55 or +5, keystroke after keystroke', () => {
    // The box starts at "3" (3 days after); the person selects it and types "-", then "5".
    let direction = directionOf(3);
    const offsets: number[] = [];
    for (const text of ['-', '-5']) {
      const edit = applyDaysText(text, direction);
      direction = edit.direction;
      if ('offset' in edit) offsets.push(edit.offset);
    }
    expect(offsets).toEqual([-5]);
    expect(direction).toBe('before');
  });

  it('keeps the chosen direction for a bare count, and lets a sign change it', () => {
    expect(applyDaysText('5', 'before')).toEqual({ offset: -5, direction: 'before' });
    expect(applyDaysText('5', 'after')).toEqual({ offset: 5, direction: 'after' });
    expect(applyDaysText('+5', 'before')).toEqual({ offset: 5, direction: 'after' });
    expect(applyDaysText('05', 'before')).toEqual({ offset: -5, direction: 'before' });
  });

  it('leaves the offset alone when the box is cleared or wrong, and says why', () => {
    expect(applyDaysText('', 'before')).toEqual({ direction: 'before' });
    expect(applyDaysText('-', 'after')).toEqual({ direction: 'before' });
    expect(applyDaysText('abc', 'after')).toEqual({ direction: 'after', error: 'notANumber' });
    expect(applyDaysText('-400', 'after')).toEqual({ direction: 'before', error: 'tooFar' });
  });

  it('keeps the anchor day at 0 whatever the direction', () => {
    expect(offsetOf(0, 'before')).toBe(0);
    expect(Object.is(offsetOf(0, 'before'), -0)).toBe(false);
    expect(directionOf(0, 'before')).toBe('before');
    expect(directionOf(-2, 'after')).toBe('before');
    expect(signedDays(0)).toBe('+0');
    expect(signedDays(-5)).toBe('-5');
  });
});

describe('a wait in words', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('writes J-5 in French and D-5 in English', () => {
    expect(offsetCode('due_date', -5, t.fr)).toBe('J-5');
    expect(offsetCode('due_date', 45, t.fr)).toBe('J+45');
    expect(offsetCode('due_date', -5, t.en)).toBe('D-5');
    expect(offsetCode('previous_step', 3, t.fr)).toBe('Étape précédente +3');
  });

  it('says the date as people do, in both languages', () => {
    expect(offsetSentence('due_date', -5, 'calendar', t.en)).toBe('5 days before the due date');
    expect(offsetSentence('due_date', -5, 'calendar', t.fr)).toBe('5 jours avant l’échéance');
    expect(offsetSentence('due_date', 1, 'business', t.fr)).toBe('1 jour ouvré après l’échéance');
    expect(offsetSentence('issue_date', 30, 'business', t.en)).toBe('30 business days after the issue date');
    expect(offsetSentence('due_date', 0, 'calendar', t.fr)).toBe('Le jour de l’échéance');
    expect(offsetSentence('previous_step', 2, 'calendar', t.en)).toBe('2 days after the previous step');
  });
});

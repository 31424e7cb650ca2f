import { countSmsSegments } from './sms-segments';

describe('SMS segments', () => {
  it('counts GSM-7 text, with extension characters twice', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSmsSegments('Total: 12,50 €')).toEqual({ encoding: 'GSM-7', units: 15, segments: 1 });
    expect(countSmsSegments('Échéance dépassée').encoding).toBe('GSM-7');
    expect(countSmsSegments('Votre fenêtre de paiement').encoding).toBe('UCS-2'); // “ê” is not GSM-7
  });

  it('switches to UCS-2 for characters outside GSM-7', () => {
    expect(countSmsSegments('ê'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSmsSegments('ê'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });
});

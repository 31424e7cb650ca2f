import { standardFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import { en, fr } from '../../i18n/messages';
import { LABEL_GAP, LABEL_LINE, LABEL_MARGIN, LABEL_PAD, conditionWords, edgeLabelLayout, outcomeWords } from './edge-labels';

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('edge labels in words', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('reads a branch case as its condition, in euros, and its other outcome as "Otherwise"', () => {
    const branch = standardFlow().nodes.find((n) => n.id === 'amount-check');
    expect(outcomeWords(branch, 'small', t.en, 'en')).toBe('Amount < €100.00');
    expect(outcomeWords(branch, 'small', t.fr, 'fr').replace(/\s/g, ' ')).toBe('Montant < 100,00 €');
    expect(outcomeWords(branch, 'else', t.fr, 'fr')).toBe('Sinon');
    expect(outcomeWords(undefined, 'promise_to_pay', t.fr, 'fr')).toBe('Promesse de paiement');
    expect(outcomeWords(undefined, 'promise_to_pay', t.en, 'en')).toBe('Promise to pay');
  });

  it('says every kind of condition', () => {
    expect(conditionWords({ field: 'days_overdue', op: 'gte', value: 30 }, t.fr, 'fr')).toBe('Jours de retard ≥ 30');
    expect(conditionWords({ field: 'risk_score', op: 'lte', value: 3 }, t.en, 'en')).toBe('Risk score ≤ 3');
    expect(conditionWords({ field: 'segment', op: 'in', value: ['smb', 'public'] }, t.en, 'en')).toBe('Segment is one of smb, public');
    expect(conditionWords({ field: 'last_outcome', op: 'eq', value: 'dispute' }, t.fr, 'fr')).toBe('Dernier résultat d’appel est Litige');
  });

  it('stacks the label boxes of the steps leading to one step above it, one box per step it comes from', () => {
    const flow = standardFlow();
    const { slots, zone } = edgeLabelLayout(flow);
    const toR2 = slots.get('call->reminder-2:no_answer')!;
    expect(toR2.outcomes).toEqual(['no_answer', 'wrong_contact', 'sla_expired']);
    expect(slots.get('call->reminder-2:sla_expired')).toBe(toR2);
    expect(toR2.offset).toBe(LABEL_MARGIN);
    expect(toR2.height).toBe(3 * LABEL_LINE + LABEL_PAD);
    expect(zone.get('reminder-2')).toBe(LABEL_MARGIN + 3 * LABEL_LINE + LABEL_PAD);
    const both = { ...flow, edges: [...flow.edges, { id: 'x', source: 'pre-reminder', target: 'reminder-2', outcome: 'bounced' }] };
    const second = edgeLabelLayout(both).slots.get('x')!;
    expect(second.offset).toBe(LABEL_MARGIN + toR2.height + LABEL_GAP);
    expect(slots.has('start->wait-pre-reminder')).toBe(false);
  });
});

import { type Flow, type FlowNode, standardFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import { en, fr } from '../i18n/messages';
import { diffFlows } from './flow-diff';

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

/** Version 2 of the standard flow: an SMS at J+3, the J+2 wait named and moved to J+7, reminder 3 renamed, the late fee gone. */
function edited(): Flow {
  const flow = structuredClone(standardFlow());
  const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
  const wait = node('wait-reminder-1') as Extract<FlowNode, { kind: 'wait' }>;
  wait.label = 'Grace period';
  wait.data = { ...wait.data, offsetDays: 7 };
  node('reminder-3').label = 'Last reminder';
  (node('reminder-1') as Extract<FlowNode, { kind: 'email' }>).data.attachInvoice = false;
  flow.nodes = flow.nodes.filter((n) => n.id !== 'late-fee');
  flow.edges = flow.edges.filter((e) => e.source !== 'late-fee' && e.target !== 'late-fee');
  flow.edges.push({ id: 'notice->doubtful', source: 'wait-formal-notice', target: 'doubtful' });
  flow.nodes.push({ id: 'sms-3', kind: 'sms', label: 'SMS J+3', position: { x: 0, y: 0 }, data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } });
  flow.edges.push({ id: 'call->sms', source: 'call', target: 'sms-3', outcome: 'wrong_contact' }, { id: 'sms->r2', source: 'sms-3', target: 'reminder-2' });
  flow.edges = flow.edges.filter((e) => !(e.source === 'call' && e.target === 'reminder-2' && e.outcome === 'wrong_contact'));
  flow.sendingWindow = { ...flow.sendingWindow, start: '08:00' };
  return flow;
}

describe('comparing two versions, in words, by step name', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('lists added, removed, renamed and changed steps, links and settings, never ids nor JSON', () => {
    const lines = diffFlows(standardFlow(), edited(), t.en, 'en');
    expect(lines).toEqual([
      { kind: 'changed', text: 'Changed the flow’s sending window: 09:00–18:00 → 08:00–18:00' },
      { kind: 'removed', text: 'Removed step “Recovery indemnity and interest”' },
      { kind: 'renamed', text: 'Renamed “Wait” to “Grace period”' },
      { kind: 'changed', text: 'Changed “Grace period”: 2 days after the due date, at 09:00 → 7 days after the due date, at 09:00' },
      expect.objectContaining({ kind: 'changed', text: expect.stringMatching(/^Changed “Reminder 1”: .+: yes → no$/) }),
      { kind: 'renamed', text: 'Renamed “Reminder 3 (formal)” to “Last reminder”' },
      { kind: 'added', text: 'Added step “SMS J+3”' },
      { kind: 'removed', text: 'Removed link from “Call the customer” to “Reminder 2 (firm)” (If the outcome is: Wrong contact)' },
      { kind: 'added', text: 'New link from “Wait” to “Doubtful receivable”' },
    ]);
    for (const line of lines) expect(line.text).not.toMatch(/[{}]|wait-reminder|late-fee|offsetDays/);
  });

  it('speaks French, and says when nothing changed', () => {
    const lines = diffFlows(standardFlow(), edited(), t.fr, 'fr').map((l) => l.text);
    expect(lines).toContain('Étape ajoutée : « SMS J+3 »');
    expect(lines).toContain('« Grace period » modifiée : 2 jours après l’échéance, à 09:00 → 7 jours après l’échéance, à 09:00');
    expect(lines).toContain('Réglage du scénario modifié, horaires d’envoi : 09:00–18:00 → 08:00–18:00');
    expect(diffFlows(standardFlow(), standardFlow(), t.fr, 'fr')).toEqual([]);
  });
});

import { type Flow, FlowBuilder, standardFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import { en, fr } from '../../i18n/messages';
import { flowPlan, planActions } from './flow-plan';
import { planLines } from './plan-words';
import { movedWords } from './simulation-words';

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

/** The French ladder of the issue: J-5 … J+45, an SMS, a call, and an amount branch between two letters. */
function ladder(): Flow {
  const f = new FlowBuilder({ id: 'ladder', name: 'Relance FR' });
  const wait = (id: string, offsetDays: number, anchor: 'due_date' | 'previous_step' = 'due_date') =>
    f.node({ id, kind: 'wait', data: { anchor, offsetDays, dayType: 'calendar' } });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const w1 = wait('w1', -5);
  const pre = f.node({ id: 'pre', kind: 'email', label: 'Pre-reminder', data: { template: 'pre-reminder', recipient: 'billing', attachInvoice: false } });
  const w2 = wait('w2', 3);
  const sms = f.node({ id: 'sms', kind: 'sms', data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } });
  const w3 = wait('w3', 12, 'previous_step'); // 3 + 12 = J+15
  const call = f.node({ id: 'call', kind: 'call_task', data: { slaHours: 48, priority: 'normal' } });
  const w4 = wait('w4', 30);
  const branch = f.node({ id: 'big', kind: 'branch', data: { cases: [{ outcome: 'big', when: { field: 'amount', op: 'gte', value: 500_00 } }] } });
  const notice = f.node({
    id: 'notice',
    kind: 'letter',
    label: 'Formal notice',
    data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: false },
  });
  const letter = f.node({ id: 'letter', kind: 'letter', data: { template: 'reminder-letter', registered: false, requireRecoverable: false } });
  const w5 = wait('w5', 45);
  const agency = f.node({ id: 'agency', kind: 'escalate', data: { requireRecoverable: false } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  f.chain(start, w1, pre, w2, sms, w3, call);
  for (const outcome of ['no_answer', 'wrong_contact', 'sla_expired']) f.link(call, w4, outcome);
  for (const outcome of ['promise_to_pay', 'dispute', 'paid']) f.link(call, end, outcome);
  f.chain(w4, branch);
  f.link(branch, notice, 'big').link(branch, letter, 'else');
  f.chain(notice, w5, agency, end);
  f.link(letter, w5);
  return f.build();
}

describe('the plan view: every action in order, dated from the due date, branches as sub-lists', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('reads the French ladder in French (J-5 … J+45), the amount branch indented', () => {
    // Amounts are formatted with the language's (narrow, non-breaking) spaces.
    expect(planLines(flowPlan(ladder()), t.fr, 'fr').map((line) => line.replace(/[\u202f\u00a0]/g, ' '))).toEqual([
      'J-5 · E-mail · Pre-reminder (modèle « Avis de courtoisie avant l’échéance »)',
      'J+3 · SMS · SMS de relance',
      'J+15 · Appel · Appel à passer par un chargé de recouvrement',
      'Si le résultat est : Sans réponse, Mauvais contact, Appel non passé à temps',
      '  Si montant dû ≥ 500,00 €',
      '    J+30 · Courrier · Formal notice (modèle « Mise en demeure ») — mise en demeure, 8 jours pour payer',
      '  Sinon',
      '    J+30 · Courrier · Lettre de relance',
      '  J+45 · Agence · Transmettre à l’agence de recouvrement',
      'Si le résultat est : Promesse de paiement, Litige, Payé',
      '  Fin du scénario',
    ]);
  });

  it('reads D-5 in English, and says “after the previous step” when a date cannot be known', () => {
    const flow = ladder();
    // After the call's outcome, a wait on the previous step counts from the call: J+15 + 2.
    flow.edges = flow.edges.map((e) => (e.source === 'call' && e.target === 'w4' ? { ...e, target: 'sms2' } : e));
    flow.nodes.push({ id: 'sms2', kind: 'sms', position: { x: 0, y: 0 }, data: { template: 'sms-call', recipient: 'billing', maxSegments: 1 } });
    flow.nodes.push({ id: 'w6', kind: 'wait', position: { x: 0, y: 0 }, data: { anchor: 'previous_step', offsetDays: 2, dayType: 'calendar' } });
    flow.edges.push({ id: 'sms2-w6', source: 'sms2', target: 'w6' }, { id: 'w6-w4', source: 'w6', target: 'w4' });
    const lines = planLines(flowPlan(flow), t.en, 'en');
    expect(lines.slice(0, 5)).toEqual([
      'D-5 · Email · Pre-reminder (template “Courtesy notice before the due date”)',
      'D+3 · SMS · SMS reminder',
      'D+15 · Call task · Call task for a collector',
      'If the outcome is: No answer, Wrong contact, Not called in time',
      '  Once the previous step has its outcome · SMS · Sms call',
    ]);
    expect(lines).toContain('    D+30 · Letter · Reminder letter');
  });

  it('counts waits on the previous step from the last action, and marks business days', () => {
    const f = new FlowBuilder({ id: 'relative', name: 'Relative' });
    const start = f.node({ id: 'start', kind: 'start', data: {} });
    const a = f.node({ id: 'a', kind: 'wait', data: { anchor: 'due_date', offsetDays: 2, dayType: 'business' } });
    const email = f.node({ id: 'email', kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } });
    const b = f.node({ id: 'b', kind: 'wait', data: { anchor: 'previous_step', offsetDays: 3, dayType: 'business' } });
    const c = f.node({ id: 'c', kind: 'wait', data: { anchor: 'previous_step', offsetDays: 4, dayType: 'calendar' } });
    const fee = f.node({ id: 'fee', kind: 'late_fee', data: { indemnity: true } });
    const loop = f.node({ id: 'again', kind: 'branch', data: { cases: [{ outcome: 'again', when: { field: 'days_overdue', op: 'lt', value: 60 } }] } });
    const end = f.node({ id: 'end', kind: 'end', data: {} });
    f.chain(start, a, email, b, fee, c, loop);
    f.link(loop, email, 'again').link(loop, end, 'else');
    const plan = flowPlan(f.build());
    expect(planLines(plan, t.en, 'en')).toEqual([
      'D+2 (business days) · Email · First reminder',
      'D+5 (business days) · Late fee',
      'If days overdue < 60 days',
      '  Then continues at “First reminder”',
      'Otherwise',
      '  End of the flow',
    ]);
    expect(planActions(plan).map((a) => a.node.id)).toEqual(['email', 'fee']);
  });

  it('lists the standard flow without losing an action, each once', () => {
    const flow = standardFlow();
    const ids = planActions(flowPlan(flow)).map((a) => a.node.id);
    const actions = flow.nodes.filter((n) => !['start', 'wait', 'branch', 'end'].includes(n.kind)).map((n) => n.id);
    expect([...ids].sort()).toEqual([...actions].sort());
    expect(planLines(flowPlan(flow), t.fr, 'fr')[0]).toBe('J-5 (jours ouvrés) · E-mail · Pre-reminder (modèle « Avis de courtoisie avant l’échéance »)');
  });
});

describe('why a simulated date moved, in words', () => {
  it('names the weekend, the holiday and the window in French and English', async () => {
    const [en, fr] = [await translator('en'), await translator('fr')];
    const reasons = [
      { kind: 'holiday' as const, date: '2026-05-08', name: 'Fête de la Victoire 1945' },
      { kind: 'weekend' as const, date: '2026-05-09' },
    ];
    expect(movedWords(reasons, fr, 'fr')).toBe('Décalé : jour férié Fête de la Victoire 1945 (8 mai 2026), le week-end du 9 mai 2026');
    expect(movedWords([{ kind: 'outside_window', localTime: '22:00', start: '09:00', end: '18:00' }], en, 'en')).toBe(
      'Moved: outside the sending hours 09:00–18:00 (planned at 22:00)',
    );
    expect(movedWords([], en, 'en')).toBeUndefined();
  });
});

import { NODE_KINDS, type FlowNode, type NodeKind, courtFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import { en, fr } from '../../i18n/messages';
import { describeStep } from './describe-step';
import { cachedCanvas, toCanvas } from './graph-conversion';
import { dataSchemaOf, newNodeData, outcomeHandles, PALETTE_KINDS } from './node-kinds';
import { fieldsOf } from './SchemaForm';
import { optionWords, stepAbout, stepFieldWords } from './step-words';

/** An i18next instance per language, as the app builds it (i18n/i18n.ts), without the browser. */
async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

const step = (kind: NodeKind): FlowNode => ({ id: kind, kind, position: { x: 0, y: 0 }, data: newNodeData(kind) }) as FlowNode;

describe('the editor’s words for every step kind, in English and French', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('offers every kind in the palette, with its name and what it does', () => {
    expect([...PALETTE_KINDS].sort()).toEqual([...NODE_KINDS].sort());
    const missing: string[] = [];
    for (const lng of ['en', 'fr'] as const)
      for (const kind of NODE_KINDS) {
        if (t[lng](`nodes.${kind}`) === `nodes.${kind}`) missing.push(`${lng} nodes.${kind}`);
        if (!stepAbout(kind, t[lng])) missing.push(`${lng} flowSteps.kinds.${kind}.about`);
      }
    expect(missing).toEqual([]);
  });

  it('labels and explains every field of every kind’s schema, and names every choice of its lists', () => {
    const missing: string[] = [];
    for (const lng of ['en', 'fr'] as const)
      for (const kind of NODE_KINDS) {
        const { labels, help } = stepFieldWords(kind, t[lng]);
        for (const field of fieldsOf(dataSchemaOf(kind))) {
          if (labels[field.name] === field.name) missing.push(`${lng} ${kind}.${field.name}.label`);
          if (!help[field.name]) missing.push(`${lng} ${kind}.${field.name}.help`);
          for (const option of field.options ?? []) if (optionWords(field.name, option, t[lng]) === option) missing.push(`${lng} ${kind}.${field.name} = ${option}`);
        }
      }
    expect(missing).toEqual([]);
  });

  it('shows the new court and insurance steps in plain words, citing the law', () => {
    expect(stepFieldWords('simplified_procedure', t.fr).labels.answerDays).toBe('Jours pour répondre');
    expect(stepFieldWords('simplified_procedure', t.en).labels.answerDays).toBe('Days to answer');
    expect(stepFieldWords('letter', t.en).labels.requireRecoverable).toBe('Only if the claim is certain, liquid and due');
    expect(stepFieldWords('escalate', t.fr).help.requireRecoverable).toMatch(/Code civil 1353.*L111-6/);
    expect(stepAbout('simplified_procedure', t.fr)).toMatch(/L125-1.*5 000 EUR/);
    expect(stepAbout('payment_order', t.en)).toMatch(/1405 to 1425.*one month to oppose \(art\. 1416\)/);
    expect(optionWords('court', 'auto', t.en)).toBe('By the debtor (automatic)');

    expect(describeStep(step('simplified_procedure'), t.en)).toBe('Simplified procedure — 30 days to answer');
    expect(describeStep(step('simplified_procedure'), t.fr)).toBe('Procédure simplifiée — 30 jours pour répondre');
    expect(describeStep({ ...step('payment_order'), data: { court: 'tribunal_de_commerce' } } as FlowNode, t.en)).toBe('Order for payment — commercial court');
    expect(describeStep(step('payment_order'), t.fr)).toBe('Injonction de payer — tribunal selon le débiteur');
    expect(describeStep(step('credit_insurance'), t.en)).toBe('Declare threat of loss');
    expect(describeStep({ ...step('letter'), data: { template: 'formal-notice', registered: true, requireRecoverable: true } } as FlowNode, t.en)).toBe(
      'Formal notice, registered, if certain, liquid and due',
    );
  });

  it('gives a court step one handle per outcome, named in both languages, and edges in words', () => {
    expect(outcomeHandles(step('simplified_procedure'))).toEqual(['accepted', 'refused', 'no_answer']);
    expect(outcomeHandles(step('payment_order'))).toEqual(['enforceable', 'opposition', 'rejected']);
    expect(outcomeHandles(step('credit_insurance'))).toEqual(['next']);
    const words = (lng: 'en' | 'fr', kind: NodeKind) => outcomeHandles(step(kind)).map((o) => t[lng](`outcomes.${o}`));
    expect(words('fr', 'simplified_procedure')).toEqual(['Acceptée', 'Refusée', 'Sans réponse']);
    expect(words('fr', 'payment_order')).toEqual(['Exécutoire', 'Opposition', 'Rejetée']);
    expect(words('en', 'payment_order')).toEqual(['Enforceable', 'Opposition', 'Rejected']);

    const { edges } = toCanvas(courtFlow(), []);
    expect(edges.find((e) => e.source === 'simplified-procedure' && e.sourceHandle === 'refused')?.data?.lines).toContain('refused');
    const inFrench = cachedCanvas((_, o) => t.fr(`outcomes.${o}`, { defaultValue: o }))(courtFlow(), []);
    expect(inFrench.edges.filter((e) => e.source === 'payment-order').flatMap((e) => e.data?.lines ?? [])).toEqual(['Exécutoire', 'Opposition', 'Rejetée']);
  });

  it('starts each new step with data its schema accepts', () => {
    for (const kind of ['simplified_procedure', 'payment_order', 'credit_insurance', 'letter', 'escalate'] as const)
      expect([kind, dataSchemaOf(kind).safeParse(newNodeData(kind)).success]).toEqual([kind, true]);
  });
});

describe('the plain words of a step’s card', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('writes waits as J-5 in French, templates by name, deadlines and branches in words', () => {
    const wait = { ...step('wait'), data: { anchor: 'due_date', offsetDays: -5, dayType: 'business', at: '09:00' } } as FlowNode;
    expect(describeStep(wait, t.fr)).toBe('J-5, 09:00, jours ouvrés');
    expect(describeStep(wait, t.en)).toBe('D-5, 09:00, business days');
    expect(describeStep({ ...step('call_task'), data: { slaHours: 24, priority: 'normal' } } as FlowNode, t.en)).toBe('Within 24 hours');
    expect(describeStep(step('sms'), t.fr)).toBe('SMS de relance (≤ 2 SMS)');
    const branch = { ...step('branch'), data: { cases: [{ outcome: 'large', when: { field: 'amount', op: 'gte', value: 50_000 } }] } } as FlowNode;
    expect(describeStep(branch, t.fr)).toMatch(/^Montant dû ≥ 500,00\s€$/);
  });
});

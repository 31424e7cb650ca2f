import { type Flow, standardFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import type { StepRecoveryRow } from '../api/step-recovery-queries';
import { en, fr } from '../i18n/messages';
import { DEFAULT_RECOVERY_WINDOW, RECOVERY_WINDOWS, defaultVersion, rateBar, rateText, recoveryByVersion, stepKindWords, stepOrder } from './step-recovery';

const FLOW = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function row(flowVersion: number, nodeId: string, more: Partial<StepRecoveryRow> = {}): StepRecoveryRow {
  return {
    flowId: FLOW,
    flowName: 'Standard',
    flowVersion,
    nodeId,
    kind: 'email',
    currency: 'EUR',
    invoices: 2,
    outstanding: 100_000,
    recovered: 25_000,
    recoveryRate: 0.25,
    settled: 0,
    ...more,
  };
}

/** The standard flow with its nodes listed backwards: the plan, not the list, orders the steps. */
function reversed(): Flow {
  const flow = standardFlow();
  return { ...flow, nodes: [...flow.nodes].reverse() };
}

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('which step pays, per version of a flow', () => {
  it('reads a version’s steps in its plan’s order, then the nodes the plan does not list', () => {
    const order = [...stepOrder(reversed()).keys()];
    expect(order.slice(0, 4)).toEqual(['pre-reminder', 'reminder-1', 'call', 'reminder-2']);
    expect(order.indexOf('reminder-3')).toBeLessThan(order.indexOf('escalate'));
    // Starts, waits and ends are no actions: they come after, as the graph lists them.
    expect(order.indexOf('wait-pre-reminder')).toBeGreaterThan(order.indexOf('escalate'));
    expect(new Set(order)).toEqual(new Set(standardFlow().nodes.map((n) => n.id)));
    expect(stepOrder(undefined).size).toBe(0);
  });

  it('groups the flow’s rows by version, newest first, every published version included, other flows left out', () => {
    const rows = [
      row(1, 'reminder-1'),
      row(2, 'reminder-2'),
      row(2, 'pre-reminder'),
      row(1, 'pre-reminder'),
      row(2, 'reminder-1', { flowId: OTHER }),
      // A version the editor has not loaded yet (published since): still shown.
      row(4, 'call'),
    ];
    const groups = recoveryByVersion(
      rows,
      FLOW,
      [1, 2, 3].map((version) => ({ version, graph: reversed() })),
    );
    expect(groups.map((g) => [g.version, g.rows.map((r) => r.nodeId)])).toEqual([
      [4, ['call']],
      [3, []],
      [2, ['pre-reminder', 'reminder-2']],
      [1, ['pre-reminder', 'reminder-1']],
    ]);
    expect(recoveryByVersion([], FLOW, [])).toEqual([]);
  });

  it('puts a step the version no longer has after its own steps, then orders by node id and currency', () => {
    const rows = [row(1, 'zz-gone', { kind: null }), row(1, 'aa-gone', { kind: null }), row(1, 'reminder-1', { currency: 'USD' }), row(1, 'reminder-1'), row(1, 'call')];
    const [group] = recoveryByVersion(rows, FLOW, [{ version: 1, graph: standardFlow() }]);
    expect(group!.rows.map((r) => `${r.nodeId} ${r.currency}`)).toEqual(['reminder-1 EUR', 'reminder-1 USD', 'call EUR', 'aa-gone EUR', 'zz-gone EUR']);
  });

  it('opens on the newest version with figures, else the newest', () => {
    expect(
      defaultVersion([
        { version: 3, rows: [] },
        { version: 2, rows: [row(2, 'call')] },
        { version: 1, rows: [row(1, 'call')] },
      ]),
    ).toBe(2);
    expect(
      defaultVersion([
        { version: 3, rows: [] },
        { version: 2, rows: [] },
      ]),
    ).toBe(3);
    expect(defaultVersion([])).toBeUndefined();
  });

  it('writes the rate as a percentage in the user’s language, a dash when nothing was owed, and sizes its bar', () => {
    expect(plain(rateText(0.4213, 'en'))).toBe('42.1 %');
    expect(plain(rateText(0.4213, 'fr'))).toBe('42,1 %');
    expect(plain(rateText(1, 'fr'))).toBe('100 %');
    expect(rateText(null, 'en')).toBe('—');
    expect([rateBar(0.4213), rateBar(0), rateBar(1), rateBar(1.2), rateBar(-0.1), rateBar(null), rateBar(Number.NaN)]).toEqual([42.1, 0, 100, 100, 0, 0, 0]);
  });

  it('offers windows of 7, 30, 60 and 90 days, 30 by default', () => {
    expect(RECOVERY_WINDOWS).toEqual([7, 30, 60, 90]);
    expect(RECOVERY_WINDOWS).toContain(DEFAULT_RECOVERY_WINDOW);
  });

  it('names a step by its kind in the palette’s words, in either language', async () => {
    const [english, french] = await Promise.all([translator('en'), translator('fr')]);
    expect(['email', 'call_task', 'escalate'].map((kind) => stepKindWords(kind, english))).toEqual([en.nodes.email, en.nodes.call_task, en.nodes.escalate]);
    expect(stepKindWords('call_task', french)).toBe(fr.nodes.call_task);
    expect(stepKindWords(null, french)).toBe(fr.stepRecovery.removedStep);
    expect(stepKindWords('carrier_pigeon', english)).toBe('carrier_pigeon');
  });

  it('says the rule and the figures in both languages', async () => {
    const [english, french] = await Promise.all([translator('en'), translator('fr')]);
    expect(english('stepRecovery.rule', { days: 30 })).toBe(
      'What invoices paid within 30 days after each step, against what they still owed when it ran; steps run before an invoice moved to another flow are not counted.',
    );
    expect(french('stepRecovery.rule', { days: 7 })).toContain('dans les 7 jours suivant chaque étape');
    expect([french('stepRecovery.settled', { count: 0 }), french('stepRecovery.settled', { count: 3 })]).toEqual(['0 soldée', '3 soldées']);
    expect(english('stepRecovery.settled', { count: 1 })).toBe('1 settled');
  });
});

import { type Flow, standardFlow } from '@dunning/flow';
import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import type { MigrationCount, MigrationStep } from '../../api/flow-migrations-queries';
import { en, fr } from '../../i18n/messages';
import {
  INVOICE_PAGE_SIZE,
  LEAVE,
  chooseTarget,
  defaultVersions,
  explicitMapping,
  howWords,
  invoicePage,
  moveTotals,
  movesInOrder,
  placeProblems,
  placeWords,
  previewBody,
  problemWords,
  reasonWords,
  targetOptions,
  targetValue,
} from './migration-preview';

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

/** Version 2 of the standard flow: reminder-2 renamed second-reminder, reminder-3 removed (its wait leads on). */
function version2(): Flow {
  const v1 = standardFlow();
  const rename = (id: string) => (id === 'reminder-2' ? 'second-reminder' : id);
  const into = new Map(v1.edges.filter((e) => e.source === 'reminder-3').map((e) => [e.outcome ?? '', e.target]));
  return {
    ...v1,
    nodes: v1.nodes.filter((n) => n.id !== 'reminder-3').map((n) => ({ ...n, id: rename(n.id) })),
    edges: v1.edges
      .filter((e) => e.source !== 'reminder-3')
      .map((e) => ({ ...e, source: rename(e.source), target: e.target === 'reminder-3' ? (into.get('') ?? e.target) : rename(e.target) })),
  };
}

const step = (id: string, target: string | null, how: MigrationStep['how']): MigrationStep => ({ step: id, kind: 'email', target, how });

describe('the dry run of moving running invoices to another version', () => {
  it('starts from the version before the newest, towards the newest', () => {
    expect(defaultVersions([1, 3, 2])).toEqual({ from: 2, to: 3 });
    expect(defaultVersions([4])).toEqual({ from: null, to: 4 });
    expect(defaultVersions([])).toEqual({ from: null, to: null });
  });

  it('builds the explicit mapping from the selects: a step, or null to leave its invoices; only steps of the running version', () => {
    let overrides = chooseTarget({}, 'reminder-2', 'second-reminder');
    overrides = chooseTarget(overrides, 'reminder-3', LEAVE);
    expect(overrides).toEqual({ 'reminder-2': 'second-reminder', 'reminder-3': null });
    // A cleared select changes nothing (the same object: nothing to ask again).
    expect(chooseTarget(overrides, 'reminder-2', null)).toBe(overrides);
    // The last choice of a step wins.
    expect(chooseTarget(overrides, 'reminder-3', 'late-fee')).toEqual({ 'reminder-2': 'second-reminder', 'reminder-3': 'late-fee' });
    expect(explicitMapping(overrides, ['reminder-2', 'reminder-3'])).toEqual({ 'reminder-2': 'second-reminder', 'reminder-3': null });
    expect(explicitMapping({ gone: 'call', 'reminder-2': null }, ['reminder-2'])).toEqual({ 'reminder-2': null });
    expect(explicitMapping({}, ['reminder-2'])).toBeUndefined();
    expect([targetValue(null), targetValue('call')]).toEqual([LEAVE, 'call']);
  });

  it('asks with both versions, and the mapping only when a step was chosen by hand; never for one version against itself', () => {
    const v1 = standardFlow();
    expect(previewBody(1, 2, {}, v1)).toEqual({ fromVersion: 1, toVersion: 2 });
    expect(previewBody(1, 2, { 'reminder-3': null, nope: 'call' }, v1)).toEqual({ fromVersion: 1, toVersion: 2, mapping: { 'reminder-3': null } });
    expect(previewBody(2, 2, {})).toBeUndefined();
    expect(previewBody(null, 2, {})).toBeUndefined();
  });

  it('offers the target version’s steps in its plan’s order, the end included, then leaving the invoices; a target it lacks is kept', async () => {
    const t = await translator('en');
    const options = targetOptions(version2(), t, 'late-fee');
    const values = options.map((o) => o.value);
    expect(values.slice(0, 3)).toEqual(['pre-reminder', 'reminder-1', 'call']);
    expect(values).toContain('second-reminder');
    expect(values).toContain('end');
    expect(values).not.toContain('reminder-3');
    expect(values.some((v) => v.startsWith('wait-') || v === 'start')).toBe(false);
    expect(options[options.length - 1]).toEqual({ value: LEAVE, label: 'Leave these invoices where they are' });
    expect(options.find((o) => o.value === 'second-reminder')!.label).toBe('Email · second-reminder');
    expect(
      targetOptions(version2(), t, 'chosen-elsewhere')
        .map((o) => o.value)
        .slice(-2),
    ).toEqual(['chosen-elsewhere', LEAVE]);
    expect(targetOptions(undefined, t).map((o) => o.value)).toEqual([LEAVE]);
  });

  it('orders the moves as the running version reads: before any step first, those that stay after those that move', () => {
    const counts: MigrationCount[] = [
      { from: 'reminder-3', to: null, invoices: 1 },
      { from: 'reminder-1', to: 'reminder-1', invoices: 2 },
      { from: 'start', to: 'start', invoices: 4 },
      { from: 'reminder-2', to: null, invoices: 1 },
      { from: 'reminder-2', to: 'second-reminder', invoices: 3 },
    ];
    expect(movesInOrder(counts, standardFlow()).map((c) => `${c.from}→${c.to}`)).toEqual([
      'start→start',
      'reminder-1→reminder-1',
      'reminder-2→second-reminder',
      'reminder-2→null',
      'reminder-3→null',
    ]);
    expect(moveTotals(counts)).toEqual({ moving: 9, staying: 2, total: 11 });
    expect(moveTotals([])).toEqual({ moving: 0, staying: 0, total: 0 });
  });

  it('names places and how a step was mapped in either language', async () => {
    const [english, french] = await Promise.all([translator('en'), translator('fr')]);
    expect(placeWords('start', standardFlow(), english)).toEqual({ kind: 'Before any step', id: null });
    expect(placeWords('call', standardFlow(), french)).toEqual({ kind: fr.nodes.call_task, id: 'call' });
    expect(placeWords('gone', standardFlow(), french)).toEqual({ kind: fr.flowMigration.unknownStep, id: 'gone' });
    expect((['same_id', 'next_surviving', 'explicit', 'none'] as const).map((how) => howWords(how, english))).toEqual([
      'Kept',
      'Next step that remains',
      'Chosen by hand',
      'No step',
    ]);
    expect(howWords('explicit', french)).toBe('Choisie à la main');
  });

  it('says why an invoice cannot move in the user’s language, from how its step was mapped', async () => {
    const french = await translator('fr');
    const mapping = [step('reminder-3', null, 'explicit'), step('gone', null, 'none'), step('reminder-1', 'reminder-1', 'same_id')];
    const versions = { from: 1, to: 2 };
    expect(reasonWords({ from: 'reminder-1', to: 'reminder-1' }, mapping, versions, french)).toBeUndefined();
    expect(reasonWords({ from: 'reminder-3', to: null }, mapping, versions, french)).toBe('Son étape ne correspond à aucune étape : elle reste sur la version 1.');
    expect(reasonWords({ from: 'gone', to: null }, mapping, versions, french)).toContain('version 2');
    expect(reasonWords({ from: 'elsewhere', to: null }, mapping, versions, french)).toBe('Elle se trouve après une étape que la version 1 n’a pas.');
  });

  it('places the API’s refusals next to the versions and the mapping rows, in words; the rest above', async () => {
    const [english, french] = await Promise.all([translator('en'), translator('fr')]);
    const refusal = new ApiError(422, 'mapping.reminder-2: no step "nope" in version 2', {
      problems: [
        { field: 'mapping.reminder-2', message: 'no step "nope" in version 2' },
        { field: 'toVersion', message: 'no such published version' },
      ],
    });
    expect(placeProblems(refusal, ['reminder-2'], english)).toEqual({
      byField: { 'mapping.reminder-2': 'No step “nope” in version 2', toVersion: 'No such published version' },
      unplaced: false,
    });
    // A step the table does not show: said above the tables.
    expect(placeProblems(refusal, [], french)).toEqual({ byField: { toVersion: 'Cette version publiée n’existe pas' }, unplaced: true });
    expect(placeProblems(new ApiError(500, 'boom', undefined), [], english)).toEqual({ byField: {}, unplaced: true });
    expect(placeProblems(null, [], english)).toEqual({ byField: {}, unplaced: false });
    expect(problemWords('another version than fromVersion', french)).toBe('Choisissez une autre version que la version en cours');
    // Others as the app says the API's reasons: a known one in words, an unknown one quoted.
    expect(problemWords('Required', french)).toBe(fr.apiProblems.required);
    expect(problemWords('something new', english)).toBe(english('apiProblems.other', { message: 'something new' }));
  });

  it('pages the invoices, keeping each one’s place in the whole list', () => {
    const invoices = Array.from({ length: 23 }, (_, i) => `F-${i}`);
    expect(INVOICE_PAGE_SIZE).toBe(10);
    const second = invoicePage(invoices, 2);
    expect([second.page, second.pages, second.rows.length, second.rows[0]]).toEqual([2, 3, 10, { invoice: 'F-10', index: 10 }]);
    expect(invoicePage(invoices, 9).rows.map((r) => r.index)).toEqual([20, 21, 22]);
    expect(invoicePage(invoices, 0).page).toBe(1);
    expect(invoicePage([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
  });

  it('says the totals in both languages, with plurals', async () => {
    const [english, french] = await Promise.all([translator('en'), translator('fr')]);
    expect([english('flowMigration.running', { count: 1 }), english('flowMigration.running', { count: 3 })]).toEqual(['1 running invoice', '3 running invoices']);
    expect([french('flowMigration.moving', { count: 1 }), french('flowMigration.staying', { count: 2 })]).toEqual(['1 serait déplacée', '2 resteraient']);
    expect(french('flowMigration.confirm', { count: 2, from: 1, to: 2 })).toBe('Déplacer 2 factures en cours de la version 1 vers la version 2 à leur prochaine étape ?');
    expect(english('flowMigration.confirm', { count: 1, from: 1, to: 2 })).toBe('Move 1 running invoice from version 1 to version 2 at its next step?');
    expect(french('flowMigration.run')).toBe('Simulation du déplacement');
  });
});

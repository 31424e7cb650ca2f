import i18next, { type TFunction } from 'i18next';
import type { FlowMigration, MigrationProgress } from '../../api/flow-migrations-queries';
import { ApiError } from '../../api/http';
import { en, fr } from '../../i18n/messages';
import {
  ITEMS_PAGE_SIZE,
  answersStamp,
  canRollBack,
  isUnderWay,
  itemsPage,
  migrationErrorWords,
  parsePlace,
  progressSections,
  rollbackAnswer,
  runReasonWords,
} from './migration-runs';

async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

const progress = (values: Partial<MigrationProgress> = {}): MigrationProgress => ({
  total: 0,
  waiting: 0,
  moved: 0,
  stayed: 0,
  closed: 0,
  rolledBack: 0,
  kept: 0,
  rollbackWaiting: 0,
  ...values,
});

describe('the moves applied to running invoices', () => {
  it('asks again only while invoices still have to answer the order or the rollback; a rollback is asked once', () => {
    const statuses: Array<FlowMigration['status']> = ['applying', 'applied', 'rolling_back', 'rolled_back'];
    expect(statuses.filter((status) => isUnderWay({ status }))).toEqual(['applying', 'rolling_back']);
    expect(canRollBack({ rolledBackAt: null })).toBe(true);
    expect(canRollBack({ rolledBackAt: '2026-12-04T08:00:00.000Z' })).toBe(false);
  });

  it('stamps the status and figures, so that an invoice’s answer asks for its page again', () => {
    const before = answersStamp({ status: 'applying', progress: progress({ total: 2, waiting: 2 }) });
    expect(answersStamp({ status: 'applying', progress: progress({ total: 2, waiting: 2 }) })).toBe(before);
    expect(answersStamp({ status: 'applying', progress: progress({ total: 2, waiting: 1, moved: 1 }) })).not.toBe(before);
    expect(answersStamp({ status: 'rolling_back', progress: progress({ total: 2, waiting: 2 }) })).not.toBe(before);
  });

  it('splits the bar by answer, as shares of all the invoices; the rollback’s answers once one was asked', () => {
    const figures = progress({ total: 4, moved: 2, stayed: 1, waiting: 1, rolledBack: 1, kept: 1 });
    expect(progressSections(figures, 'apply')).toEqual([
      { key: 'moved', count: 2, percent: 50 },
      { key: 'stayed', count: 1, percent: 25 },
      { key: 'closed', count: 0, percent: 0 },
      { key: 'waiting', count: 1, percent: 25 },
    ]);
    expect(progressSections(figures, 'rollback').map((s) => [s.key, s.count])).toEqual([
      ['rolledBack', 1],
      ['kept', 1],
      ['rollbackWaiting', 0],
    ]);
    // A migration of no invoice: nothing to divide.
    expect(progressSections(progress(), 'apply').every((s) => s.percent === 0)).toBe(true);
  });

  it('reads the API’s place in the target version; words it does not say are left alone', () => {
    expect(parsePlace('after second-reminder')).toEqual({ place: 'after', nodeId: 'second-reminder' });
    expect(parsePlace('before late-fee')).toEqual({ place: 'before', nodeId: 'late-fee' });
    expect(parsePlace('at the start')).toEqual({ place: 'start', nodeId: 'start' });
    expect(parsePlace(null)).toBeUndefined();
    expect(parsePlace('somewhere')).toBeUndefined();
  });

  it('says the workflow’s reasons in the user’s language, with their step and version; an unknown one quoted', async () => {
    const [english, french] = [await translator('en'), await translator('fr')];
    expect(runReasonWords('it has already run a step of version 2', french)).toBe('Elle a déjà exécuté une étape de la version 2.');
    expect(runReasonWords('this migration did not move it (it runs version 1)', french)).toBe('Ce déplacement ne l’a pas déplacée (elle suit la version 1).');
    expect(runReasonWords('step "reminder-3" was removed and no step after it is in version 2', english)).toBe(
      'Step “reminder-3” was removed and no step after it remains in version 2.',
    );
    expect(runReasonWords('step "call" is mapped to no step', french)).toBe('L’étape « call » ne correspond à aucune étape.');
    expect(runReasonWords('before late-fee has no edge to follow in version 2', french)).toBe('Là où elle serait dans la version 2, aucun chemin ne continue.');
    expect(runReasonWords('the migration was rolled back before the invoice reached a step boundary', french)).toBe(
      'Le déplacement a été annulé avant que la facture n’atteigne sa prochaine étape.',
    );
    expect(runReasonWords('it runs another flow now', french)).toBe('Elle suit désormais un autre scénario.');
    expect(runReasonWords('something new', french)).toBe('Raison donnée : « something new »');
  });

  it('says why applying or rolling back was refused, in words', async () => {
    const french = await translator('fr');
    const busy = new ApiError(409, 'migration 5d2… of this flow is still rolling back: wait until its invoices have answered', { message: '…' });
    expect(migrationErrorWords(busy, french)).toBe('Un autre déplacement de ce scénario n’est pas terminé : attendez que ses factures aient répondu.');
    expect(migrationErrorWords(new ApiError(409, 'migration 5d2… was already rolled back', {}), french)).toBe('Ce déplacement a déjà été annulé.');
    const invalid = new ApiError(422, 'toVersion: flow f has no published version 9', { problems: [{ field: 'toVersion', message: 'no such published version' }] });
    expect(migrationErrorWords(invalid, french)).toBe('Cette version publiée n’existe pas');
    expect(migrationErrorWords(new ApiError(500, 'boom', undefined), french)).toBe('boom');
  });

  it('pages the invoices by the migration’s total; a page past the end shows the last', () => {
    expect(itemsPage(1, 0)).toEqual({ page: 1, pages: 1, limit: ITEMS_PAGE_SIZE, offset: 0 });
    expect(itemsPage(2, ITEMS_PAGE_SIZE * 2 + 1)).toEqual({ page: 2, pages: 3, limit: ITEMS_PAGE_SIZE, offset: ITEMS_PAGE_SIZE });
    expect(itemsPage(9, ITEMS_PAGE_SIZE + 1).page).toBe(2);
  });

  it('says what the rollback did for each invoice: nothing to undo for those that stayed before it', () => {
    const asked = { rolledBackAt: '2026-12-04T08:00:00.000Z' };
    expect(rollbackAnswer({ rolledBackAt: null }, { outcome: 'moved', rollbackOutcome: null })).toBeUndefined();
    expect(rollbackAnswer(asked, { outcome: 'moved', rollbackOutcome: 'rolled_back' })).toBe('rolled_back');
    expect(rollbackAnswer(asked, { outcome: 'stayed', rollbackOutcome: 'kept' })).toBe('kept');
    expect(rollbackAnswer(asked, { outcome: 'moved', rollbackOutcome: null })).toBe('pending');
    expect(rollbackAnswer(asked, { outcome: null, rollbackOutcome: null })).toBe('pending');
    expect(rollbackAnswer(asked, { outcome: 'stayed', rollbackOutcome: null })).toBe('nothing');
  });
});

import { fieldProblems } from '../../account/field-problems';
import type { FlowMigration, MigrationItem, MigrationProgress } from '../../api/flow-migrations-queries';
import { ApiError } from '../../api/http';
import { type Translate, describeError } from '../../common/errors';
import { START, problemWords } from './migration-preview';

/**
 * Migrations applied to running invoices, for the flow editor: whether one is still under way (its
 * screen asks again), its progress as bar sections, where each invoice went in words, and the API's
 * reasons and refusals (English) in the user's language. Display only: the API counts and decides.
 */

/** Invoices of a migration shown per page of its table. */
export const ITEMS_PAGE_SIZE = 20;
/** How often a migration under way is asked again (its invoices answer at their own step boundaries). */
export const REFRESH_MS = 2000;

/** Still waiting for invoices to answer (the order, or the rollback): worth asking again. */
export const isUnderWay = (migration: Pick<FlowMigration, 'status'>): boolean => migration.status === 'applying' || migration.status === 'rolling_back';

/** The migration's status and figures in one word: its invoices' page is asked again when it changes (an answer changes a figure). */
export const answersStamp = (migration: Pick<FlowMigration, 'status' | 'progress'>): string =>
  [migration.status, ...Object.entries(migration.progress).map(([key, count]) => `${key}=${count}`)].join(' ');

/** A rollback can be asked once, while none was (the API answers 409 after). */
export const canRollBack = (migration: Pick<FlowMigration, 'rolledBackAt'>): boolean => migration.rolledBackAt === null;

export type ProgressKey = 'moved' | 'stayed' | 'closed' | 'waiting' | 'rolledBack' | 'kept' | 'rollbackWaiting';
export type ProgressSection = { key: ProgressKey; count: number; percent: number };

/** What the bar and the figures show: the order's answers, or, once a rollback was asked, the rollback's. */
const PHASES: Record<'apply' | 'rollback', readonly ProgressKey[]> = {
  apply: ['moved', 'stayed', 'closed', 'waiting'],
  rollback: ['rolledBack', 'kept', 'rollbackWaiting'],
};

/** The sections of one phase, each with its share of all the migration's invoices (0 when it has none). */
export function progressSections(progress: MigrationProgress, phase: 'apply' | 'rollback'): ProgressSection[] {
  return PHASES[phase].map((key) => ({ key, count: progress[key], percent: progress.total > 0 ? (progress[key] / progress.total) * 100 : 0 }));
}

/** The API's place in the target version ("after X", "before Y", "at the start") as a step and a side; undefined for words it does not say. */
export function parsePlace(place: string | null): { place: 'after' | 'before'; nodeId: string } | { place: 'start'; nodeId: typeof START } | undefined {
  if (place === null) return undefined;
  if (place === 'at the start') return { place: 'start', nodeId: START };
  const match = /^(after|before) (.+)$/.exec(place);
  return match ? { place: match[1] as 'after' | 'before', nodeId: match[2]! } : undefined;
}

/** The reasons the workflow and the API give (libs/flow's decideMigration, the worker, the rollback), as patterns and their words. */
const REASONS: Array<[RegExp, string, Array<'step' | 'version'>]> = [
  [/^this migration did not move it \(it runs version (\d+)\)$/, 'notMoved', ['version']],
  [/^it has already run a step of version (\d+)$/, 'ranStep', ['version']],
  [/^it runs version (\d+) now$/, 'runsVersion', ['version']],
  [/^step "(.+)" is not a step of version (\d+)$/, 'notAStep', ['step', 'version']],
  [/^step "(.+)" is mapped to no step/, 'left', ['step']],
  [/^step "(.+)" was removed and no step after it is in version (\d+)$/, 'removed', ['step', 'version']],
  [/^the invoice is unknown$/, 'unknownInvoice', []],
  [/^it runs another flow now$/, 'anotherFlow', []],
  [/^version (\d+) was not found$/, 'noVersion', ['version']],
  [/ has no edge to follow in version (\d+)$/, 'noEdge', ['version']],
  [/^the migration was rolled back before the invoice reached a step boundary$/, 'rolledBackFirst', []],
];

/** Why an invoice stayed or kept the new version, in the user's language; a reason the app does not know is quoted. */
export function runReasonWords(reason: string, t: Translate): string {
  for (const [pattern, key, names] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return t(`flowMigrationRuns.reasons.${key}`, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return t('flowMigrationRuns.reasons.other', { reason });
}

/**
 * A refusal of applying or rolling back, in words: another migration of the flow still under way,
 * a rollback already asked, the dry run's field problems; else what describeError says.
 */
export function migrationErrorWords(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 409) {
    if (/still (applying|rolling back)/.test(error.message)) return t('flowMigrationRuns.errors.busy');
    if (/already rolled back/.test(error.message)) return t('flowMigrationRuns.errors.alreadyRolledBack');
  }
  const problems = Object.values(fieldProblems(error));
  return problems.length > 0 ? problems.map((message) => problemWords(message, t)).join(' — ') : describeError(error, t).message;
}

/** The page of a migration's invoices to ask for (pages from 1; one past the end shows the last), and how many pages its total makes. */
export function itemsPage(page: number, total: number, size = ITEMS_PAGE_SIZE): { page: number; pages: number; limit: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { page: shown, pages, limit: size, offset: (shown - 1) * size };
}

/**
 * What the rollback did for an invoice: brought back, kept (with a reason), no answer yet, or nothing
 * to undo (it stayed before the rollback was asked: no order reaches it). Undefined without a rollback.
 */
export function rollbackAnswer(
  migration: Pick<FlowMigration, 'rolledBackAt'>,
  item: Pick<MigrationItem, 'outcome' | 'rollbackOutcome'>,
): 'rolled_back' | 'kept' | 'pending' | 'nothing' | undefined {
  if (migration.rolledBackAt === null) return undefined;
  if (item.rollbackOutcome) return item.rollbackOutcome;
  return item.outcome === 'stayed' ? 'nothing' : 'pending';
}

import type { Flow } from '@dunning/flow';
import { fieldProblems } from '../../account/field-problems';
import type { MigrationCount, MigrationHow, MigrationMove, MigrationPreviewBody, MigrationStep } from '../../api/flow-migrations-queries';
import { type Translate, reasonInWords } from '../../common/errors';
import { stepKindWords, stepOrder } from '../step-recovery';

/**
 * The dry run of moving running invoices to another version, for the flow editor: the versions it
 * starts from, the mapping a person changes step by step, the moves and the invoices in order, and
 * the API's refusals placed on the fields. Display only: the API computes every move and date.
 */

/** Where an invoice stands before any step (the API's word). */
export const START = 'start';
/** The select's value for "leave these invoices where they are" (a node id has letters, digits, _ and - only). */
export const LEAVE = ':leave';
/** Invoices shown per page of the dry run's table. */
export const INVOICE_PAGE_SIZE = 10;

/** What a person chose by hand: a step of the running version → a step of the target version, or null (its invoices stay). */
export type Overrides = Readonly<Record<string, string | null>>;

/** The versions offered first: the newest published as the target, the one before it as the running version. */
export function defaultVersions(versions: readonly number[]): { from: number | null; to: number | null } {
  const sorted = [...new Set(versions)].sort((a, b) => b - a);
  return { from: sorted[1] ?? null, to: sorted[0] ?? null };
}

/** A mapping row's select value: the target step's id, or LEAVE when its invoices stay. */
export const targetValue = (target: string | null): string => target ?? LEAVE;

/** The choices after a person picked `value` in the row of `step` (null: the select was cleared, nothing changes). */
export function chooseTarget(overrides: Overrides, step: string, value: string | null): Overrides {
  if (value === null) return overrides;
  return { ...overrides, [step]: value === LEAVE ? null : value };
}

/** The choices by hand the request carries: only steps the running version has; undefined when there are none. */
export function explicitMapping(overrides: Overrides, fromSteps?: Iterable<string>): Record<string, string | null> | undefined {
  const known = fromSteps ? new Set(fromSteps) : undefined;
  const entries = Object.entries(overrides).filter(([step]) => !known || known.has(step));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The request's body; undefined while a version is missing or both are the same (nothing to compare). */
export function previewBody(from: number | null, to: number | null, overrides: Overrides, fromGraph?: Flow): MigrationPreviewBody | undefined {
  if (from === null || to === null || from === to) return undefined;
  const mapping = explicitMapping(
    overrides,
    fromGraph?.nodes.map((n) => n.id),
  );
  return mapping ? { fromVersion: from, toVersion: to, mapping } : { fromVersion: from, toVersion: to };
}

/** Nodes an invoice cannot stand after (the API's control kinds), except the end: a step may lead to it. */
const NOT_A_TARGET = new Set(['start', 'wait', 'branch']);

/** A step in words for a list: "E-mail · reminder-1" (its kind as the editor's palette says it, then its id). */
export function stepChoiceLabel(kind: string, id: string, t: Translate): string {
  return `${stepKindWords(kind, t)} · ${id}`;
}

/**
 * What a mapping row's select offers: every step of the target version an invoice can stand after,
 * in the order its plan reads them, then "leave these invoices where they are". A target the list
 * would not have (chosen otherwise) is kept, so the select still shows it.
 */
export function targetOptions(to: Flow | undefined, t: Translate, current?: string | null): Array<{ value: string; label: string }> {
  const order = stepOrder(to);
  const steps = (to?.nodes ?? []).filter((n) => !NOT_A_TARGET.has(n.kind)).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const options = steps.map((n) => ({ value: n.id, label: stepChoiceLabel(n.kind, n.id, t) }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return [...options, { value: LEAVE, label: t('flowMigration.leave') }];
}

/** How a step's target was decided, in words: kept, the next step that remains, chosen by hand, no step. */
export function howWords(how: MigrationHow, t: Translate): string {
  return t(`flowMigration.how.${how}`);
}

/** A place an invoice stands in words: before any step, or the step's kind with its id (null when the version lacks it). */
export function placeWords(nodeId: string, graph: Flow | undefined, t: Translate): { kind: string; id: string | null } {
  if (nodeId === START) return { kind: t('flowMigration.beforeAnyStep'), id: null };
  const node = graph?.nodes.find((n) => n.id === nodeId);
  return { kind: node ? stepKindWords(node.kind, t) : t('flowMigration.unknownStep'), id: nodeId };
}

/** Where each place comes when read: before any step first, then the version's steps in its plan's order, others last. */
function placeOrder(graph: Flow | undefined): (nodeId: string) => number {
  const order = stepOrder(graph);
  return (nodeId) => (nodeId === START ? -1 : (order.get(nodeId) ?? Number.MAX_SAFE_INTEGER));
}

/** The moves in the running version's order (before any step first); of one step, the invoices that move before those that stay. */
export function movesInOrder(counts: readonly MigrationCount[], fromGraph: Flow | undefined): MigrationCount[] {
  const place = placeOrder(fromGraph);
  return [...counts].sort(
    (a, b) => place(a.from) - place(b.from) || a.from.localeCompare(b.from) || Number(a.to === null) - Number(b.to === null) || (a.to ?? '').localeCompare(b.to ?? ''),
  );
}

/** How many invoices would move, how many stay, and all of them. */
export function moveTotals(counts: readonly MigrationCount[]): { moving: number; staying: number; total: number } {
  const moving = counts.filter((c) => c.to !== null).reduce((sum, c) => sum + c.invoices, 0);
  const staying = counts.filter((c) => c.to === null).reduce((sum, c) => sum + c.invoices, 0);
  return { moving, staying, total: moving + staying };
}

/**
 * Why an invoice cannot move, in the user's language (the API's reason is English): its step is
 * mapped to no step by hand, or was removed with nothing after it kept, or is not in the running
 * version. Undefined for an invoice that moves.
 */
export function reasonWords(move: Pick<MigrationMove, 'from' | 'to'>, mapping: readonly MigrationStep[], versions: { from: number; to: number }, t: Translate): string | undefined {
  if (move.to !== null) return undefined;
  const step = mapping.find((m) => m.step === move.from);
  if (!step) return t('flowMigration.reasons.notAStep', { version: versions.from });
  return step.how === 'explicit' ? t('flowMigration.reasons.left', { version: versions.from }) : t('flowMigration.reasons.removed', { version: versions.to });
}

/** The API's reason for a refused field, in the user's language. */
export function problemWords(message: string, t: Translate): string {
  const noStep = /^no step "(.+)" in version (\d+)$/.exec(message);
  if (noStep) return t('flowMigration.problems.noStep', { step: noStep[1], version: noStep[2] });
  if (message === 'no such published version') return t('flowMigration.problems.noVersion');
  if (message === 'another version than fromVersion') return t('flowMigration.problems.sameVersion');
  return reasonInWords(message, t);
}

/**
 * A refusal placed on the panel's fields: `fromVersion`, `toVersion` and `mapping.<step>` for the
 * steps the table shows, each in words; `unplaced` when something is left to say above the tables
 * (a problem on another field, or an error that names none).
 */
export function placeProblems(error: unknown, steps: readonly string[], t: Translate): { byField: Record<string, string>; unplaced: boolean } {
  if (error == null) return { byField: {}, unplaced: false };
  const fields = new Set(['fromVersion', 'toVersion', ...steps.map((step) => `mapping.${step}`)]);
  const problems = Object.entries(fieldProblems(error));
  const placed = problems.filter(([field]) => fields.has(field));
  return {
    byField: Object.fromEntries(placed.map(([field, message]) => [field, problemWords(message, t)])),
    unplaced: problems.length === 0 || placed.length < problems.length,
  };
}

/** One page of the invoices (pages from 1; a page past the end shows the last), and how many pages there are. */
export function invoicePage<T>(invoices: readonly T[], page: number, size = INVOICE_PAGE_SIZE): { rows: Array<{ invoice: T; index: number }>; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(invoices.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (shown - 1) * size;
  return { rows: invoices.slice(start, start + size).map((invoice, i) => ({ invoice, index: start + i })), page: shown, pages };
}

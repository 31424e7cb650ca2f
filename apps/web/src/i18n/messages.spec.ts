import {
  AGING_BUCKETS,
  CALL_OUTCOMES,
  CLAIM_INTERRUPTION_KINDS,
  COURTS,
  DOCUMENT_KINDS,
  EXCEPTION_KINDS,
  INSURANCE_DECLARATION_KINDS,
  INSURANCE_DECLARATION_STATUSES,
  LEGAL_CASE_STAGES,
  LEGAL_ROUTES,
  RECEIVABLE_STATUSES,
  SCORE_BANDS,
  SCORE_SOURCES,
  SUPPORTING_DOCUMENT_TYPES,
  TIMELINE_ENTRY_TYPES,
} from '@dunning/domain';
import { HOLD_REASONS, PAYMENT_ORDER_OUTCOMES, SIMPLIFIED_PROCEDURE_OUTCOMES } from '@dunning/flow';
import { en, fr } from './messages';

/** Every leaf key of a messages tree ("a.b.c"). */
function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}
const at = (tree: object, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe('the UI in English and French', () => {
  it('has every word in both languages, none empty', () => {
    expect(leaves(fr).sort()).toEqual(leaves(en).sort());
    for (const key of leaves(en)) {
      expect([key, typeof at(en, key) === 'string' && (at(en, key) as string).length > 0]).toEqual([key, true]);
      expect([key, typeof at(fr, key) === 'string' && (at(fr, key) as string).length > 0]).toEqual([key, true]);
    }
  });

  it('names every code the API answers: statuses, buckets, call outcomes, exception kinds', () => {
    for (const messages of [en, fr]) {
      for (const status of RECEIVABLE_STATUSES) expect(messages.statuses[status]).toBeTruthy();
      for (const bucket of AGING_BUCKETS) expect(messages.buckets[bucket]).toBeTruthy();
      for (const outcome of CALL_OUTCOMES) expect(messages.outcomes[outcome]).toBeTruthy();
      for (const kind of EXCEPTION_KINDS) expect(messages.exceptionKinds[kind].help).toBeTruthy();
    }
  });

  it('names the codes of the legal and risk toolkit: court routes and their stages, insurance, scores, documents, holds, timeline', () => {
    const vocabularies: Array<[string, readonly string[]]> = [
      ['documentKinds', DOCUMENT_KINDS],
      ['invoices.documentKinds', DOCUMENT_KINDS],
      ['supportingDocumentTypes', SUPPORTING_DOCUMENT_TYPES],
      ['claimInterruptionKinds', CLAIM_INTERRUPTION_KINDS],
      ['legalRoutes', LEGAL_ROUTES],
      ['courts', COURTS],
      ['legalCaseStages', LEGAL_CASE_STAGES],
      ['insuranceDeclarationKinds', INSURANCE_DECLARATION_KINDS],
      ['insuranceDeclarationStatuses', INSURANCE_DECLARATION_STATUSES],
      ['scoreBands', SCORE_BANDS],
      ['scoreSources', SCORE_SOURCES],
      ['holdReasons', HOLD_REASONS],
      ['timeline', TIMELINE_ENTRY_TYPES],
      ['outcomes', [...SIMPLIFIED_PROCEDURE_OUTCOMES, ...PAYMENT_ORDER_OUTCOMES]],
    ];
    const missing = vocabularies.flatMap(([group, codes]) =>
      codes.flatMap((code) => [
        ...(typeof at(en, `${group}.${code}`) === 'string' ? [] : [`en ${group}.${code}`]),
        ...(typeof at(fr, `${group}.${code}`) === 'string' ? [] : [`fr ${group}.${code}`]),
      ]),
    );
    expect(missing).toEqual([]);
    expect([fr.statuses.old, fr.legalCaseStages.filed, fr.outcomes.refused]).toEqual(['Créance ancienne', 'Déposée au tribunal', 'Refusée']);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of leaves(en)) expect([key, placeholders(at(fr, key))]).toEqual([key, placeholders(at(en, key))]);
  });
});

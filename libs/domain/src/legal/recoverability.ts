import type { Locale } from '../vocabularies';

/**
 * A claim can be pursued (formal notice, agency, court) when it is certain, liquid and due —
 * "certaine, liquide et exigible" (Code des procédures civiles d'exécution L111-2 and L111-6;
 * Code de procédure civile 1405 for an order for payment): certain, its existence is proven (an
 * order, a signed quote, a delivery note attached or referenced — Code civil 1353: whoever claims
 * performance must prove the obligation); liquid, its amount is known; due, its term has come and
 * nothing suspends it (an open dispute). A claim past its limitation date can no longer be pursued
 * in court (Code civil 2219).
 */
export interface RecoverabilityFacts {
  /** A supporting document is attached, or `supportingReference` names one. */
  supportingDocuments: number;
  supportingReference?: string | null;
  /** What is owed, minor units. */
  balance: number;
  dueDate: string;
  /** The local date the check is made on. */
  today: string;
  disputed: boolean;
  limitationDate?: string | null;
}

export const RECOVERABILITY_REQUIREMENTS = ['certain', 'liquid', 'due', 'not_time_barred'] as const;
export type RecoverabilityRequirement = (typeof RECOVERABILITY_REQUIREMENTS)[number];

export interface RecoverabilityCheck {
  recoverable: boolean;
  /** Each requirement the claim fails, with what to do, in both languages. */
  missing: Array<{ requirement: RecoverabilityRequirement; article: string; message: Record<Locale, string> }>;
}

export function checkRecoverability(facts: RecoverabilityFacts): RecoverabilityCheck {
  const missing: RecoverabilityCheck['missing'] = [];
  if (facts.supportingDocuments === 0 && !facts.supportingReference?.trim()) {
    missing.push({
      requirement: 'certain',
      article: 'Code civil, art. 1353',
      message: {
        fr: 'Créance non certaine : joignez ou référencez le bon de commande, le devis signé ou le bon de livraison.',
        en: 'Not certain: attach or reference the order, the signed quote or the delivery note.',
      },
    });
  }
  if (!(facts.balance > 0)) {
    missing.push({ requirement: 'liquid', article: 'CPCE, art. L111-6', message: { fr: 'Créance non liquide : aucun montant dû.', en: 'Not liquid: no amount is owed.' } });
  }
  if (facts.today <= facts.dueDate || facts.disputed) {
    missing.push({
      requirement: 'due',
      article: 'CPCE, art. L111-6',
      message: facts.disputed
        ? { fr: 'Créance non exigible : un litige est ouvert.', en: 'Not due: a dispute is open.' }
        : { fr: `Créance non exigible : échéance au ${facts.dueDate}.`, en: `Not due: the due date is ${facts.dueDate}.` },
    });
  }
  if (facts.limitationDate && facts.today > facts.limitationDate) {
    missing.push({
      requirement: 'not_time_barred',
      article: 'Code civil, art. 2219',
      message: { fr: `Créance prescrite depuis le ${facts.limitationDate}.`, en: `Time-barred since ${facts.limitationDate}.` },
    });
  }
  return { recoverable: missing.length === 0, missing };
}

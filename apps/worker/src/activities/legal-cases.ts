import {
  type Court,
  LEGAL_CASE_FIRST_STAGE,
  type LegalCaseRequest,
  type LegalCaseStage,
  type LegalRoute,
  SIMPLIFIED_PROCEDURE_MAX,
  checkRecoverability,
  courtFor,
  decimalAmount,
  legalLateRatePercent,
  localToday,
} from '@dunning/domain';
import { renderLegalDossierPdf } from '@dunning/channels';
import type { DunningActivities, HeldStep } from '@dunning/workflows';
import type { ActivityDependencies, CreditorProfile, CustomerContacts, InvoiceState } from './ports';

/** A file the dossier lists among its supporting documents. */
export interface DossierPiece {
  kind: string;
  fileName: string;
  supportingType: string | null;
}

/** A case as a step opens it: the request's data and the amounts claimed (minor units). */
export interface OpeningLegalCase {
  stepKey: string;
  invoiceId: string;
  customerId: string;
  workflowId: string;
  nodeId: string;
  route: LegalRoute;
  court: Court | null;
  stage: LegalCaseStage;
  principal: number;
  interest: number;
  fees: number;
  currency: string;
  request: LegalCaseRequest;
  /** The simplified procedure: the end of the debtor's time to answer (UTC instant). */
  deadline: string | null;
}

/** Court cases opened by flow steps and their dossiers (the `legal_cases` rows and their `legal_dossier` documents). */
export interface LegalCaseStore {
  /** The case a step opened, if any: a retried step finds it. */
  caseOfStep(stepKey: string): Promise<{ caseId: string } | undefined>;
  /** The files of an invoice a dossier lists: its supporting documents (with their type), copies and letters sent. */
  dossierPieces(invoiceId: string): Promise<DossierPiece[]>;
  /** Opens the case with its dossier (a PDF stored once under the step key), once per step key; the existing case when the key was used. */
  openCase(opening: OpeningLegalCase, dossier: { fileName: string; content: Buffer }): Promise<{ caseId: string; dossierDocumentId: string; created: boolean }>;
}

type OpenRequest = Parameters<DunningActivities['openLegalCase']>[0];

const held = (detail: string): HeldStep => ({ outcome: 'held', reason: 'not_recoverable', detail });

/**
 * Opens the court case of a route, once per step key. The claim must be recoverable (certain,
 * liquid, due, not time-barred — CPCE L111-2, L111-6; CPC 1405; Code civil 2219), and for the
 * simplified procedure at most 5,000 EUR, principal, interest and fees included (CPCE L125-1,
 * R125-1); otherwise the step is held saying what is missing. The court of an order for payment is
 * the node's, or the commercial court for a company and the judicial court for a person (CPC 1406).
 */
export function legalCaseActivities(deps: ActivityDependencies): Pick<DunningActivities, 'openLegalCase'> {
  return {
    async openLegalCase(request) {
      const existing = await deps.legalCases.caseOfStep(request.idempotencyKey);
      if (existing) return { outcome: 'opened', caseId: existing.caseId };
      const invoiceId = request.invoice.invoiceId;
      const today = localToday(request.at, request.customer.timeZone);
      const facts = await deps.recoverability.recoverabilityFacts(invoiceId, today);
      const [state] = await deps.store.invoiceStates([invoiceId]);
      if (!facts || !state) return held(`invoice ${request.invoice.invoiceNumber} is unknown to the books`);
      const checked = checkRecoverability(facts);
      if (!checked.recoverable) return held(`Not recoverable: ${checked.missing.map((m) => `${m.message.en} (${m.article})`).join(' ')}`);
      if (request.route === 'simplified_procedure' && (state.currency !== SIMPLIFIED_PROCEDURE_MAX.currency || state.balance > SIMPLIFIED_PROCEDURE_MAX.amount)) {
        return held(
          `The simplified procedure is for claims up to ${decimalAmount(SIMPLIFIED_PROCEDURE_MAX.amount, 'EUR')} EUR, interest and fees included (CPCE L125-1, R125-1): ` +
            `${state.number} claims ${decimalAmount(state.balance, state.currency)} ${state.currency}. Route by amount (an order for payment, CPC 1405) or skip this step.`,
        );
      }
      const [creditor, contacts, policy, pieces] = await Promise.all([
        deps.store.creditor(),
        deps.store.contacts(request.invoice.customerId),
        deps.store.sendingPolicy(),
        deps.legalCases.dossierPieces(invoiceId),
      ]);
      const court = request.route === 'payment_order' ? (request.court && request.court !== 'auto' ? request.court : courtFor(request.invoice.customerType)) : null;
      const legalRequest = legalCaseRequest({
        request,
        today,
        court,
        creditor,
        contacts,
        state,
        pieces,
        supportingReference: facts.supportingReference ?? null,
        legalRatePercent: legalLateRatePercent(today, policy.lateRates).ratePercent,
      });
      const content = await renderLegalDossierPdf(legalRequest);
      const opened = await deps.legalCases.openCase(
        {
          stepKey: request.idempotencyKey,
          invoiceId,
          customerId: request.invoice.customerId,
          workflowId: request.workflowId,
          nodeId: request.nodeId,
          route: request.route,
          court,
          stage: LEGAL_CASE_FIRST_STAGE[request.route],
          principal: legalRequest.claim.principal,
          interest: legalRequest.claim.interest.amount,
          fees: legalRequest.claim.fees.amount,
          currency: state.currency,
          request: legalRequest,
          deadline: request.route === 'simplified_procedure' ? (request.deadline ?? null) : null,
        },
        { fileName: `${request.route === 'payment_order' ? 'injonction-de-payer' : 'procedure-simplifiee'}-${state.number}.pdf`, content },
      );
      return { outcome: 'opened', caseId: opened.caseId };
    },
  };
}

/** The request's information (the official form's fields) from the books at the step's moment. */
export function legalCaseRequest(input: {
  request: OpenRequest;
  today: string;
  court: Court | null;
  creditor: CreditorProfile;
  contacts: CustomerContacts;
  state: InvoiceState;
  pieces: DossierPiece[];
  supportingReference: string | null;
  legalRatePercent: number;
}): LegalCaseRequest {
  const { request, state } = input;
  const principal = state.balance - state.interestBalance - state.indemnityBalance;
  const contractual = state.lateInterestRatePercent !== undefined && state.lateInterestRatePercent !== null;
  const company = request.invoice.customerType === 'company';
  const amount = `${decimalAmount(state.amount, state.currency)} ${state.currency}`;
  return {
    route: request.route,
    court: input.court,
    preparedOn: input.today,
    reference: request.idempotencyKey,
    creditor: {
      name: input.creditor.name,
      legalId: input.creditor.legalId ?? null,
      addressLines: input.creditor.addressLines,
      email: input.creditor.email,
      phone: input.creditor.phone,
    },
    debtor: { name: input.contacts.name, type: request.invoice.customerType, legalId: input.contacts.legalId ?? null, addressLines: input.contacts.addressLines },
    claim: {
      invoiceNumber: state.number,
      issueDate: state.issueDate,
      dueDate: state.dueDate,
      currency: state.currency,
      principal,
      interest: {
        amount: state.interestBalance,
        ratePercent: contractual ? state.lateInterestRatePercent! : input.legalRatePercent,
        basis: contractual ? 'contractual' : 'legal',
        from: state.dueDate,
      },
      fees: { amount: state.indemnityBalance, recoveryIndemnity: state.indemnityBalance },
      total: state.balance,
    },
    grounds:
      `Facture n° ${state.number} émise le ${state.issueDate} pour ${amount}, exigible le ${state.dueDate} et demeurée impayée ` +
      `(force obligatoire du contrat, Code civil 1103 ; preuve de l’obligation, Code civil 1353)` +
      (company ? ` ; intérêts de retard et indemnité forfaitaire de recouvrement de plein droit entre professionnels (Code de commerce L441-10 II, D441-5).` : '.'),
    supportingReference: input.supportingReference,
    documents: input.pieces,
    answerDeadline: request.route === 'simplified_procedure' ? (request.deadline ?? null) : null,
    articles:
      request.route === 'payment_order'
        ? ['Code de procédure civile, art. 1405 à 1425', 'art. 1407 (contenu de la requête)', 'art. 1406 (juridiction)']
        : ['Code des procédures civiles d’exécution, art. L125-1, R125-1 et suivants'],
  };
}

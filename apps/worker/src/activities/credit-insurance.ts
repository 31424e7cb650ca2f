import { CLOSED_STATUSES, type InsuranceDeclarationKind, addCalendarDays, autoDeclareFrom, claimDeadline, insuredAmount, localToday, threatDeadline } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import { renderInsuranceDossierPdf } from '@dunning/channels';
import type { DunningActivities, ReceivableStatusActivities } from '@dunning/workflows';
import { fileSafe } from './documents';
import type { ActivityDependencies, InvoiceState } from './ports';

/** A credit insurance policy's terms (Code des assurances L112-4: written in the policy). */
export interface InsurancePolicy {
  policyId: string;
  insurer: string;
  policyNumber: string;
  coveragePercent: number;
  currency: string;
  threatDeclarationDays: number;
  claimDeadlineDays: number;
  autoDeclareDaysBefore: number | null;
}

/** A customer's cover: its active policy and the credit limit the insurer granted on it (agrément). */
export interface InsuredCustomer {
  policy: InsurancePolicy;
  limitAmount: number;
  currency: string;
}

export interface InsuranceDeclaration {
  declarationId: string;
  policyId: string;
  invoiceId: string;
  customerId: string;
  kind: InsuranceDeclarationKind;
  status: 'declared' | 'indemnified' | 'refused' | 'withdrawn';
  outstanding: number;
  insuredAmount: number;
  currency: string;
  /** UTC instant. */
  declaredAt: string;
  /** The policy's deadline it had to meet (local date). */
  deadline: string;
  declaredBy: 'flow' | 'rule' | 'user';
  dedupeKey: string;
  dossierDocumentId?: string;
}

export type NewInsuranceDeclaration = Omit<InsuranceDeclaration, 'declarationId' | 'status' | 'dossierDocumentId'>;

/** Credit insurance for the activities: covers, declarations (once per invoice and kind), dossiers. */
export interface InsuranceStore {
  /** The customer's active policy and insured limit; undefined when the customer is not insured. */
  coverOf(customerId: string): Promise<InsuredCustomer | undefined>;
  declarationsOf(invoiceId: string): Promise<InsuranceDeclaration[]>;
  /** What the customer's other open declarations of a kind already take of its limit (insured amounts). */
  insuredByOthers(customerId: string, kind: InsuranceDeclarationKind, exceptInvoiceId: string): Promise<number>;
  /** Records a declaration once: the same dedupe key, or the same invoice and kind, answers the existing one (`created: false`). */
  declare(declaration: NewInsuranceDeclaration): Promise<{ declaration: InsuranceDeclaration; created: boolean }>;
  /** Stores the claim's dossier (kind `insurance_dossier`, once per declaration) and links it to the declaration. */
  attachDossier(declarationId: string, file: { invoiceId: string; filename: string; content: Buffer }): Promise<{ documentId: string }>;
  /** The invoice's timeline as recorded (the dossier lists the reminders and formal notices). */
  timelineOf(invoiceId: string): Promise<TimelineEntry[]>;
  /** The file names kept for the invoice (invoice copies, letters, supporting documents). */
  documentNamesOf(invoiceId: string): Promise<string[]>;
  /**
   * Open invoices due before a local date, of customers insured under an active policy with an
   * automatic declaration delay, in the limit's currency, with no threat declared yet.
   */
  threatCandidates(dueBefore: string): Promise<Array<{ invoiceId: string; customerId: string; dueDate: string; timeZone: string; policy: InsurancePolicy }>>;
}

type Declared = { outcome: 'declared'; declarationId: string } | { outcome: 'skipped'; reason: string };

/**
 * Credit insurance steps and the automatic rule.
 *
 * The threat of loss (menace de sinistre) is declared once an invoice is past due, before the
 * policy's deadline (due date + `threatDeclarationDays`); the claim (demande d'indemnisation)
 * within `claimDeadlineDays` of the threat, with a dossier. A declaration made after its deadline is
 * still made — the insurer decides — but it goes to the exceptions inbox (`insurance_deadline`):
 * a late declaration can lose the cover (Code des assurances L113-2 4°, when the policy says so).
 *
 * A claim step reached with no threat declared declares the threat first, in the same step: every
 * credit insurer's policy makes the threat declaration the start of the claim (its deadline runs
 * from it), and holding the flow would only let the threat's own deadline pass.
 */
export function insuranceActivities(deps: ActivityDependencies): Pick<DunningActivities, 'declareToInsurer'> & Pick<ReceivableStatusActivities, 'declareDueThreats'> {
  const { store, insurance } = deps;

  async function declare(
    invoice: InvoiceState,
    cover: InsuredCustomer,
    request: {
      kind: InsuranceDeclarationKind;
      at: string;
      timeZone: string;
      dedupeKey: string;
      declaredBy: 'flow' | 'rule';
      threat?: InsuranceDeclaration;
      workflowId?: string;
      nodeId?: string;
    },
  ): Promise<{ declaration: InsuranceDeclaration; created: boolean }> {
    const today = localToday(request.at, request.timeZone);
    const deadline =
      request.kind === 'threat' ? threatDeadline(invoice.dueDate, cover.policy) : claimDeadline(localToday(request.threat!.declaredAt, request.timeZone), cover.policy);
    const others = await insurance.insuredByOthers(invoice.customerId, request.kind, invoice.invoiceId);
    const result = await insurance.declare({
      policyId: cover.policy.policyId,
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      kind: request.kind,
      outstanding: invoice.balance,
      insuredAmount: insuredAmount(invoice.balance, cover.limitAmount, cover.policy.coveragePercent, others),
      currency: invoice.currency,
      declaredAt: request.at,
      deadline,
      declaredBy: request.declaredBy,
      dedupeKey: request.dedupeKey,
    });
    const { declaration } = result;
    if (result.created) {
      const what = declaration.kind === 'threat' ? 'threat of loss declared' : 'claim filed';
      const entry: TimelineEntry = {
        at: declaration.declaredAt,
        type: 'insurance',
        outcome: declaration.kind,
        amount: declaration.insuredAmount,
        detail: `${what} to ${cover.policy.insurer} (policy ${cover.policy.policyNumber}), deadline ${declaration.deadline}`,
        ...(request.nodeId ? { nodeId: request.nodeId } : {}),
      };
      await store.appendTimeline(invoice.invoiceId, [entry]);
    }
    if (today > declaration.deadline) {
      await store.reportException({
        kind: 'insurance_deadline',
        dedupeKey: `insurance-deadline:${declaration.declarationId}`,
        message: `the ${declaration.kind === 'threat' ? 'threat of loss' : 'claim'} on ${invoice.number} was declared on ${today}, after the policy's deadline (${declaration.deadline}): the insurer may refuse the cover (Code des assurances L113-2 4°)`,
        invoiceId: invoice.invoiceId,
        customerId: invoice.customerId,
        workflowId: request.workflowId,
        nodeId: request.nodeId,
        detail: { declarationId: declaration.declarationId, deadline: declaration.deadline, declaredOn: today },
      });
    }
    return result;
  }

  /** The claim's dossier: policy, insurer, debtor, invoice, amounts, dunning done (from the timeline) and the documents held. */
  async function dossier(invoice: InvoiceState, cover: InsuredCustomer, claim: InsuranceDeclaration, threat: InsuranceDeclaration, locale: string, timeZone: string) {
    const [creditor, contacts, timeline, documents] = await Promise.all([
      store.creditor(),
      store.contacts(invoice.customerId),
      insurance.timelineOf(invoice.invoiceId),
      insurance.documentNamesOf(invoice.invoiceId),
    ]);
    const money = (amount: number) => ({ amount, currency: invoice.currency });
    const dunning = timeline
      .filter((e) => e.type === 'step' && (e.kind === 'email' || e.kind === 'sms' || e.kind === 'letter'))
      .map((e) => ({ date: localToday(e.at, timeZone), what: [e.channel ?? e.kind, e.template].filter(Boolean).join(' '), formalNotice: e.kind === 'letter' }));
    const content = await renderInsuranceDossierPdf({
      locale,
      reference: `${cover.policy.policyNumber} / ${invoice.number}`,
      policy: { insurer: cover.policy.insurer, policyNumber: cover.policy.policyNumber, coveragePercent: cover.policy.coveragePercent },
      creditor: { name: creditor.name, addressLines: creditor.addressLines, email: creditor.email },
      debtor: { name: contacts.name, legalId: contacts.legalId, addressLines: contacts.addressLines },
      invoices: [{ number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: money(invoice.amount), outstanding: money(claim.outstanding) }],
      outstanding: money(claim.outstanding),
      insuredAmount: money(claim.insuredAmount),
      creditLimit: money(cover.limitAmount),
      threat: { declaredOn: localToday(threat.declaredAt, timeZone), deadline: threat.deadline },
      claim: { filedOn: localToday(claim.declaredAt, timeZone), deadline: claim.deadline },
      dunning,
      documents,
    });
    return insurance.attachDossier(claim.declarationId, { invoiceId: invoice.invoiceId, filename: `insurance-claim-${fileSafe(invoice.number)}.pdf`, content });
  }

  return {
    async declareToInsurer(request): Promise<Declared> {
      const [invoice] = await store.invoiceStates([request.invoice.invoiceId]);
      if (!invoice) return { outcome: 'skipped', reason: 'unknown invoice' };
      const cover = await insurance.coverOf(invoice.customerId);
      if (!cover) return { outcome: 'skipped', reason: 'not insured: the customer has no insured credit limit under an active policy' };
      if (cover.currency !== invoice.currency)
        return { outcome: 'skipped', reason: `not insured: the customer's limit is in ${cover.currency}, the invoice in ${invoice.currency}` };
      if (invoice.balance <= 0 || CLOSED_STATUSES.has(invoice.status)) return { outcome: 'skipped', reason: 'nothing is owed on the invoice' };
      const { timeZone } = request.customer;
      if (localToday(request.at, timeZone) <= invoice.dueDate) return { outcome: 'skipped', reason: 'not past due: a threat of loss is an unpaid invoice after its due date' };
      const common = { at: request.at, timeZone, declaredBy: 'flow' as const, workflowId: request.workflowId, nodeId: request.nodeId };
      const existing = await insurance.declarationsOf(invoice.invoiceId);
      const threat =
        existing.find((d) => d.kind === 'threat') ??
        (
          await declare(invoice, cover, {
            ...common,
            kind: 'threat',
            dedupeKey: request.action === 'declare_threat' ? request.idempotencyKey : `${request.idempotencyKey}:threat`,
          })
        ).declaration;
      if (request.action === 'declare_threat') return { outcome: 'declared', declarationId: threat.declarationId };
      const { declaration: claim } = existing.some((d) => d.kind === 'claim')
        ? { declaration: existing.find((d) => d.kind === 'claim')! }
        : await declare(invoice, cover, { ...common, kind: 'claim', dedupeKey: request.idempotencyKey, threat });
      if (!claim.dossierDocumentId) await dossier(invoice, cover, claim, threat, request.customer.locale, timeZone);
      return { outcome: 'declared', declarationId: claim.declarationId };
    },

    async declareDueThreats({ at }) {
      // As of the workflow's start (the schedule's day): a retried attempt declares what that day called for, dated then.
      const now = new Date(at).toISOString();
      const candidates = await insurance.threatCandidates(addCalendarDays(now.slice(0, 10), 2));
      let declared = 0;
      for (const candidate of candidates) {
        const today = localToday(now, candidate.timeZone);
        const from = autoDeclareFrom(candidate.dueDate, candidate.policy);
        if (!from || today < from) continue;
        const [invoice] = await store.invoiceStates([candidate.invoiceId]);
        if (!invoice || invoice.balance <= 0 || CLOSED_STATUSES.has(invoice.status) || today <= invoice.dueDate) continue;
        const cover = await insurance.coverOf(invoice.customerId);
        if (!cover || cover.currency !== invoice.currency) continue;
        const result = await declare(invoice, cover, { kind: 'threat', at: now, timeZone: candidate.timeZone, dedupeKey: `rule:threat:${invoice.invoiceId}`, declaredBy: 'rule' });
        if (result.created) declared++;
      }
      return { declared };
    },
  };
}

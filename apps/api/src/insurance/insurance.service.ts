import { Inject, Injectable, NotFoundException, Optional } from '@nestjs/common';
import type { InsuranceDeclarationBody, InsuranceIndemnityBody, InsuranceExposureReport, InsuredLimitBody, InsurancePolicyBody, InsurancePolicyPatch } from '@dunning/api-contract';
import { CLOSED_STATUSES, type InsuranceDeclarationKind, claimDeadline, insuranceExposure, insuredAmount, localToday, threatDeadline } from '@dunning/domain';
import {
  CustomersRepository,
  DocumentsRepository,
  ExceptionsRepository,
  type InsuranceDeclarationRow,
  type InsurancePolicyRow,
  InsuranceRepository,
  InvoicesRepository,
  LedgerRepository,
} from '@dunning/db';
import { renderInsuranceDossierPdf } from '@dunning/channels';
import { ReceivableRefusal, ReceivablesService } from '@dunning/receivables';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CreditorIdentityService } from '../settings/creditor-identity.service';

const refuse = (field: string, message: string) => new ReceivableRefusal('invalid', field, message);
const conflict = (field: string, message: string) => new ReceivableRefusal('conflict', field, message);

/**
 * Credit insurance (assurance-crédit): the policies and limits a credit manager keeps, the
 * declarations (a flow step, the automatic rule, or a person here), the indemnity — posted in the
 * books by the receivables service, the one writer of money — and the exposure report.
 */
@Injectable()
export class InsuranceService {
  constructor(
    private readonly insurance: InsuranceRepository,
    private readonly customers: CustomersRepository,
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsRepository,
    private readonly exceptions: ExceptionsRepository,
    private readonly ledger: LedgerRepository,
    private readonly receivables: ReceivablesService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    /** The identity the admin set (settings module); without it (unit tests), the environment's. */
    @Optional() private readonly creditorIdentity?: CreditorIdentityService,
  ) {}

  async listPolicies() {
    return { items: await this.insurance.listPolicies() };
  }

  async createPolicy(body: InsurancePolicyBody): Promise<InsurancePolicyRow> {
    if (await this.insurance.findPolicyByNumber(body.policyNumber)) throw conflict('policyNumber', `policy ${body.policyNumber} already exists`);
    return this.insurance.createPolicy({ ...body, autoDeclareDaysBefore: body.autoDeclareDaysBefore ?? null });
  }

  async updatePolicy(id: string, patch: InsurancePolicyPatch): Promise<InsurancePolicyRow> {
    const updated = await this.insurance.updatePolicy(id, patch);
    if (!updated) throw new NotFoundException(`policy ${id} not found`);
    return updated;
  }

  async listLimits() {
    const rows = await this.insurance.listLimits();
    return { items: rows.map(({ createdAt: _c, updatedAt: _u, ...row }) => row) };
  }

  async setLimit(customerId: string, body: InsuredLimitBody) {
    if (!(await this.customers.findById(customerId))) throw new NotFoundException(`customer ${customerId} not found`);
    const policy = await this.insurance.findPolicy(body.policyId);
    if (!policy) throw refuse('policyId', `policy ${body.policyId} not found`);
    if (!policy.active) throw refuse('policyId', `policy ${policy.policyNumber} is no longer active`);
    if (policy.currency !== body.currency) throw refuse('currency', `the policy insures ${policy.currency}`);
    await this.insurance.setLimit({ ...body, customerId });
    return (await this.listLimits()).items.find((l) => l.customerId === customerId)!;
  }

  async removeLimit(customerId: string): Promise<void> {
    if (!(await this.insurance.removeLimit(customerId))) throw new NotFoundException(`customer ${customerId} has no insured limit`);
  }

  async listDeclarations(filter: { customerId?: string; invoiceId?: string }) {
    const rows = await this.insurance.listDeclarations(filter);
    return { items: rows.map((r) => this.wire(r)) };
  }

  private wire(r: Awaited<ReturnType<InsuranceRepository['listDeclarations']>>[number]) {
    const d = r.declaration;
    return {
      id: d.id,
      policyId: d.policyId,
      insurer: r.insurer,
      policyNumber: r.policyNumber,
      invoiceId: d.invoiceId,
      invoiceNumber: r.invoiceNumber,
      invoiceBalance: r.invoiceBalance,
      customerId: d.customerId,
      customerName: r.customerName,
      kind: d.kind,
      status: d.status,
      outstanding: d.outstanding,
      insuredAmount: d.insuredAmount,
      currency: d.currency,
      declaredAt: d.declaredAt.toISOString(),
      deadline: d.deadline,
      late: d.declaredAt.toISOString().slice(0, 10) > d.deadline,
      declaredBy: d.declaredBy,
      dossierDocumentId: d.dossierDocumentId,
      indemnityAmount: d.indemnityAmount,
      indemnifiedOn: d.indemnifiedOn,
    };
  }

  private async one(id: string) {
    const declaration = await this.insurance.findDeclaration(id);
    if (!declaration) throw new NotFoundException(`declaration ${id} not found`);
    return (await this.insurance.listDeclarations({ invoiceId: declaration.invoiceId })).map((r) => this.wire(r)).find((d) => d.id === id)!;
  }

  /**
   * A person declares a threat of loss, or files a claim (the threat first when none was declared:
   * the policy's claim deadline runs from it). Past the policy's deadline it is still declared, and
   * the exceptions inbox says so (Code des assurances L113-2 4°).
   */
  async declare(body: InsuranceDeclarationBody, now = new Date()) {
    const invoice = await this.invoices.findById(body.invoiceId);
    if (!invoice) throw new NotFoundException(`invoice ${body.invoiceId} not found`);
    const customer = (await this.customers.findById(invoice.customerId))!;
    const cover = await this.insurance.coverOf(invoice.customerId);
    if (!cover) throw refuse('invoiceId', 'the customer has no insured credit limit under an active policy');
    if (cover.limit.currency !== invoice.currency) throw refuse('invoiceId', `the customer's limit is in ${cover.limit.currency}, the invoice in ${invoice.currency}`);
    if (invoice.balance <= 0 || CLOSED_STATUSES.has(invoice.status)) throw conflict('invoiceId', 'nothing is owed on this invoice');
    const today = localToday(now, customer.timeZone);
    if (today <= invoice.dueDate) throw refuse('invoiceId', `not past due (due ${invoice.dueDate}): a threat of loss is an unpaid invoice after its due date`);
    const existing = await this.insurance.declarationsOf(invoice.id);
    if (existing.some((d) => d.kind === body.kind)) throw conflict('kind', `a ${body.kind} was already declared on ${invoice.number}`);
    const make = async (kind: InsuranceDeclarationKind, threat?: InsuranceDeclarationRow) => {
      const deadline = kind === 'threat' ? threatDeadline(invoice.dueDate, cover.policy) : claimDeadline(localToday(threat!.declaredAt, customer.timeZone), cover.policy);
      const others = await this.insurance.insuredByOthers(invoice.customerId, kind, invoice.id);
      const { row } = await this.insurance.declare({
        policyId: cover.policy.id,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        kind,
        outstanding: invoice.balance,
        insuredAmount: insuredAmount(invoice.balance, cover.limit.limitAmount, cover.policy.coveragePercent, others),
        currency: invoice.currency,
        declaredAt: now,
        deadline,
        declaredBy: 'user',
        dedupeKey: `user:${kind}:${invoice.id}`,
      });
      await this.ledger.appendTimeline(invoice.id, [
        {
          at: now.toISOString(),
          type: 'insurance',
          outcome: kind,
          amount: row.insuredAmount,
          detail: `${kind === 'threat' ? 'threat of loss declared' : 'claim filed'} to ${cover.policy.insurer} (policy ${cover.policy.policyNumber}), deadline ${deadline}`,
        },
      ]);
      if (today > deadline) {
        await this.exceptions.report({
          kind: 'insurance_deadline',
          dedupeKey: `insurance-deadline:${row.id}`,
          message: `the ${kind === 'threat' ? 'threat of loss' : 'claim'} on ${invoice.number} was declared on ${today}, after the policy's deadline (${deadline}): the insurer may refuse the cover (Code des assurances L113-2 4°)`,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          detail: { declarationId: row.id, deadline, declaredOn: today },
        });
      }
      return row;
    };
    const threat = existing.find((d) => d.kind === 'threat') ?? (await make('threat'));
    if (body.kind === 'threat') return this.one(threat.id);
    const claim = await make('claim', threat);
    await this.dossier(claim, threat, cover.policy, customer);
    return this.one(claim.id);
  }

  /** The claim's dossier (kind `insurance_dossier`), as the worker makes it for a flow's claim. */
  /** The creditor on the dossier: the identity set in the settings, else the environment's. */
  private async creditor(): Promise<{ name: string; addressLines: string[]; email: string }> {
    if (this.creditorIdentity) {
      const { name, addressLines, email } = await this.creditorIdentity.effective();
      return { name, addressLines, email };
    }
    return { name: this.config.CREDITOR_NAME, addressLines: this.config.CREDITOR_ADDRESS.split('|').filter(Boolean), email: this.config.CREDITOR_EMAIL };
  }

  private async dossier(
    claim: InsuranceDeclarationRow,
    threat: InsuranceDeclarationRow,
    policy: InsurancePolicyRow,
    customer: NonNullable<Awaited<ReturnType<CustomersRepository['findById']>>>,
  ) {
    const invoice = (await this.invoices.findById(claim.invoiceId))!;
    const limit = (await this.insurance.coverOf(claim.customerId))!.limit;
    const timeline = await this.ledger.timeline(invoice.id);
    const files = (await this.documents.forInvoice(invoice.id)).filter((d) => d.kind !== 'handoff' && d.kind !== 'insurance_dossier').map((d) => d.filename);
    const money = (amount: number) => ({ amount, currency: invoice.currency });
    const content = await renderInsuranceDossierPdf({
      locale: customer.locale === 'en' ? 'en' : 'fr',
      reference: `${policy.policyNumber} / ${invoice.number}`,
      policy: { insurer: policy.insurer, policyNumber: policy.policyNumber, coveragePercent: policy.coveragePercent },
      creditor: await this.creditor(),
      debtor: { name: customer.name, legalId: customer.legalId ?? undefined, addressLines: customer.addressLines },
      invoices: [{ number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: money(invoice.amount), outstanding: money(claim.outstanding) }],
      outstanding: money(claim.outstanding),
      insuredAmount: money(claim.insuredAmount),
      creditLimit: money(limit.limitAmount),
      threat: { declaredOn: localToday(threat.declaredAt, customer.timeZone), deadline: threat.deadline },
      claim: { filedOn: localToday(claim.declaredAt, customer.timeZone), deadline: claim.deadline },
      dunning: timeline
        .filter((e) => e.type === 'step' && (e.kind === 'email' || e.kind === 'sms' || e.kind === 'letter'))
        .map((e) => ({ date: localToday(e.at, customer.timeZone), what: [e.channel ?? e.kind, e.template].filter(Boolean).join(' '), formalNotice: e.kind === 'letter' })),
      documents: [...new Set(files)].sort(),
    });
    const saved = await this.documents.saveOnce({
      kind: 'insurance_dossier',
      invoiceId: invoice.id,
      sourceKey: `insurance-dossier:${claim.id}`,
      filename: `insurance-claim-${invoice.number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`,
      contentType: 'application/pdf',
      content,
    });
    await this.insurance.setDossier(claim.id, saved.id);
  }

  /** The insurer paid: posted in the books (512 / 416 or 411) by the receivables service; the rest stays owed. */
  async recordIndemnity(id: string, body: InsuranceIndemnityBody) {
    const outcome = await this.receivables.recordInsuranceIndemnity({ declarationId: id, amount: body.amount, date: body.date, reference: body.reference });
    const i = outcome.invoice;
    return { declaration: await this.one(id), invoice: { id: i.id, number: i.number, balance: i.balance, status: i.status, currency: i.currency }, replayed: outcome.replayed };
  }

  /** Per customer: what is open, the insured share within the limit, the rest at the creditor's risk; totals per currency. */
  async exposure(): Promise<InsuranceExposureReport> {
    const lines = (await this.insurance.exposure()).map((row) => {
      const insured = row.limitAmount !== null && row.coveragePercent !== null ? insuranceExposure(row.openBalance, row.limitAmount, row.coveragePercent) : undefined;
      return {
        customerId: row.customerId,
        customerName: row.customerName,
        currency: row.currency,
        openBalance: row.openBalance,
        insurer: row.insurer,
        policyNumber: row.policyNumber,
        limitAmount: row.limitAmount,
        coveragePercent: row.coveragePercent,
        insuredExposure: insured?.insured ?? 0,
        uninsuredExposure: insured?.uninsured ?? row.openBalance,
        threats: row.threats,
        claims: row.claims,
        indemnified: row.indemnified,
      };
    });
    const totals = [...new Set(lines.map((l) => l.currency))].sort().map((currency) => {
      const of = lines.filter((l) => l.currency === currency);
      const sum = (pick: (l: (typeof lines)[number]) => number) => of.reduce((total, l) => total + pick(l), 0);
      return {
        currency,
        openBalance: sum((l) => l.openBalance),
        insuredExposure: sum((l) => l.insuredExposure),
        uninsuredExposure: sum((l) => l.uninsuredExposure),
        threats: sum((l) => l.threats),
        claims: sum((l) => l.claims),
      };
    });
    return { lines, totals };
  }
}

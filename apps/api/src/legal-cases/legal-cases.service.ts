import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { z } from 'zod';
import type { legalCaseCostBody, legalCaseStageBody } from '@dunning/api-contract';
import { type Database, type DatabaseHandle, DocumentsRepository, type LegalCaseListing, LegalCasesRepository, WorkflowSignalsRepository } from '@dunning/db';
import { type LegalCaseStage, checkLegalCaseMove, localToday, nextLegalCaseStages, oppositionPeriodEnd } from '@dunning/domain';
import { ReceivableRefusal, ReceivablesService } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { SignalRelayService } from '../dunning/signal-relay.service';

type StageBody = z.infer<typeof legalCaseStageBody>;
type CostBody = z.infer<typeof legalCaseCostBody>;

const entryOf = ({ legalCase, invoiceNumber, customerName }: LegalCaseListing) => ({
  id: legalCase.id,
  invoiceId: legalCase.invoiceId,
  invoiceNumber,
  customerId: legalCase.customerId,
  customerName,
  route: legalCase.route,
  court: legalCase.court,
  stage: legalCase.stage,
  nextStages: [...nextLegalCaseStages(legalCase.route, legalCase.stage)],
  principal: legalCase.principal,
  interest: legalCase.interest,
  fees: legalCase.fees,
  currency: legalCase.currency,
  dossierDocumentId: legalCase.dossierDocumentId,
  servedOn: legalCase.servedOn,
  deadline: legalCase.deadline,
  closedAt: legalCase.closedAt,
  workflowId: legalCase.workflowId,
  nodeId: legalCase.nodeId,
  createdAt: legalCase.createdAt,
  updatedAt: legalCase.updatedAt,
});

/**
 * Court cases after a flow step opened them: a person records what the commissaire de justice or
 * the court did (each stage in its route's order), and the legal fees paid. A stage and its signal
 * to the invoice's workflow (`legalCase`, through the outbox) are written in one transaction; a
 * filing also records the interruption of the limitation period (Code civil 2241) and a fee goes to
 * the books through the receivables service (6227 / 512).
 */
@Injectable()
export class LegalCasesService {
  private readonly cases: LegalCasesRepository;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly receivables: ReceivablesService,
    private readonly documents: DocumentsRepository,
    private readonly relay: SignalRelayService,
  ) {
    this.cases = new LegalCasesRepository(database.db);
  }

  async list(filter: Parameters<LegalCasesRepository['list']>[0]) {
    const { rows, total } = await this.cases.list(filter);
    return { rows: rows.map(entryOf), total };
  }

  private async existing(id: string, db: Database = this.database.db): Promise<LegalCaseListing> {
    const found = await this.cases.get(id, db);
    if (!found) throw new NotFoundException(`legal case ${id} not found`);
    return found;
  }

  async detail(id: string) {
    const found = await this.existing(id);
    const events = (await this.cases.events(id)).map(({ caseId: _case, ...event }) => event);
    return { ...entryOf(found), events, request: found.legalCase.request };
  }

  async dossier(id: string) {
    const found = await this.existing(id);
    const document = found.legalCase.dossierDocumentId ? await this.documents.get(found.legalCase.dossierDocumentId) : undefined;
    if (!document) throw new NotFoundException(`legal case ${id}: no dossier`);
    return document;
  }

  async request(id: string) {
    const found = await this.existing(id);
    return {
      fileName: `${found.legalCase.route === 'payment_order' ? 'injonction-de-payer' : 'procedure-simplifiee'}-${found.invoiceNumber}.json`,
      request: found.legalCase.request,
    };
  }

  /**
   * Records a stage on its date, once per reference. The order per route is the domain's
   * (`checkLegalCaseMove`: 409 otherwise). Served: the opposition month runs to the day after its
   * last day, 00:00 in the debtor's zone (CPC 1416, 1422), which the workflow waits for on a timer.
   */
  async recordStage(id: string, body: StageBody, userId?: string) {
    await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const cases = new LegalCasesRepository(tx);
      const locked = await cases.lock(id, tx);
      if (!locked) throw new NotFoundException(`legal case ${id} not found`);
      const { timeZone } = (await cases.get(id, tx))!;
      const existing = await cases.eventByReference(id, body.reference, tx);
      if (existing) {
        if (existing.kind === 'stage' && existing.stage === body.stage && existing.date === body.date) return;
        throw new ReceivableRefusal('conflict', 'reference', `${body.reference} was already recorded on this case for another event`);
      }
      const move = checkLegalCaseMove(locked.route, locked.stage, body.stage);
      if (!move.allowed) throw new ReceivableRefusal('conflict', 'stage', move.message);
      this.checkDate(body.date, locked.createdAt, timeZone);
      const stage: LegalCaseStage = body.stage;
      const deadline = stage === 'served' ? oppositionPeriodEnd(body.date, timeZone) : undefined;
      await cases.update(
        id,
        {
          stage,
          servedOn: stage === 'served' ? body.date : locked.servedOn,
          deadline: deadline ? new Date(deadline) : stage === 'closed' ? locked.deadline : null,
          closedAt: stage === 'closed' ? new Date() : null,
        },
        tx,
      );
      await cases.insertEvent({ caseId: id, kind: 'stage', stage, date: body.date, note: body.note ?? null, reference: body.reference, recordedBy: userId ?? null }, tx);
      if (stage === 'filed') {
        // The request filed at the court interrupts the limitation period until the proceedings end (Code civil 2241, 2242).
        await this.receivables.recordInterruption(
          locked.invoiceId,
          { kind: 'court_filing', date: body.date, reference: `legal-case:${id}`, note: `${locked.route} ${body.reference}`, recordedBy: userId },
          tx,
        );
      }
      if (locked.workflowId && locked.nodeId && stage !== 'closed') {
        await new WorkflowSignalsRepository(tx).enqueue(
          [
            {
              invoiceId: locked.invoiceId,
              workflowId: locked.workflowId,
              signal: 'legalCase',
              payload: {
                nodeId: locked.nodeId,
                stage,
                ...(deadline ? { deadline } : {}),
                ...(body.note ? { detail: body.note } : {}),
                eventKey: `legal-case:${id}:${body.reference}`,
              },
            },
          ],
          tx,
        );
      }
    });
    await this.relay.flush();
    return this.detail(id);
  }

  /** A legal fee paid, once per reference: in the books (6227 / 512) and on the case, in one transaction. It does not change what the debtor owes. */
  async recordCost(id: string, body: CostBody, userId?: string) {
    const found = await this.existing(id);
    const existing = await this.cases.eventByReference(id, body.reference);
    if (existing && existing.kind !== 'cost') throw new ReceivableRefusal('conflict', 'reference', `${body.reference} was already recorded on this case for a stage`);
    if (body.currency !== found.legalCase.currency) throw new ReceivableRefusal('invalid', 'currency', `the case is in ${found.legalCase.currency}`);
    this.checkDate(body.date, undefined, found.timeZone);
    await this.receivables.recordLegalCosts({
      invoiceId: found.legalCase.invoiceId,
      reference: `${id}:${body.reference}`,
      amount: body.amount,
      currency: body.currency,
      date: body.date,
      label: body.label,
      record: async (tx) => {
        await new LegalCasesRepository(tx).insertEvent(
          { caseId: id, kind: 'cost', date: body.date, amount: body.amount, currency: body.currency, note: body.label, reference: body.reference, recordedBy: userId ?? null },
          tx,
        );
      },
    });
    return this.detail(id);
  }

  private checkDate(date: string, openedAt: Date | undefined, timeZone: string) {
    const today = localToday(new Date(), timeZone);
    if (date > today) throw new ReceivableRefusal('invalid', 'date', `cannot be in the future (today is ${today})`);
    const opened = openedAt ? localToday(openedAt, timeZone) : undefined;
    if (opened && date < opened) throw new ReceivableRefusal('invalid', 'date', `cannot be before the case was opened (${opened})`);
  }
}

import { Inject, Injectable, NotFoundException, Optional, UnprocessableEntityException } from '@nestjs/common';
import type { OutcomeBody } from '@dunning/api-contract';
import { daysOverdue, localToday } from '@dunning/domain';
import { type CallTaskRow, CallTasksRepository, CustomersRepository, type Database, type DatabaseHandle, type InvoiceRow, MessagesRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { TemplateRenderer, type TemplateSource } from '@dunning/templating';
import { TemplateLibraryService } from '../templates/template-library.service';
import { randomUUID } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { DunningActionsService } from '../dunning/dunning-actions.service';
import { CreditorIdentityService } from '../settings/creditor-identity.service';

/**
 * The collectors' queue: one card per customer to call, with what a collector needs before
 * dialling — the number, every open invoice the call covers and how late each is, the call script
 * rendered from this customer's own data, the earlier calls with their notes, the last reminders.
 */
@Injectable()
export class TasksService {
  private readonly renderer = new TemplateRenderer();

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly tasks: CallTasksRepository,
    private readonly customers: CustomersRepository,
    private readonly messages: MessagesRepository,
    private readonly receivables: ReceivablesService,
    private readonly dunning: DunningActionsService,
    /** The identity the admin set (settings module); without it (unit tests), the environment's. */
    @Optional() private readonly creditorIdentity?: CreditorIdentityService,
    /** The call script as saved in the app (templates module); without it (unit tests), the default on disk. */
    @Optional() private readonly templateLibrary?: TemplateLibraryService,
  ) {}

  async queue(now = new Date()) {
    const rows = await this.tasks.queue(200);
    const waiting = await this.tasks.waitingInvoices(rows.map((r) => r.task.id));
    const creditor = this.creditorIdentity ? await this.creditorIdentity.effective() : undefined;
    const savedScripts = { fr: await this.templateLibrary?.sent('call', 'call-script', 'fr'), en: await this.templateLibrary?.sent('call', 'call-script', 'en') };
    return Promise.all(
      rows.map(async ({ task, customer }) => {
        const today = localToday(now, customer.timeZone);
        const invoices = waiting
          .filter((w) => w.link.taskId === task.id)
          .map(({ invoice, link }) => ({
            id: invoice.id,
            number: invoice.number,
            nodeId: link.nodeId,
            balance: invoice.balance,
            currency: invoice.currency,
            issueDate: invoice.issueDate,
            dueDate: invoice.dueDate,
            status: invoice.status,
            daysOverdue: Math.max(0, daysOverdue(invoice.dueDate, today)),
          }));
        const [contacts, history, sent] = await Promise.all([this.customers.contacts(customer.id), this.tasks.history(customer.id, 5), this.messages.forCustomer(customer.id, 3)]);
        const contact = contacts.find((c) => c.role === 'billing' && c.phone) ?? contacts.find((c) => c.phone);
        const currency = invoices[0]?.currency ?? 'EUR';
        return {
          ...task,
          customer: {
            id: customer.id,
            name: customer.name,
            reference: customer.reference,
            phone: contact?.phone ?? null,
            contactName: contact?.name ?? null,
            locale: customer.locale,
          },
          invoices,
          // Kept for one-invoice readers (the first invoice, oldest due).
          invoice: invoices[0] ?? null,
          totalBalance: { amount: invoices.reduce((sum, i) => sum + i.balance, 0), currency },
          daysOverdue: Math.max(0, ...invoices.map((i) => i.daysOverdue)),
          script: this.script(customer, contact?.name ?? undefined, invoices, now, creditor, savedScripts),
          history: history.map(({ task: done, collector }) => ({
            at: done.completedAt?.toISOString() ?? null,
            outcome: done.outcome,
            notes: (done.outcomeDetails?.notes as string | undefined) ?? null,
            collector,
          })),
          lastReminders: sent.map((m) => ({ channel: m.channel, template: m.template, at: (m.sentAt ?? m.createdAt).toISOString(), status: m.status })),
        };
      }),
    );
  }

  /** The flow's call script, rendered for this customer in its language with its own invoices. */
  private script(
    customer: { name: string; locale: string; timeZone: string; addressLines: string[] },
    contactName: string | undefined,
    invoices: Array<{ number: string; issueDate: string; dueDate: string; balance: number; currency: string; daysOverdue: number }>,
    now: Date,
    creditor?: { name: string; email: string; phone: string; addressLines: string[] },
    savedScripts?: Record<'fr' | 'en', TemplateSource | undefined>,
  ): string | null {
    const locale = customer.locale === 'en' ? 'en' : 'fr';
    const saved = savedScripts?.[locale]?.version ? savedScripts[locale] : undefined;
    if (invoices.length === 0 || (!saved && !this.renderer.has('call', 'call-script', locale))) return null;
    const money = (amount: number) => ({ amount, currency: invoices[0]!.currency });
    return (
      this.renderer.render(
        'call',
        'call-script',
        locale,
        {
          locale,
          timeZone: customer.timeZone,
          sentAt: now.toISOString(),
          creditor: creditor
            ? { name: creditor.name, email: creditor.email, phone: creditor.phone, addressLines: creditor.addressLines }
            : {
                name: this.config.CREDITOR_NAME,
                email: this.config.CREDITOR_EMAIL,
                phone: this.config.CREDITOR_PHONE,
                addressLines: this.config.CREDITOR_ADDRESS.split('|').filter(Boolean),
              },
          customer: { name: customer.name, contactName, addressLines: customer.addressLines },
          invoices: invoices.map((i) => ({
            number: i.number,
            issueDate: i.issueDate,
            dueDate: i.dueDate,
            amount: money(i.balance),
            balance: money(i.balance),
            daysOverdue: i.daysOverdue,
          })),
          totalBalance: money(invoices.reduce((sum, i) => sum + i.balance, 0)),
        },
        saved,
      ).body ?? null
    );
  }

  async existing(id: string) {
    const task = await this.tasks.findById(id);
    if (!task) throw new NotFoundException(`task ${id} not found`);
    return task;
  }

  /**
   * Records the call's outcome for every invoice it covered: a promise is recorded on each (the
   * amount allocated to the oldest first), and each invoice's flow takes the outcome's edge. A
   * promise the books cannot take is refused (422) before anything is written.
   */
  async complete(id: string, userId: string, body: OutcomeBody, now = new Date()): Promise<boolean> {
    const task = await this.existing(id);
    if (task.status !== 'claimed' || task.claimedBy !== userId) return false;
    const waiting = (await this.tasks.waitingInvoices([id])).map((w) => w.invoice);
    const promise = body.outcome === 'promise_to_pay' ? body.promise : undefined;
    const reason = body.outcome === 'dispute' ? body.reason : undefined;
    const promises = promise ? await this.sharedPromise(task, waiting, promise, now) : new Map<string, number>();
    for (const [invoiceId, amount] of promises) await this.receivables.recordPromise({ invoiceId, date: promise!.date, amount, userId, key: randomUUID(), signal: false });
    if (body.outcome === 'dispute')
      for (const invoice of waiting)
        await this.receivables.openDispute({ invoiceId: invoice.id, reason: reason ?? 'raised on a call', userId, key: randomUUID() }).catch(() => undefined);
    const done = await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const links = await this.tasks.complete(id, userId, body.outcome, body as Record<string, unknown>, tx);
      if (!links) return false;
      await this.dunning.callOutcomes(
        links.map((link) => ({
          invoiceId: link.invoiceId,
          workflowId: link.workflowId,
          nodeId: link.nodeId,
          outcome: body.outcome,
          promise: promises.has(link.invoiceId) ? { date: promise!.date, amount: promises.get(link.invoiceId)! } : undefined,
          reason,
        })),
        tx,
      );
      return true;
    });
    await this.dunning.flush();
    return done;
  }

  /**
   * A promise made on a call, shared out over the invoices it covered, oldest due first. Refused
   * (422, naming the field) when dated before today in the customer's calendar, or above what those
   * invoices owe together.
   */
  private async sharedPromise(task: CallTaskRow, waiting: InvoiceRow[], promise: { date: string; amount: number }, now: Date): Promise<Map<string, number>> {
    const customerId = task.customerId ?? waiting[0]?.customerId;
    const customer = customerId ? await this.customers.findById(customerId) : undefined;
    const today = localToday(now, customer?.timeZone ?? 'Europe/Paris');
    const owed = waiting.reduce((sum, invoice) => sum + Math.max(0, invoice.balance), 0);
    const problems: Array<{ field: string; message: string }> = [];
    if (promise.date < today) problems.push({ field: 'promise.date', message: `a promise to pay is dated today or later (${promise.date} is before ${today})` });
    if (promise.amount > owed) problems.push({ field: 'promise.amount', message: `more than the invoices of this call owe together (${owed})` });
    if (problems.length > 0) throw new UnprocessableEntityException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    const shares = new Map<string, number>();
    let left = promise.amount;
    for (const invoice of waiting) {
      const share = Math.min(left, invoice.balance);
      if (share > 0) shares.set(invoice.id, share);
      left -= Math.max(0, share);
    }
    return shares;
  }
}

import fc from 'fast-check';
import { eq, inArray } from 'drizzle-orm';
import { localToday, receivableStatus } from '@dunning/domain';
import { publicHolidays } from '@dunning/domain/holidays';
import { type Flow, flowSchema, simulate } from '@dunning/flow';
import { CustomersRepository, ExceptionsRepository, FlowsRepository, InvoicesRepository, LedgerRepository, type InvoiceRow, invoices, messages } from '@dunning/db';
import { ReceivablesService, receivableOf } from '@dunning/receivables';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { snapshotQuery } from '@dunning/workflows';
import { ApiHarness, datePlus } from '../api/api-env';
import { BouncingOutbox } from './bouncing-outbox';

const DAY = 86_400_000;
const MIN_GAP_MS = 48 * 3_600_000;

/**
 * A model-based property test of the receivable core, on the real API, worker and temporal-lite
 * (time skipping) over PGlite: random sequences of what happens to a few customers' invoices —
 * imports (some long overdue), single creations, partial, full and excess payments, credit notes,
 * disputes opened and resolved, promises kept or broken, bounced addresses, time passing, the worker
 * restarted — then, whatever happened: the trial balance is balanced, each invoice's balance equals
 * its 411 + 416 lines, its status is the one domain function's answer, no message went twice, no
 * past step was replayed, and every failure is in the exceptions inbox. Money rules are checked on
 * each answer against the model (the balance before, the customer's credit after).
 */

interface Model {
  customers: Array<{ reference: string; email: string }>;
  invoices: Array<{ number: string; customer: number; importedOverdue: boolean }>;
}

interface Real {
  harness: ApiHarness;
  manager: string;
  run: number;
  seq: { n: number };
}

type Command = fc.AsyncCommand<Model, Real>;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const byNumber = async (real: Real, number: string): Promise<InvoiceRow> => (await real.harness.database.db.select().from(invoices).where(eq(invoices.number, number)))[0]!;
const today = async (real: Real) => localToday(await real.harness.env.currentTimeMs(), 'Europe/Paris');
/** Lets the flows finish what they were doing (a catch-up charging fees…) before the model reads a balance. */
const settle = (real: Real) => real.harness.env.sleep(60_000);
const isClosed = (row: InvoiceRow) => row.cancelledAt !== null || row.writtenOffAt !== null || row.balance <= 0;

class ImportCommand implements Command {
  constructor(
    readonly customer: number,
    readonly dueInDays: number[],
    readonly cents: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const day = await today(real);
    const customer = model.customers[this.customer]!;
    const rows = this.dueInDays.map((due) => {
      const number = `M${real.run}-${++real.seq.n}`;
      model.invoices.push({ number, customer: this.customer, importedOverdue: due < 0 });
      const issue = datePlus(day, Math.min(due, 0) - 30);
      return [
        number,
        issue,
        datePlus(day, due),
        (this.cents / 100).toFixed(2),
        ((this.cents / 600) | 0) / 100 > 0 ? (Math.floor(this.cents / 6) / 100).toFixed(2) : '0',
        'EUR',
        customer.reference,
        `Client ${customer.reference}`,
        customer.email,
        '1 rue A|75001 Paris',
      ].join(',');
    });
    const csv = ['invoice_number,issue_date,due_date,amount,vat_amount,currency,customer_reference,customer_name,customer_email,customer_address', ...rows].join('\n');
    const response = await real.harness.http().post('/api/invoices/import?wait=true').set(as(real.manager)).attach('file', Buffer.from(csv), 'invoices.csv').expect(202);
    expect(response.body).toMatchObject({ status: 'succeeded' });
    await startMissingWorkflows(real.harness.app);
  }
  toString = () => `import(${this.customer}, due ${this.dueInDays.join('/')}, ${this.cents})`;
}

class CreateCommand implements Command {
  constructor(
    readonly customer: number,
    readonly dueInDays: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const customer = await new CustomersRepository(real.harness.database.db).findByReferences([model.customers[this.customer]!.reference]);
    if (customer.length === 0) return; // not imported yet: nothing to attach to
    const day = await today(real);
    const number = `M${real.run}-${++real.seq.n}`;
    await real.harness
      .http()
      .post('/api/invoices')
      .set(as(real.manager))
      .send({
        number,
        customerId: customer[0]!.id,
        issueDate: datePlus(day, -1),
        dueDate: datePlus(day, Math.max(this.dueInDays, -1)),
        amount: 480_00,
        vatAmount: 80_00,
        currency: 'EUR',
      })
      .expect(201);
    model.invoices.push({ number, customer: this.customer, importedOverdue: false });
  }
  toString = () => `create(${this.customer}, due ${this.dueInDays})`;
}

class PayCommand implements Command {
  constructor(
    readonly invoice: number,
    readonly fraction: number,
  ) {}
  check = (model: Readonly<Model>) => model.invoices.length > 0;
  async run(model: Model, real: Real) {
    const target = model.invoices[this.invoice % model.invoices.length]!;
    await settle(real);
    const before = await byNumber(real, target.number);
    const amount = Math.max(1, Math.round(Math.max(before.balance, 100_00) * this.fraction));
    const response = await real.harness
      .http()
      .post(`/api/invoices/${before.id}/payments`)
      .set(as(real.manager))
      .send({ amount, reference: `VIR-${target.number}-${++real.seq.n}` });
    if (before.cancelledAt) return expect(response.status).toBe(409);
    if (before.writtenOffAt) return expect(response.status).toBe(201); // money on a written-off receivable: income, nothing owed
    if (before.balance <= 0) return expect(response.status).toBe(409);
    expect(response.status).toBe(201);
    // The model's money rule: never a negative invoice; beyond the balance, the customer's credit.
    expect(response.body).toMatchObject({ recorded: true, balance: Math.max(0, before.balance - amount), customerCredit: Math.max(0, amount - before.balance) });
  }
  toString = () => `pay(${this.invoice}, ×${this.fraction})`;
}

class CreditNoteCommand implements Command {
  constructor(
    readonly invoice: number,
    readonly cents: number,
  ) {}
  check = (model: Readonly<Model>) => model.invoices.length > 0;
  async run(model: Model, real: Real) {
    const target = model.invoices[this.invoice % model.invoices.length]!;
    await settle(real);
    const before = await byNumber(real, target.number);
    const response = await real.harness
      .http()
      .post(`/api/invoices/${before.id}/credit-notes`)
      .set(as(real.manager))
      .send({ amount: this.cents, number: `AV-${target.number}-${++real.seq.n}` });
    if (before.cancelledAt || before.writtenOffAt) return expect(response.status).toBe(409);
    if (before.creditedAmount + this.cents > before.amount) return expect(response.status).toBe(422);
    expect(response.status).toBe(201);
    const principal = before.balance - before.interestBalance - before.indemnityBalance;
    expect(response.body).toMatchObject({ balance: before.balance - Math.min(this.cents, principal), customerCredit: Math.max(0, this.cents - principal) });
  }
  toString = () => `creditNote(${this.invoice}, ${this.cents})`;
}

class DisputeCommand implements Command {
  constructor(
    readonly invoice: number,
    readonly open: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.invoices.length > 0;
  async run(model: Model, real: Real) {
    await settle(real);
    const before = await byNumber(real, model.invoices[this.invoice % model.invoices.length]!.number);
    const path = this.open ? 'disputes' : 'disputes/resolve';
    const response = await real.harness
      .http()
      .post(`/api/invoices/${before.id}/${path}`)
      .set(as(real.manager))
      .send(this.open ? { reason: 'goods damaged' } : { resolution: 'rejected' });
    const allowed = this.open ? !isClosed(before) && before.disputedAt === null : before.disputedAt !== null;
    expect(response.status).toBe(allowed ? 204 : 409);
  }
  toString = () => `${this.open ? 'openDispute' : 'resolveDispute'}(${this.invoice})`;
}

class PromiseCommand implements Command {
  constructor(
    readonly invoice: number,
    readonly inDays: number,
  ) {}
  check = (model: Readonly<Model>) => model.invoices.length > 0;
  async run(model: Model, real: Real) {
    await settle(real);
    const before = await byNumber(real, model.invoices[this.invoice % model.invoices.length]!.number);
    const date = datePlus(localToday(new Date(), 'Europe/Paris'), this.inDays);
    const response = await real.harness
      .http()
      .post(`/api/invoices/${before.id}/promises`)
      .set(as(real.manager))
      .send({ date, amount: Math.max(1, Math.floor(before.balance / 2)) });
    expect(response.status).toBe(isClosed(before) ? 409 : 204);
  }
  toString = () => `promise(${this.invoice}, +${this.inDays} d)`;
}

class AdvanceCommand implements Command {
  constructor(readonly days: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    await real.harness.env.sleep(this.days * DAY);
  }
  toString = () => `advance(${this.days} d)`;
}

class RestartWorkerCommand implements Command {
  check = () => true;
  async run(_model: Model, real: Real) {
    await real.harness.restartWorker();
  }
  toString = () => 'restartWorker()';
}

const commands = [
  fc
    .tuple(fc.nat(2), fc.array(fc.integer({ min: -70, max: 40 }), { minLength: 1, maxLength: 2 }), fc.integer({ min: 50_00, max: 5000_00 }))
    .map(([c, due, cents]) => new ImportCommand(c, due, cents)),
  fc.tuple(fc.nat(2), fc.integer({ min: -1, max: 30 })).map(([c, due]) => new CreateCommand(c, due)),
  fc.tuple(fc.nat(20), fc.constantFrom(0.3, 1, 1.25)).map(([i, f]) => new PayCommand(i, f)),
  fc.tuple(fc.nat(20), fc.integer({ min: 1_00, max: 700_00 })).map(([i, c]) => new CreditNoteCommand(i, c)),
  fc.tuple(fc.nat(20), fc.boolean()).map(([i, open]) => new DisputeCommand(i, open)),
  fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 10 })).map(([i, d]) => new PromiseCommand(i, d)),
  fc.constantFrom(1, 3, 8, 20).map((d) => new AdvanceCommand(d)),
  fc.constant(new RestartWorkerCommand()),
];

describe('the receivable core under random events, on the real worker and temporal-lite', () => {
  let harness: ApiHarness;
  let manager: string;
  let run = 0;

  beforeAll(async () => {
    harness = await ApiHarness.start({ channels: { email: new BouncingOutbox() } });
    manager = await harness.login('manager@example.com');
    const agency = await harness.agency('Recouvrement Modèle', 'key-model');
    await harness.http().put('/api/settings').set(as(manager)).send({ defaultAgencyId: agency }).expect(200);
  }, 120_000);
  afterAll(async () => harness?.stop());

  /**
   * When each message step of an invoice's flow falls due by the flow's own dates, run from its issue
   * with nothing happening (every step replayed): a step due before the workflow started is a past step.
   */
  async function naturalDueTimes(row: InvoiceRow): Promise<Map<string, number>> {
    const version = (await new FlowsRepository(harness.database.db).version(row.flowId!, row.flowVersion!))!;
    const flow = flowSchema.parse(version.graph) as Flow;
    const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2025, 2029) };
    const facts = {
      invoiceId: row.id,
      invoiceNumber: row.number,
      customerId: row.customerId,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      amount: { amount: row.amount, currency: row.currency },
      balance: { amount: row.amount, currency: row.currency },
      riskScore: 5,
      segment: '',
      customerType: 'company' as const,
    };
    const plan = await simulate({ ...flow, catchUp: { policy: 'replay', minGapHours: 0 } }, facts, { calendar, start: `${row.issueDate}T00:00:00.000Z` });
    return new Map(plan.timeline.filter((e) => e.type === 'step' && e.nodeId).map((e) => [e.nodeId!, Date.parse(e.at)]));
  }

  async function checkInvariants(model: Model) {
    const { db } = harness.database;
    const ledger = new LedgerRepository(db);
    const rows = model.invoices.length
      ? await db
          .select()
          .from(invoices)
          .where(
            inArray(
              invoices.number,
              model.invoices.map((i) => i.number),
            ),
          )
      : [];
    // The trial balance is balanced.
    const trial = await ledger.trialBalance('2099-12-31');
    expect(trial.reduce((s, t) => s + t.debit, 0)).toBe(trial.reduce((s, t) => s + t.credit, 0));
    // Each invoice's balance equals its 411 + 416 lines.
    const books = new Map((await ledger.receivableBalances('2099-12-31')).map((b) => [b.invoiceId, b.balance]));
    for (const row of rows) expect([row.number, row.balance]).toEqual([row.number, books.get(row.id) ?? 0]);
    // Its status is the one domain function's answer (dated statuses moved first).
    await new ReceivablesService(db).refreshStatuses(new Date());
    const customers = new CustomersRepository(db);
    for (const row of await new InvoicesRepository(db).findByIds(rows.map((r) => r.id))) {
      const customer = (await customers.findById(row.customerId))!;
      expect([row.number, row.status]).toEqual([row.number, receivableStatus(receivableOf(row, customer.customerType), localToday(new Date(), customer.timeZone))]);
    }
    const sent = rows.length ? (await db.select().from(messages)).filter((m) => m.invoiceIds.some((id) => rows.some((r) => r.id === id))) : [];
    for (const row of rows) {
      const mine = sent.filter((m) => m.invoiceIds.includes(row.id));
      // No message went twice: one per flow step at most.
      const steps = mine.map((m) => m.stepKey);
      expect([row.number, steps.length]).toEqual([row.number, new Set(steps).size]);
      // No past step replayed: never a "due soon" message to an invoice imported overdue, and never two
      // messages on one channel closer than the flow's minimum gap.
      if (model.invoices.find((i) => i.number === row.number)!.importedOverdue) {
        expect(mine.map((m) => m.template)).not.toContain('pre-reminder');
        // Of the steps whose time had passed when its dunning started, one at most (the latest).
        const started = (await harness.env.client.workflow.getHandle(row.workflowId!).describe()).startTime.getTime();
        const natural = await naturalDueTimes(row);
        const past = mine.filter((m) => (natural.get(m.stepKey) ?? Infinity) < started);
        expect([row.number, past.map((m) => m.stepKey)]).toEqual([row.number, past.slice(0, 1).map((m) => m.stepKey)]);
      }
      for (const channel of ['email', 'sms', 'letter'] as const) {
        const times = mine
          .filter((m) => m.channel === channel)
          .map((m) => m.createdAt.getTime())
          .sort((a, b) => a - b);
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN_GAP_MS);
      }
    }
    // Every failure is in the inbox: each bounced message, each flow held at a step.
    const exceptions = (await new ExceptionsRepository(db).list({ offset: 0, limit: 10_000 })).rows;
    for (const message of sent.filter((m) => m.status === 'bounced')) {
      expect(exceptions.some((e) => e.customerId === message.customerId && (e.kind === 'bounce' || e.kind === 'missing_contact'))).toBe(true);
    }
    for (const row of rows.filter((r) => r.workflowId)) {
      const snapshot = await harness.env.client.workflow
        .getHandle(row.workflowId!)
        .query(snapshotQuery)
        .catch(() => undefined);
      if (snapshot?.hold) expect(exceptions.some((e) => e.invoiceId === row.id && e.nodeId === snapshot.hold!.nodeId && e.status === 'open')).toBe(true);
    }
  }

  it('keeps the books, the statuses, the messages and the inbox right', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 9 }), async (sequence) => {
        run++;
        const model: Model = {
          customers: [0, 1, 2].map((i) => ({ reference: `CM${run}-${i}`, email: i === 2 ? `bounce-${run}@dead.example` : `compta-${run}-${i}@live.example` })),
          invoices: [],
        };
        // Every sequence starts with an import, so there is something to act on.
        const real: Real = { harness, manager, run, seq: { n: 0 } };
        await new ImportCommand(run % 3, [-62, 5], 1200_00).run(model, real);
        await fc.asyncModelRun(() => ({ model, real }), sequence);
        await harness.env.sleep(2 * DAY);
        await checkInvariants(model);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 600_000);
});

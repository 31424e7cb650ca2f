import { invoiceIssued } from '@dunning/domain';
import { describeOnEveryDatabase } from '../testing/database-kinds';
import { CallTasksRepository } from './call-tasks.repository';
import { CustomersRepository } from './customers.repository';
import { FlowsRepository } from './flows.repository';
import { HandoffsRepository } from './handoffs.repository';
import { InvoicesRepository } from './invoices.repository';
import { LedgerRepository } from './ledger.repository';
import { MessagesRepository } from './messages.repository';
import { UsersRepository } from './users.repository';

describeOnEveryDatabase('repositories', (database) => {
  const repos = () => {
    const { db } = database();
    return {
      customers: new CustomersRepository(db),
      invoices: new InvoicesRepository(db),
      messages: new MessagesRepository(db),
      tasks: new CallTasksRepository(db),
      ledger: new LedgerRepository(db),
      flows: new FlowsRepository(db),
      users: new UsersRepository(db),
      handoffs: new HandoffsRepository(db),
    };
  };
  let customerId: string;
  let invoiceId: string;

  beforeAll(async () => {
    const r = repos();
    const customer = await r.customers.upsert(
      { reference: 'C-1', name: 'Boulangerie Martin', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR', riskScore: 6, segment: 'smb' },
      [{ role: 'billing', name: 'Claire Martin', email: 'compta@martin.example', phone: '+33612345678' }],
    );
    customerId = customer.id;
    invoiceId = (
      await r.invoices.insert({ number: 'F-1', customerId, issueDate: '2026-04-01', dueDate: '2026-05-01', amount: 1200_00, currency: 'EUR', balance: 1200_00, status: 'not_due' })
    ).id;
  });

  it('upserts customers by reference and keeps one contact per role', async () => {
    const r = repos();
    await r.customers.upsert({ reference: 'C-1', name: 'Boulangerie Martin SARL', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' }, [
      { role: 'billing', email: 'factures@martin.example' },
    ]);
    const customer = await r.customers.findById(customerId);
    expect(customer?.name).toBe('Boulangerie Martin SARL');
    expect(customer?.contacts.map((c) => c.email)).toEqual(['factures@martin.example']);
  });

  it('enforces money and date rules in the database itself', async () => {
    const r = repos();
    await expect(
      r.invoices.insert({ number: 'F-bad', customerId, issueDate: '2026-04-01', dueDate: '2026-03-01', amount: 100, currency: 'EUR', balance: 100, status: 'not_due' }),
    ).rejects.toThrow();
    await expect(
      r.invoices.insert({ number: 'F-neg', customerId, issueDate: '2026-04-01', dueDate: '2026-05-01', amount: -1, currency: 'EUR', balance: 0, status: 'not_due' }),
    ).rejects.toThrow();
    await expect(
      r.invoices.insert({ number: 'F-1', customerId, issueDate: '2026-04-01', dueDate: '2026-05-01', amount: 1, currency: 'EUR', balance: 1, status: 'not_due' }),
    ).rejects.toThrow();
  });

  it('claims a message key once; the second claim gets the first message', async () => {
    const r = repos();
    const message = {
      idempotencyKey: `${invoiceId}:reminder-1:1`,
      invoiceId,
      invoiceIds: [invoiceId],
      customerId,
      channel: 'email' as const,
      locale: 'fr',
      template: 'reminder-1',
      stepKey: 'reminder-1',
      recipients: ['a@b.example'],
      subject: 'Rappel',
    };
    const first = await r.messages.claim(message);
    const second = await r.messages.claim({ ...message, subject: 'changed' });
    expect(first.claimed).toBe(true);
    expect(second).toMatchObject({ claimed: false, row: { id: first.row.id, subject: 'Rappel', status: 'pending' } });
    await r.messages.complete(message.idempotencyKey, { provider: 'outbox', providerMessageId: 'm-1' });
    expect((await r.messages.forInvoice(invoiceId))[0]).toMatchObject({ status: 'sent', providerMessageId: 'm-1' });
    expect(await r.messages.recordEvent({ messageId: first.row.id, type: 'delivered', occurredAt: new Date(), providerEventId: 'ev-1', payload: {} })).toBe(true);
    expect(await r.messages.recordEvent({ messageId: first.row.id, type: 'delivered', occurredAt: new Date(), providerEventId: 'ev-1', payload: {} })).toBe(false);
  });

  it('lets one collector claim a task, and completes it with an outcome', async () => {
    const r = repos();
    const collector = await r.users.create({ email: 'Collector@Example.com', displayName: 'C', passwordHash: 'x', role: 'collector' });
    const other = await r.users.create({ email: 'other@example.com', displayName: 'O', passwordHash: 'x', role: 'collector' });
    const second = (
      await r.invoices.insert({
        number: 'F-call-2',
        customerId,
        issueDate: '2026-04-01',
        dueDate: '2026-05-02',
        amount: 300_00,
        currency: 'EUR',
        balance: 300_00,
        status: 'not_due',
      })
    ).id;
    const { task, created } = await r.tasks.joinOrCreate({
      idempotencyKey: 'k-call',
      customerId,
      invoiceId,
      nodeId: 'call',
      slaDueAt: new Date('2026-05-10T10:00:00Z'),
      priority: 42,
      workflowId: 'w',
    });
    expect(created).toBe(true);
    // A retried step joins once; another invoice of the customer joins the same call.
    expect((await r.tasks.joinOrCreate({ idempotencyKey: 'k-call', customerId, invoiceId, nodeId: 'call', slaDueAt: new Date(), priority: 1, workflowId: 'w' })).task.id).toBe(
      task.id,
    );
    expect(
      await r.tasks.joinOrCreate({ idempotencyKey: 'k-call-2', customerId, invoiceId: second, nodeId: 'call', slaDueAt: new Date(), priority: 99, workflowId: 'w2' }),
    ).toMatchObject({ task: { id: task.id, priority: 99 }, created: false });
    expect((await r.tasks.waitingInvoices([task.id])).map((w) => w.invoice.number)).toEqual(['F-1', 'F-call-2']);
    expect(await r.tasks.claim(task.id, collector.id)).toBe(true);
    expect(await r.tasks.claim(task.id, other.id)).toBe(false);
    expect(await r.tasks.complete(task.id, other.id, 'no_answer', {})).toBeUndefined();
    const waiting = await r.tasks.complete(task.id, collector.id, 'promise_to_pay', { date: '2026-05-20', amount: 1200_00 });
    expect(waiting?.map((w) => w.workflowId).sort()).toEqual(['w', 'w2']);
    expect((await r.tasks.history(customerId))[0]).toMatchObject({ task: { outcome: 'promise_to_pay' }, collector: 'C' });
    expect((await r.users.findByEmail('COLLECTOR@example.com'))?.id).toBe(collector.id);
  });

  it('appends timeline entries once, and posts only balanced journal entries', async () => {
    const r = repos();
    const entries = [{ at: '2026-04-24T07:00:00.000Z', type: 'step' as const, nodeId: 'pre-reminder', channel: 'email' as const, template: 'pre-reminder' }];
    expect(await r.ledger.appendTimeline(invoiceId, entries)).toBe(1);
    expect(await r.ledger.appendTimeline(invoiceId, entries)).toBe(0);
    expect(await r.ledger.timeline(invoiceId)).toEqual(entries);
    await r.ledger.post([{ entry: invoiceIssued({ number: 'F-1', date: '2026-04-01', currency: 'EUR', total: 1200_00, vat: 200_00 }), invoiceId, customerId }]);
    const journal = await r.ledger.journal('2026-01-01', '2026-12-31');
    expect(journal.map((j) => [j.line.journal, j.line.account, j.line.debit, j.line.credit, j.invoiceNumber, j.customerReference])).toEqual([
      ['VT', '411', 1200_00, 0, 'F-1', 'C-1'],
      ['VT', '706', 0, 1000_00, 'F-1', 'C-1'],
      ['VT', '44571', 0, 200_00, 'F-1', 'C-1'],
    ]);
    await expect(
      r.ledger.post([{ entry: { date: '2026-04-01', invoiceNumber: 'F-1', currency: 'EUR', lines: [{ account: '411', label: 'x', debit: 1, credit: 0 }] }, invoiceId }]),
    ).rejects.toThrow(/does not balance/);
  });

  it('writes an import’s invoices and journal lines in bulk, the same as one by one', async () => {
    const r = repos();
    const rows = Array.from({ length: 60 }, (_, i) => ({
      number: `BULK-${i}`,
      customerId,
      issueDate: '2026-03-01',
      dueDate: '2026-04-01',
      amount: 100_00 + i,
      vatAmount: i,
      currency: 'EUR',
      balance: 100_00 + i,
      status: 'overdue' as const,
      lateInterestRatePercent: i % 2 ? 9.5 : null,
    }));
    const inserted = await r.invoices.insertIssued(rows);
    expect(inserted.map((row) => [row.number, row.amount, row.vatAmount, row.status, row.lateInterestRatePercent]).sort()).toEqual(
      rows.map((row) => [row.number, row.amount, row.vatAmount, 'overdue', row.lateInterestRatePercent]).sort(),
    );
    await r.ledger.post(
      inserted.map((row) => ({
        entry: invoiceIssued({ number: row.number, date: row.issueDate, currency: 'EUR', total: row.amount, vat: row.vatAmount }),
        invoiceId: row.id,
        customerId,
      })),
    );
    const balances = new Map((await r.ledger.receivableBalances('2026-12-31')).map((b) => [b.invoiceId, b.balance]));
    for (const row of inserted) expect(balances.get(row.id)).toBe(row.amount);
    const lines = (await r.ledger.journal('2026-03-01', '2026-03-01')).filter((j) => j.invoiceNumber?.startsWith('BULK-'));
    expect(lines).toHaveLength(60 * 3 - 1); // BULK-0 has no VAT line
    expect(lines.every((j) => j.line.journal === 'VT' && j.customerReference === 'C-1')).toBe(true);
  });

  it('writes the agreed payment term, the receipt date, the findings and the supporting reference in bulk as one by one (L441-10)', async () => {
    const r = repos();
    const finding = {
      code: 'over_60_days' as const,
      article: 'Code de commerce, art. L441-10 I',
      dueDate: '2026-05-01',
      latestDueDate: '2026-04-30',
      message: { fr: 'trop long', en: 'too long' },
    };
    const row = (i: number) => ({
      number: `TERM-${i}`,
      customerId,
      issueDate: '2026-03-01',
      dueDate: '2026-05-01',
      amount: 100_00,
      vatAmount: 0,
      currency: 'EUR',
      // Settled, so the other tests' aging of this database does not count them.
      balance: 0,
      status: 'paid' as const,
      lateInterestRatePercent: null,
      paymentTerm: i % 2 ? ({ kind: 'days', days: 61 } as const) : null,
      receiptDate: i % 2 ? '2026-02-27' : null,
      termFindings: i % 2 ? [finding] : [],
      supportingReference: i % 2 ? `PO-${i}` : null,
    });
    // Under 50 rows through the ORM, 50 and more through unnest: both write the same.
    for (const count of [3, 60]) {
      const rows = Array.from({ length: count }, (_, i) => ({ ...row(i), number: `TERM-${count}-${i}` }));
      const inserted = await r.invoices.insertIssued(rows);
      const byNumber = new Map(inserted.map((i) => [i.number, i]));
      for (const [i, given] of rows.entries()) {
        const stored = byNumber.get(given.number)!;
        expect([stored.paymentTerm, stored.receiptDate, stored.termFindings, stored.supportingReference]).toEqual([
          i % 2 ? { kind: 'days', days: 61 } : null,
          i % 2 ? '2026-02-27' : null,
          i % 2 ? [finding] : [],
          i % 2 ? `PO-${i}` : null,
        ]);
      }
    }
  });

  it('publishes immutable, numbered flow versions', async () => {
    const r = repos();
    const flow = await r.flows.create({ name: 'Standard', draftGraph: { nodes: [] } });
    const v1 = await r.flows.publish(flow.id, { nodes: [1] });
    const v2 = await r.flows.publish(flow.id, { nodes: [2] });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    await r.flows.create({ name: 'Unpublished', draftGraph: { nodes: [] } });
    expect((await r.flows.list()).map((f) => [f.name, f.latestVersion])).toEqual([
      ['Standard', 2],
      ['Unpublished', null],
    ]);
    const error: { message: string; cause?: { message: string } } = (await database()
      .db.execute(`update flow_versions set graph = '{}' where id = '${v1.id}'`)
      .catch((e: { message: string; cause?: { message: string } }) => e)) as never;
    expect(String(error.cause?.message ?? error.message)).toMatch(/published and immutable/);
  });

  it('keeps a customer’s fields that an import or a creation does not carry', async () => {
    const r = repos();
    await r.customers.upsert({ reference: 'C-keep', name: 'Keep SARL', legalId: '552100554', timeZone: 'Europe/Brussels', country: 'BE', riskScore: 3 }, [
      { role: 'billing', phone: '+32470123456', name: 'Anne' },
    ]);
    const ids = await r.customers.upsertMany([{ customer: { reference: 'C-keep', name: 'Keep SARL' }, contact: { role: 'billing', email: 'anne@keep.example' } }]);
    const kept = await r.customers.findById(ids.get('C-keep')!);
    expect(kept).toMatchObject({ legalId: '552100554', timeZone: 'Europe/Brussels', country: 'BE', riskScore: 3 });
    expect(kept?.contacts).toEqual([expect.objectContaining({ role: 'billing', phone: '+32470123456', name: 'Anne', email: 'anne@keep.example' })]);
    await r.customers.upsert({ reference: 'C-keep', name: 'Keep SA', segment: 'retail' });
    expect(await r.customers.findById(ids.get('C-keep')!)).toMatchObject({ name: 'Keep SA', segment: 'retail', legalId: '552100554', riskScore: 3 });
  });

  it('computes aging buckets per currency', async () => {
    const r = repos();
    await r.invoices.insert({ number: 'F-old', customerId, issueDate: '2026-01-01', dueDate: '2026-02-01', amount: 500_00, currency: 'EUR', balance: 500_00, status: 'overdue' });
    await r.invoices.insert({ number: 'F-usd', customerId, issueDate: '2026-05-01', dueDate: '2026-06-30', amount: 300_00, currency: 'USD', balance: 300_00, status: 'not_due' });
    const aging = await r.invoices.aging('2026-06-01');
    expect(aging).toEqual(
      expect.arrayContaining([
        { currency: 'EUR', bucket: '31-60', amount: 1200_00, count: 1 },
        { currency: 'EUR', bucket: '90+', amount: 500_00, count: 1 },
        { currency: 'USD', bucket: 'not_due', amount: 300_00, count: 1 },
      ]),
    );
  });
});

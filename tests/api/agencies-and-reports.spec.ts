import { eq, inArray } from 'drizzle-orm';
import { CustomersRepository, HandoffsRepository, InvoicesRepository, payments } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { agingBucket, localToday } from '@dunning/domain';
import { ApiHarness } from './api-env';

/**
 * The agencies' and reports' routes over HTTP, every answer checked against its published schema
 * (CHECK_RESPONSES): a recovery is at most what the case owes, the same report counts once and
 * answers the first result, amounts and periods are bounded, and a refused call writes nothing.
 */
describe('API: agencies, handoffs and reports', () => {
  let harness: ApiHarness;
  let manager: { Authorization: string };
  const agencyKey = { 'X-Api-Key': 'key-recouvra' };
  let handoffId: string;
  let invoiceId: string;

  beforeAll(async () => {
    harness = await ApiHarness.start({ config: { CREDITOR_SIREN: '732829320' } });
    manager = { Authorization: `Bearer ${await harness.login('manager@example.com')}` };
    const agencyId = await harness.agency('Recouvra', agencyKey['X-Api-Key']);
    const db = harness.database.db;
    const customer = await new CustomersRepository(db).upsert({ reference: 'C-AGR', name: 'Transports Morel' });
    const [invoice] = await new ReceivablesService(db).issue([
      {
        number: 'AGR-1',
        customerId: customer.id,
        issueDate: '2026-01-05',
        dueDate: '2026-02-04',
        amount: 5600_00,
        vatAmount: 0,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
      },
    ]);
    invoiceId = invoice!.id;
    const { row } = await new HandoffsRepository(db).createCase({
      idempotencyKey: 'case-agr',
      customerId: customer.id,
      agencyId,
      currency: 'EUR',
      invoices: [{ invoiceId, balance: invoice!.balance, idempotencyKey: 'case-agr-1' }],
    });
    handoffId = row.id;
  }, 300_000);
  afterAll(async () => harness?.stop());

  const written = async () => ({
    balance: (await new InvoicesRepository(harness.database.db).findById(invoiceId))!.balance,
    payments: (
      await harness.database.db
        .select()
        .from(payments)
        .where(inArray(payments.invoiceId, [invoiceId]))
    ).length,
    recovered: (await new HandoffsRepository(harness.database.db).findForAgency(handoffId, undefined))!.recoveredAmount,
  });
  const report = (body: object) => harness.http().post(`/api/handoffs/${handoffId}/recoveries`).set(agencyKey).send(body);

  it('creates and lists agencies; a taken name is 409, an unknown or wrong field 400 naming it', async () => {
    const created = await harness
      .http()
      .post('/api/agencies')
      .set(manager)
      .send({ name: 'Cabinet Lenoir', deliveryMethod: 'email', deliveryAddress: 'dossiers@lenoir.example', commissionPercent: 12.5 })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Cabinet Lenoir', deliveryMethod: 'email', commissionPercent: 12.5, commissionVatPercent: 20 });
    expect(created.body).not.toHaveProperty('apiKeyHash');
    await harness.http().post('/api/agencies').set(manager).send({ name: 'Cabinet Lenoir' }).expect(409);
    const email = await harness.http().post('/api/agencies').set(manager).send({ name: 'Sans adresse', deliveryMethod: 'email' }).expect(400);
    expect(email.body.problems).toEqual([{ field: 'deliveryAddress', message: expect.any(String) }]);
    const percent = await harness.http().post('/api/agencies').set(manager).send({ name: 'Trop précis', commissionPercent: 12.345 }).expect(400);
    expect(percent.body.problems).toEqual([{ field: 'commissionPercent', message: 'at most two decimals' }]);
    const typo = await harness.http().post('/api/agencies').set(manager).send({ name: 'Faute de frappe', commisionPercent: 10 }).expect(400);
    expect(typo.body.message).toContain('commisionPercent');
    const listed = await harness.http().get('/api/agencies').set(manager).expect(200);
    expect(listed.body.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Cabinet Lenoir', 'Recouvra']));
    await harness.http().get('/api/agencies').set(agencyKey).expect(403);
  });

  it('lets the admin create, rotate and revoke an agency’s API key: shown once, the old key fails at once, a manager cannot', async () => {
    const admin = { Authorization: `Bearer ${await harness.login('admin@example.com')}` };
    const created = await harness.http().post('/api/agencies').set(manager).send({ name: 'Cabinet Clé', commissionPercent: 10 }).expect(201);
    expect(created.body.hasApiKey).toBe(false);
    const id = created.body.id as string;
    await harness.http().post(`/api/agencies/${id}/api-key`).set(manager).expect(403);
    await harness.http().post('/api/agencies/00000000-0000-4000-8000-000000000000/api-key').set(admin).expect(404);

    const first = (await harness.http().post(`/api/agencies/${id}/api-key`).set(admin).expect(201)).body as { agencyId: string; apiKey: string };
    expect(first.agencyId).toBe(id);
    await harness.http().get('/api/handoffs').set('X-Api-Key', first.apiKey).expect(200, []);
    const listed = (await harness.http().get('/api/agencies').set(manager).expect(200)).body as Array<Record<string, unknown>>;
    const mine = listed.find((a) => a.id === id)!;
    expect(mine.hasApiKey).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(first.apiKey);

    const rotated = (await harness.http().post(`/api/agencies/${id}/api-key`).set(admin).expect(201)).body as { apiKey: string };
    expect(rotated.apiKey).not.toBe(first.apiKey);
    await harness.http().get('/api/handoffs').set('X-Api-Key', first.apiKey).expect(401);
    await harness.http().get('/api/handoffs').set('X-Api-Key', rotated.apiKey).expect(200, []);

    await harness.http().delete(`/api/agencies/${id}/api-key`).set(admin).expect(204);
    await harness.http().get('/api/handoffs').set('X-Api-Key', rotated.apiKey).expect(401);
    expect(((await harness.http().get('/api/agencies').set(manager).expect(200)).body as Array<{ id: string; hasApiKey: boolean }>).find((a) => a.id === id)!.hasApiKey).toBe(
      false,
    );
    // The other agencies' keys still work.
    await harness.http().get('/api/handoffs').set(agencyKey).expect(200);
  });

  it('shows the agency its case, its file, and takes its acknowledgement', async () => {
    const list = await harness.http().get('/api/handoffs').set(agencyKey).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: handoffId, invoiceNumber: 'AGR-1', invoiceNumbers: ['AGR-1'], balance: 5600_00, customerName: 'Transports Morel' })]);
    expect(list.body[0]).not.toHaveProperty('caseFile');
    expect(list.body[0]).not.toHaveProperty('idempotencyKey');
    const one = await harness.http().get(`/api/handoffs/${handoffId}`).set(agencyKey).expect(200);
    expect(one.body).toMatchObject({ id: handoffId, status: 'pending', caseFile: {} });
    await harness.http().get(`/api/handoffs/${handoffId}`).set(manager).expect(200);
    await harness.http().get(`/api/handoffs/${handoffId}/file`).set(agencyKey).expect(200);
    await harness.http().get(`/api/handoffs/${handoffId}/package`).set(agencyKey).expect(404); // not prepared yet
    await harness.http().get('/api/handoffs/not-a-uuid').set(agencyKey).expect(400);
    await harness.http().post(`/api/handoffs/${handoffId}/acknowledge`).set(agencyKey).expect(204);
    expect((await harness.http().get(`/api/handoffs/${handoffId}`).set(agencyKey).expect(200)).body.status).toBe('acknowledged');
  });

  it('refuses a recovery of 10,050 EUR on a 5,600 EUR case (422 naming recoveredAmount), writing nothing', async () => {
    const before = await written();
    const refused = await report({ status: 'recovered', recoveredAmount: 10_050_00, reference: 'R-BIG' }).expect(422);
    expect(refused.body.problems).toEqual([{ field: 'recoveredAmount', message: expect.stringContaining('more than the case still owes') }]);
    expect(await written()).toEqual(before);
    // Bounded amounts, a misspelt field, money without a reference: 400 naming the field.
    const huge = await report({ status: 'recovered', recoveredAmount: 9_000_000_000_000_000, reference: 'R-HUGE' }).expect(400);
    expect(huge.body.problems).toEqual([{ field: 'recoveredAmount', message: expect.any(String) }]);
    const misspelt = await report({ status: 'recovered', amount: 10_050_00, reference: 'R-AMOUNT' }).expect(400);
    expect(misspelt.body.message).toContain('amount');
    const anonymous = await report({ status: 'recovered', recoveredAmount: 100_00 }).expect(400);
    expect(anonymous.body.problems).toEqual([{ field: 'reference', message: expect.any(String) }]);
    expect(await written()).toEqual(before);
  });

  it('counts the same report once and answers a repeat with the first result; its reference for another report is 409', async () => {
    const first = await report({ status: 'collecting', recoveredAmount: 2000_00, reference: 'R-1', note: 'premier versement' }).expect(201);
    expect(first.body).toMatchObject({ id: handoffId, status: 'collecting', recoveredAmount: 2000_00, duplicate: false, invoice: { id: invoiceId, balance: 3600_00 } });
    expect(first.body.invoice).not.toHaveProperty('impairment');
    const after = await written();
    expect(after).toEqual({ balance: 3600_00, payments: 1, recovered: 2000_00 });
    await report({ status: 'accepted', reference: 'R-2' }).expect(201);
    const again = await report({ status: 'collecting', recoveredAmount: 2000_00, reference: 'R-1', note: 'premier versement' }).expect(201);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(await written()).toEqual(after);
    const conflict = await report({ status: 'collecting', recoveredAmount: 1000_00, reference: 'R-1' }).expect(409);
    expect(conflict.body.problems).toEqual([{ field: 'reference', message: expect.any(String) }]);
    expect(await written()).toEqual(after);
    const [payment] = await harness.database.db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
    expect(payment).toMatchObject({ amount: 2000_00, source: 'agency' });
  });

  it('answers every report as its schema says; periods and dates are bounded', async () => {
    const today = await harness.today();
    const aging = await harness.http().get('/api/reports/aging').set(manager).expect(200);
    expect(aging.body.outstanding).toEqual([{ currency: 'EUR', amount: 3600_00 }]);
    await harness.http().get(`/api/reports/aging?asOf=${today}`).set(manager).expect(200);
    await harness.http().get('/api/reports/dso?from=2026-01-01&to=2026-03-31').set(manager).expect(200);
    await harness.http().get('/api/reports/dso-trend?from=2026-01-01&to=2026-03-31').set(manager).expect(200);
    const trial = await harness.http().get('/api/reports/trial-balance').set(manager).expect(200);
    expect(trial.body.totals).toEqual([expect.objectContaining({ currency: 'EUR', balanced: true })]);
    const aged = await harness.http().get('/api/reports/aged-balance').set(manager).expect(200);
    expect(aged.body.customers).toEqual([expect.objectContaining({ name: 'Transports Morel', total: 3600_00 })]);
    await harness.http().get('/api/reports/recovery-by-step').set(manager).expect(200);
    await harness.http().get('/api/reports/messages').set(manager).expect(200);
    const journal = await harness.http().get('/api/reports/journal.csv?from=2026-01-01&to=2099-12-31').set(manager).expect(200);
    expect(journal.headers['content-type']).toMatch(/^text\/csv/);
    const fec = await harness.http().get('/api/reports/fec?from=2026-01-01&to=2026-12-31&separator=pipe').set(manager).expect(200);
    expect(fec.headers['content-disposition']).toContain('732829320FEC20261231.txt');

    for (const query of ['from=0000-01-01&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'from=2026-03-01&to=2026-01-01', 'from=1990-01-01&to=2026-01-01', 'from=2026-01-01']) {
      const refused = await harness.http().get(`/api/reports/dso-trend?${query}`).set(manager).expect(400);
      expect(refused.body.problems.length).toBeGreaterThan(0);
    }
    await harness.http().get('/api/reports/trial-balance?asOf=10000-01-01').set(manager).expect(400);
    await harness.http().get('/api/reports/fec?from=2026-01-01&to=2026-12-31&separator=comma').set(manager).expect(400);
    await harness.http().get('/api/reports/aging').set(agencyKey).expect(403);
  });
  it('lists the agency’s reports on a case, oldest first (the history its portal shows)', async () => {
    const reports = await harness.http().get(`/api/handoffs/${handoffId}/reports`).set(agencyKey).expect(200);
    expect(reports.body).toEqual([
      { at: expect.any(String), reference: 'R-1', amount: 2000_00, status: 'collecting' },
      { at: expect.any(String), reference: 'R-2', amount: 0, status: 'accepted' },
    ]);
    await harness.http().get(`/api/handoffs/${handoffId}/reports`).set(manager).expect(200);
  });

  it('filters the invoice list by customer search, balance, aging bucket and step, on the server with paging', async () => {
    // The API counts days overdue on the Paris date of the real clock.
    const bucket = agingBucket('2026-02-04', localToday(new Date(), 'Europe/Paris'));
    const list = (query: string) => harness.http().get(`/api/invoices?${query}`).set(manager).expect(200);
    const numbers = async (query: string) => (await list(query)).body.items.map((i: { number: string }) => i.number);
    expect(await numbers('q=morel')).toEqual(['AGR-1']);
    expect(await numbers('q=C-AGR')).toEqual(['AGR-1']);
    expect(await numbers('q=agr-1')).toEqual(['AGR-1']);
    expect(await numbers('q=%25')).toEqual([]);
    expect(await numbers('q=nobody')).toEqual([]);
    expect(await numbers('balanceMin=360000&balanceMax=360000')).toEqual(['AGR-1']);
    expect(await numbers('balanceMin=360001')).toEqual([]);
    expect(await numbers(`bucket=${encodeURIComponent(bucket)}&q=morel`)).toEqual(['AGR-1']);
    expect(await numbers(`bucket=${bucket === 'not_due' ? '90%2B' : 'not_due'}`)).toEqual([]);
    expect(await numbers('step=no-such-step')).toEqual([]);
    const paged = await list('q=morel&pageSize=1&page=2');
    expect(paged.body).toMatchObject({ items: [], total: 1, page: 2, pageSize: 1 });
    const refused = await harness.http().get('/api/invoices?bucket=late&balanceMin=-1').set(manager).expect(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['balanceMin', 'bucket']);
  });

  it('exports every invoice the filters match as CSV, French with ";" and a decimal comma, UTF-8 with a BOM', async () => {
    const fr = await harness.http().get('/api/invoices/export.csv?locale=fr&q=morel').set(manager).buffer(true).expect(200);
    expect(fr.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(fr.headers['content-disposition']).toMatch(/attachment; filename="factures-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = fr.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe("N° facture;Client;Date de facture;Date d'échéance;Jours de retard;Montant TTC;Reste dû;Devise;Statut");
    expect(lines[1]).toMatch(/^AGR-1;Transports Morel;2026-01-05;2026-02-04;-?\d+;5600,00;3600,00;EUR;[a-z_]+$/);
    expect(lines.slice(2)).toEqual(['']);
    const en = await harness.http().get('/api/invoices/export.csv?locale=en&q=morel').set(manager).expect(200);
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('number,customer,issue_date,due_date,days_overdue,amount,balance,currency,status');
    const none = await harness.http().get('/api/invoices/export.csv?q=nobody').set(manager).expect(200);
    expect(none.text.replace(/^\uFEFF/, '')).toBe('number,customer,issue_date,due_date,days_overdue,amount,balance,currency,status\r\n');
    await harness.http().get('/api/invoices/export.csv?locale=de').set(manager).expect(400);
  });
});

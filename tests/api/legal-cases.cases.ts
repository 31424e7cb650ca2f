import { asc, eq } from 'drizzle-orm';
import { localToday } from '@dunning/domain';
import { CustomersRepository, DocumentsRepository, claimInterruptions, invoices, journalEntries, workflowSignals } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { legalCaseActivities } from '@dunning/worker/src/activities/legal-cases';
import type { ActivityDependencies } from '@dunning/worker/src/activities/ports';
import { DatabaseDunningStore } from '@dunning/worker/src/adapters/database/database-dunning-store';
import { databaseRiskStores } from '@dunning/worker/src/adapters/database/database-risk-stores';
import { ApiHarness, datePlus } from './api-env';

/**
 * Court cases over HTTP (docs/legal/court-routes.md): the case a flow step opened is listed with its
 * dossier and request data; stages are recorded in their route's order only, each telling the
 * invoice's workflow through the outbox; a filing interrupts the limitation period (Code civil
 * 2241); service starts the opposition month (CPC 1416); a legal fee goes to 6227 / 512.
 */
/** Run by legal-toolkit.spec.ts on the harness it shares between the toolkit's suites (each start costs ~20 s). */
export function legalCasesCases(sharedHarness: () => ApiHarness): void {
  describe('court cases: stages in order, signals, costs in the books', () => {
    let harness: ApiHarness;
    let manager: string;
    let today: string;
    let invoiceId: string;
    let caseId: string;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });

    beforeAll(async () => {
      harness = sharedHarness();
      manager = await harness.login('manager@example.com');
      today = localToday(new Date(), 'Europe/Paris');
      // Set up through the repositories and the books' service (the customer and invoice routes are tested elsewhere).
      const customerId = (
        await new CustomersRepository(harness.database.db).upsert(
          { reference: 'C-LEGAL', name: 'Menuiserie Blanc SARL', legalId: '552100554', addressLines: ['3 quai Est', '69003 Lyon'] },
          [{ role: 'billing', email: 'compta@blanc.example' }],
        )
      ).id;
      const [invoice] = await new ReceivablesService(harness.database.db).issue([
        {
          number: 'LEG-1',
          customerId,
          issueDate: datePlus(today, -90),
          dueDate: datePlus(today, -60),
          amount: 12_000_00,
          vatAmount: 2_000_00,
          currency: 'EUR',
          timeZone: 'Europe/Paris',
          customerType: 'company',
        },
      ]);
      invoiceId = invoice!.id;
      await new DocumentsRepository(harness.database.db).saveOnce({
        kind: 'supporting',
        invoiceId,
        sourceKey: `supporting:${invoiceId}`,
        supportingType: 'order',
        filename: 'bon-de-commande.pdf',
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.4 order'),
      });
      // The flow's payment_order step, as the worker runs it.
      const db = harness.database.db;
      const deps = {
        store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }),
        ...databaseRiskStores(db),
      };
      const opened = await legalCaseActivities(deps as unknown as ActivityDependencies).openLegalCase({
        idempotencyKey: `${invoiceId}:payment-order:9`,
        workflowId: `invoice-${invoiceId}`,
        invoice: {
          invoiceId,
          invoiceNumber: 'LEG-1',
          customerId,
          issueDate: datePlus(today, -90),
          dueDate: datePlus(today, -60),
          amount: { amount: 12_000_00, currency: 'EUR' },
          balance: { amount: 12_000_00, currency: 'EUR' },
          riskScore: 5,
          segment: 'smb',
          customerType: 'company',
        },
        customer: { customerId, name: 'Menuiserie Blanc SARL', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
        flowId: 'court',
        flowVersion: 1,
        nodeId: 'payment-order',
        at: new Date().toISOString(),
        route: 'payment_order',
        court: 'auto',
      });
      caseId = (opened as { caseId: string }).caseId;
    });

    it('lists the case with its dossier and request, records the stages in order only, and tells the flow', async () => {
      const list = await harness.http().get('/api/legal-cases?route=payment_order&stage=prepared').set(as(manager)).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: caseId, invoiceNumber: 'LEG-1', court: 'tribunal_de_commerce', stage: 'prepared', nextStages: ['filed'], principal: 12_000_00 }),
      ]);
      expect((await harness.http().get('/api/legal-cases?stage=filed').set(as(manager)).expect(200)).body.total).toBe(0);
      const dossier = await harness.http().get(`/api/legal-cases/${caseId}/dossier`).set(as(manager)).expect(200);
      expect(dossier.headers['content-type']).toBe('application/pdf');
      expect(dossier.headers['content-disposition']).toContain('injonction-de-payer-LEG-1.pdf');
      const json = await harness.http().get(`/api/legal-cases/${caseId}/request`).set(as(manager)).expect(200);
      expect(JSON.parse(json.text ?? json.body)).toMatchObject({ court: 'tribunal_de_commerce', debtor: { legalId: '552100554' }, claim: { total: 12_000_00 } });

      // Out of order: a case not yet filed cannot be served (409 naming the stage); nothing is written.
      const early = await harness.http().post(`/api/legal-cases/${caseId}/events`).set(as(manager)).send({ stage: 'served', date: today, reference: 'ACT-1' }).expect(409);
      expect(early.body.problems).toEqual([{ field: 'stage', message: expect.stringContaining('expected filed') }]);
      const future = await harness
        .http()
        .post(`/api/legal-cases/${caseId}/events`)
        .set(as(manager))
        .send({ stage: 'filed', date: datePlus(today, 2), reference: 'RG-1' })
        .expect(422);
      expect(future.body.problems.map((p: { field: string }) => p.field)).toEqual(['date']);

      const filed = await harness.http().post(`/api/legal-cases/${caseId}/events`).set(as(manager)).send({ stage: 'filed', date: today, reference: 'RG-1' }).expect(200);
      expect(filed.body).toMatchObject({ stage: 'filed', nextStages: ['granted', 'rejected'] });
      // The same filing again records nothing more.
      await harness.http().post(`/api/legal-cases/${caseId}/events`).set(as(manager)).send({ stage: 'filed', date: today, reference: 'RG-1' }).expect(200);
      const db = harness.database.db;
      expect(await db.select().from(claimInterruptions).where(eq(claimInterruptions.invoiceId, invoiceId))).toEqual([
        expect.objectContaining({ kind: 'court_filing', date: today, reference: `legal-case:${caseId}` }),
      ]);
      await harness.http().post(`/api/legal-cases/${caseId}/events`).set(as(manager)).send({ stage: 'granted', date: today, reference: 'IP-42' }).expect(200);
      const served = await harness.http().post(`/api/legal-cases/${caseId}/events`).set(as(manager)).send({ stage: 'served', date: today, reference: 'SIG-7' }).expect(200);
      expect(served.body).toMatchObject({ stage: 'served', servedOn: today, nextStages: ['opposition', 'enforceable'] });
      expect(Date.parse(served.body.deadline)).toBeGreaterThan(Date.parse(`${datePlus(today, 27)}T00:00:00Z`));
      expect(served.body.events.map((e: { stage: string }) => e.stage)).toEqual(['filed', 'granted', 'served']);

      const signals = await db.select().from(workflowSignals).where(eq(workflowSignals.signal, 'legalCase')).orderBy(asc(workflowSignals.id));
      expect(signals.map((s) => (s.payload as { stage: string }).stage)).toEqual(['filed', 'granted', 'served']);
      expect(signals[2]!.payload).toMatchObject({ nodeId: 'payment-order', deadline: served.body.deadline, eventKey: `legal-case:${caseId}:SIG-7` });
    });

    it('records a legal fee in the books (6227 / 512) once, without changing what the debtor owes', async () => {
      const balance = async () => (await harness.database.db.select().from(invoices).where(eq(invoices.id, invoiceId)))[0]!.balance;
      const before = await balance();
      const body = { amount: 95_40, currency: 'EUR', date: today, label: 'Signification par commissaire de justice', reference: 'CJ-2026-118' };
      const recorded = await harness.http().post(`/api/legal-cases/${caseId}/costs`).set(as(manager)).send(body).expect(200);
      await harness.http().post(`/api/legal-cases/${caseId}/costs`).set(as(manager)).send(body).expect(200);
      expect(recorded.body.events.filter((e: { kind: string }) => e.kind === 'cost')).toEqual([
        expect.objectContaining({ amount: 95_40, currency: 'EUR', reference: 'CJ-2026-118' }),
      ]);
      const wrongCurrency = await harness
        .http()
        .post(`/api/legal-cases/${caseId}/costs`)
        .set(as(manager))
        .send({ ...body, currency: 'USD', reference: 'X' })
        .expect(422);
      expect(wrongCurrency.body.problems.map((p: { field: string }) => p.field)).toEqual(['currency']);
      const lines = (await harness.database.db.select().from(journalEntries).where(eq(journalEntries.invoiceId, invoiceId))).filter((l) =>
        (l.pieceRef ?? '').includes('CJ-2026-118'),
      );
      expect(lines.map((l) => [l.account, l.debit, l.credit]).sort()).toEqual([
        ['512', 0, 95_40],
        ['6227', 95_40, 0],
      ]);
      expect(await balance()).toBe(before);
    });
  });
}

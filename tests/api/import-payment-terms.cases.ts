import type { ApiHarness } from './api-env';

/**
 * Payment terms over HTTP (Code de commerce L441-10 I: at most 60 days from the invoice date, or
 * 45 days end of month): a file whose lines carry only a term (no due date) is imported whole, the
 * due dates computed from the terms, exactly the illegal terms flagged, and the report by customer
 * shows them. A flagged invoice is never refused.
 */
/** Run by legal-toolkit.spec.ts on the harness it shares between the toolkit's suites (each start costs ~20 s). */
export function paymentTermsCases(sharedHarness: () => ApiHarness): void {
  describe('payment terms at import (L441-10 I)', () => {
    let harness: ApiHarness;
    let manager: string;
    beforeAll(async () => {
      harness = sharedHarness();
      manager = await harness.login('manager@example.com');
    });

    const get = (path: string) => harness.http().get(path).set('Authorization', `Bearer ${manager}`);

    it('imports terms of 30, 60, 61 days and 45/46 days end of month: all imported, exactly 61 days and 46 days end of month flagged, and the report by customer shows them', async () => {
      const csv = [
        'N° facture;Date de facture;Délai de paiement;Date de livraison;Montant TTC;Client;Code client;Bon de commande;Secteur',
        'PT-30;15/01/2026;30 jours;14/01/2026;1 000,00;Fromagerie Alpine;C-ALP;BC-30;agroalimentaire',
        'PT-60;15/01/2026;60 jours date de facture;;2 000,00;Fromagerie Alpine;C-ALP;;',
        'PT-61;15/01/2026;61 jours;;3 000,00;Fromagerie Alpine;C-ALP;;',
        'PT-45FDM;15/01/2026;45 jours fin de mois;;4 000,00;Bâtiment Durand;C-BAT;;',
        'PT-46FDM;15/01/2026;46 jours fin de mois;;5 000,00;Bâtiment Durand;C-BAT;PO-46;',
      ].join('\r\n');
      // The preview already counts what the import will flag, and writes nothing.
      const preview = await harness
        .http()
        .post('/api/invoices/import/preview')
        .set('Authorization', `Bearer ${manager}`)
        .attach('file', Buffer.from(csv, 'utf8'), 'terms.csv')
        .expect(200);
      expect(preview.body).toMatchObject({ status: 'ready', missing: [], flaggedInvoices: 2 });

      const response = await harness
        .http()
        .post('/api/invoices/import?wait=true')
        .set('Authorization', `Bearer ${manager}`)
        .attach('file', Buffer.from(csv, 'utf8'), 'terms.csv')
        .expect(202);
      expect(response.body).toMatchObject({ status: 'succeeded', insertedInvoices: 5, flaggedInvoices: 2, errors: [] });

      const list = (await get('/api/invoices?pageSize=500').expect(200)).body.items as Array<{ id: string; number: string }>;
      const detail = async (number: string) => (await get(`/api/invoices/${list.find((i) => i.number === number)!.id}`).expect(200)).body;
      const seen: Record<string, unknown> = {};
      for (const number of ['PT-30', 'PT-60', 'PT-61', 'PT-45FDM', 'PT-46FDM']) {
        const invoice = await detail(number);
        seen[number] = [invoice.dueDate, invoice.termFindings.map((f: { code: string }) => f.code)];
      }
      // Due dates from the terms alone; 46 days end of month falls on the same day as 45 and is flagged all the same (the ceiling caps the agreed term).
      expect(seen).toEqual({
        'PT-30': ['2026-02-14', []],
        'PT-60': ['2026-03-16', []],
        'PT-61': ['2026-03-17', ['over_60_days']],
        'PT-45FDM': ['2026-03-31', []],
        'PT-46FDM': ['2026-03-31', ['over_45_days_end_of_month']],
      });
      const flagged = await detail('PT-46FDM');
      expect(flagged).toMatchObject({
        paymentTerm: { kind: 'days-end-of-month', days: 46, computation: 'days-then-end-of-month' },
        paymentTermDescription: { fr: '46 jours fin de mois', en: '46 days end of month' },
        supportingReference: 'PO-46',
      });
      expect(flagged.termFindings[0]).toMatchObject({ article: 'Code de commerce, art. L441-10 I', latestDueDate: '2026-03-31' });
      expect(flagged.termFindings[0].message.fr).toContain('45 jours fin de mois');
      expect(await detail('PT-30')).toMatchObject({ receiptDate: '2026-01-14', supportingReference: 'BC-30', paymentTermDescription: { en: '30 days from the invoice date' } });

      // The invoices are months overdue: their workflows catch up meanwhile and may already have charged
      // the late fee. The report shows what the books hold: read it until the flagged invoices' balances agree.
      type CustomerRow = {
        customerReference: string;
        sector: string | null;
        invoices: number;
        flaggedInvoices: number;
        findings: unknown;
        longestAgreedDays: number;
        openOnFlagged: unknown;
      };
      let report: { totals: unknown; customers: CustomerRow[] } = { totals: undefined, customers: [] };
      let balances: Record<string, number> = {};
      for (let attempt = 0; attempt < 20; attempt++) {
        report = (await get('/api/reports/payment-terms').expect(200)).body;
        balances = { 'C-BAT': (await detail('PT-46FDM')).balance, 'C-ALP': (await detail('PT-61')).balance };
        const agree = report.customers.every((c) => JSON.stringify(c.openOnFlagged) === JSON.stringify([{ amount: balances[c.customerReference], currency: 'EUR' }]));
        if (agree) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // At least the invoice itself is open: 5 000.00 and 3 000.00, plus any fee.
      expect(balances['C-BAT']).toBeGreaterThanOrEqual(500000);
      expect(balances['C-ALP']).toBeGreaterThanOrEqual(300000);
      expect(report.totals).toEqual({ invoices: 5, flaggedInvoices: 2, customersFlagged: 2 });
      expect(report.customers.map((c) => [c.customerReference, c.sector, c.invoices, c.flaggedInvoices, c.findings, c.longestAgreedDays, c.openOnFlagged])).toEqual([
        // One flagged each: by name.
        ['C-BAT', null, 2, 1, [{ code: 'over_45_days_end_of_month', count: 1 }], 75, [{ amount: balances['C-BAT'], currency: 'EUR' }]],
        ['C-ALP', 'agroalimentaire', 3, 1, [{ code: 'over_60_days', count: 1 }], 61, [{ amount: balances['C-ALP'], currency: 'EUR' }]],
      ]);
    });

    it('creates an invoice from a term typed in words, judges it against the sector derogation of the settings (L441-11), and names a term it cannot read', async () => {
      const put = await harness
        .http()
        .put('/api/settings')
        .set('Authorization', `Bearer ${manager}`)
        .send({ paymentTermDerogations: [{ sector: 'Jouets', maxDays: 90, kind: 'days', source: 'Accord dérogatoire jouets (Code de commerce, art. L441-11)' }] })
        .expect(200);
      expect(put.body.paymentTermDerogations).toHaveLength(1);
      // The customer and its sector come from an import (the sector matches whatever its case).
      const file = ['N° facture;Date de facture;Délai de paiement;Montant TTC;Client;Code client;Secteur', 'TOY-1;15/01/2026;net 30;100,00;Jouets du Monde;C-TOY;jouets'].join(
        '\n',
      );
      await harness.http().post('/api/invoices/import?wait=true').set('Authorization', `Bearer ${manager}`).attach('file', Buffer.from(file), 'toys.csv').expect(202);
      const list = (await get('/api/invoices?pageSize=500').expect(200)).body.items as Array<{ number: string; customerId: string }>;
      const customerId = list.find((i) => i.number === 'TOY-1')!.customerId;
      const create = (number: string, paymentTerm: unknown) =>
        harness
          .http()
          .post('/api/invoices')
          .set('Authorization', `Bearer ${manager}`)
          .send({ number, customerId, issueDate: '2026-01-15', amount: 10_000, currency: 'EUR', paymentTerm, receiptDate: '2026-01-12', supportingReference: 'BC-9' });

      // 75 days: beyond L441-10 I, within the sector's 90 days: no finding.
      const within = (await create('TOY-75', '75 jours date de facture').expect(201)).body;
      expect(within).toMatchObject({ dueDate: '2026-03-31', paymentTerm: { kind: 'days', days: 75 }, termFindings: [], receiptDate: '2026-01-12', supportingReference: 'BC-9' });
      const beyond = (await create('TOY-95', { kind: 'days', days: 95 }).expect(201)).body;
      expect(beyond.termFindings).toEqual([
        expect.objectContaining({ code: 'over_sector_maximum', article: 'Accord dérogatoire jouets (Code de commerce, art. L441-11)', dueDate: '2026-04-20' }),
      ]);
      expect(beyond.paymentTermDescription).toEqual({ fr: '95 jours date de facture', en: '95 days from the invoice date' });

      const unreadable = await create('TOY-X', '30 jours fin de trimestre').expect(400);
      expect(unreadable.body.problems).toEqual([expect.objectContaining({ field: 'paymentTerm', message: expect.stringContaining('trimestre') })]);
      const neither = await harness
        .http()
        .post('/api/invoices')
        .set('Authorization', `Bearer ${manager}`)
        .send({ number: 'TOY-Y', customerId, issueDate: '2026-01-15', amount: 10_000, currency: 'EUR' })
        .expect(400);
      expect(neither.body.problems).toEqual([expect.objectContaining({ field: 'dueDate' })]);

      const row = (await get('/api/reports/payment-terms').expect(200)).body.customers.find((c: { customerReference: string }) => c.customerReference === 'C-TOY');
      // The sector is the customer's, read and changed through the customers API.
      expect((await get(`/api/customers/${customerId}`).expect(200)).body.sector).toBe('jouets');
      const patched = await harness.http().patch(`/api/customers/${customerId}`).set('Authorization', `Bearer ${manager}`).send({ sector: 'Jouets et jeux' }).expect(200);
      expect(patched.body.sector).toBe('Jouets et jeux');
      expect(row).toMatchObject({
        sector: 'jouets',
        invoices: 3,
        flaggedInvoices: 1,
        findings: [{ code: 'over_sector_maximum', count: 1 }],
        longestAgreedDays: 95,
        longestInvoiceNumber: 'TOY-95',
      });
    });
  });
}

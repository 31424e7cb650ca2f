import { CustomersRepository, DocumentsRepository, LegalCasesRepository, type LegalCaseRow } from '@dunning/db';
import type { LegalCaseRequest } from '@dunning/domain';
import type { DatabaseHandle } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { legalCaseStoreContract } from '../contract/legal-case-store.contract';
import { DatabaseDunningStore } from './database-dunning-store';
import { DatabaseLegalCaseStore } from './database-legal-case-store';
import { DatabaseRecoverabilityStore } from './database-recoverability-store';

/** Runs the contract on a database (called by database-dunning-store.spec.ts, which starts each database once for every store). */
export function legalCaseStoreContracts(database: () => DatabaseHandle): void {
  const clock = { now: () => new Date('2026-05-15T07:00:00Z') };
  let n = 0;
  legalCaseStoreContract('the database store', () => {
    const { db } = database();
    const cases = new LegalCasesRepository(db);
    return {
      deps: {
        store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, clock),
        recoverability: new DatabaseRecoverabilityStore(db),
        legalCases: new DatabaseLegalCaseStore(db),
      },
      async invoice({ amount, customerType = 'company' }) {
        const reference = `L-${Date.now().toString(36)}-${++n}`;
        const customer = await new CustomersRepository(db).upsert(
          { reference, name: `Debtor ${reference}`, legalId: '552100554', customerType, addressLines: ['2 rue B', '75002 Paris'] },
          [{ role: 'billing', email: 'a@b.example' }],
        );
        const [row] = await new ReceivablesService(db, clock).issue([
          {
            number: `F-${reference}`,
            customerId: customer.id,
            issueDate: '2026-03-01',
            dueDate: '2026-03-31',
            amount,
            vatAmount: 0,
            currency: 'EUR',
            timeZone: 'Europe/Paris',
            customerType,
          },
        ]);
        return { invoiceId: row!.id, customerId: customer.id, number: row!.number };
      },
      async attachDocument(invoiceId) {
        await new DocumentsRepository(db).saveOnce({
          kind: 'supporting',
          invoiceId,
          sourceKey: `supporting:${invoiceId}:${++n}`,
          supportingType: 'order',
          filename: 'bon-de-commande.pdf',
          contentType: 'application/pdf',
          content: Buffer.from('%PDF-1.4 order'),
        });
      },
      async legalCase(caseId) {
        const found = (await cases.get(caseId))!.legalCase as LegalCaseRow;
        const document = (await new DocumentsRepository(db).get(found.dossierDocumentId!))!;
        expect(document.kind).toBe('legal_dossier');
        expect(document.sourceKey).toBe(found.stepKey);
        return {
          route: found.route,
          court: found.court,
          stage: found.stage,
          deadline: found.deadline?.toISOString() ?? null,
          request: found.request as unknown as LegalCaseRequest,
          dossier: { fileName: document.filename, content: document.content },
        };
      },
      async casesOf(invoiceId) {
        return (await cases.list({ invoiceId, offset: 0, limit: 10 })).total;
      },
    };
  });
}

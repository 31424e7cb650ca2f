import { CustomersRepository, type Database, DocumentsRepository, InvoicesRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import type { RecoverabilityFixture } from '../contract/recoverability-store.contract';
import { DatabaseRecoverabilityStore } from './database-recoverability-store';

let n = 0;

/** The recoverability contract's fixture on a database (run by database-dunning-store.spec.ts, which starts the databases once). */
export function databaseRecoverabilityFixture(db: Database, clock: { now(): Date }): RecoverabilityFixture {
  return {
    store: new DatabaseRecoverabilityStore(db),
    async invoice({ amount, dueDate, customerType = 'company' }) {
      const reference = `R-${Date.now().toString(36)}-${++n}`;
      const customer = await new CustomersRepository(db).upsert({ reference, name: reference, customerType, addressLines: ['1 rue A'] }, []);
      const [row] = await new ReceivablesService(db, clock).issue([
        { number: `F-${reference}`, customerId: customer.id, issueDate: '2026-03-01', dueDate, amount, vatAmount: 0, currency: 'EUR', timeZone: 'Europe/Paris', customerType },
      ]);
      return row!.id;
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
    async setReference(invoiceId, reference) {
      await new InvoicesRepository(db).update(invoiceId, { supportingReference: reference });
    },
    async openDispute(invoiceId) {
      await new ReceivablesService(db, clock).openDispute({ invoiceId, reason: 'goods damaged', key: `d-${invoiceId}` });
    },
  };
}

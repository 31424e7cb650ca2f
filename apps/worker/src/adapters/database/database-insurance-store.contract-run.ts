import { CustomersRepository, DocumentsRepository, ExceptionsRepository, InsuranceRepository } from '@dunning/db';
import type { DatabaseHandle } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { insuranceStoreContract } from '../contract/insurance-store.contract';
import { DatabaseDunningStore } from './database-dunning-store';
import { DatabaseInsuranceStore } from './database-insurance-store';

/** Runs the contract on a database (called by database-dunning-store.spec.ts, which starts each database once for every store). */
export function insuranceStoreContracts(database: () => DatabaseHandle): void {
  const clock = { now: () => new Date('2026-04-15T10:00:00Z') };
  insuranceStoreContract('the database insurance store', () => {
    const { db } = database();
    return {
      store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, clock),
      insurance: new DatabaseInsuranceStore(db),
      async customer(reference) {
        return (await new CustomersRepository(db).upsert({ reference, name: reference, addressLines: ['1 rue A', '69002 Lyon'] }, [])).id;
      },
      async invoice(customerId, number, options) {
        const [row] = await new ReceivablesService(db, clock).issue([
          {
            number,
            customerId,
            issueDate: '2026-03-01',
            dueDate: options.dueDate,
            amount: options.amount,
            vatAmount: 0,
            currency: 'EUR',
            timeZone: 'Europe/Paris',
            customerType: 'company',
          },
        ]);
        return row!.id;
      },
      async policy(terms) {
        return (await new InsuranceRepository(db).createPolicy(terms)).id;
      },
      async limit(customerId, policyId, amount) {
        await new InsuranceRepository(db).setLimit({ policyId, customerId, limitAmount: amount, currency: 'EUR', grantedOn: '2026-01-01' });
      },
      async dossier(documentId) {
        return (await new DocumentsRepository(db).get(documentId))?.content;
      },
      async openExceptions() {
        const { rows } = await new ExceptionsRepository(db).list({ status: 'open', offset: 0, limit: 1000 });
        return rows.map((r) => ({
          ...r,
          invoiceId: r.invoiceId ?? undefined,
          customerId: r.customerId ?? undefined,
          workflowId: r.workflowId ?? undefined,
          nodeId: r.nodeId ?? undefined,
        }));
      },
    };
  });
}

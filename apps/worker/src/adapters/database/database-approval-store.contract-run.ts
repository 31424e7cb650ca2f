import { eq } from 'drizzle-orm';
import { CustomersRepository, type DatabaseHandle, FlowsRepository, InvoicesRepository, sendApprovals } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { approvalStoreContract } from '../contract/approval-store.contract';
import { DatabaseApprovalStore } from './database-approval-store';
import { DatabaseDunningStore } from './database-dunning-store';

/** Runs the contract on a database (called by database-dunning-store.spec.ts, which starts each database once for every store). */
export function approvalStoreContracts(database: () => DatabaseHandle): void {
  let n = 0;
  approvalStoreContract('the database approval store', () => {
    const { db } = database();
    return {
      approvals: new DatabaseApprovalStore(db),
      store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }),
      async invoice() {
        const reference = `AP-${Date.now().toString(36)}-${++n}`;
        const flow = await new FlowsRepository(db).create({ name: reference, draftGraph: { id: 'standard' } });
        const customer = await new CustomersRepository(db).upsert({ reference, name: reference });
        const [row] = await new ReceivablesService(db).issue([
          {
            number: reference,
            customerId: customer.id,
            issueDate: '2026-03-01',
            dueDate: '2026-03-31',
            amount: 100_00,
            vatAmount: 0,
            currency: 'EUR',
            timeZone: 'Europe/Paris',
            customerType: 'company',
          },
        ]);
        await new InvoicesRepository(db).update(row!.id, { flowId: flow.id, flowVersion: 1 });
        return { flowId: flow.id, invoiceId: row!.id, customerId: customer.id };
      },
      async status(key) {
        const [row] = await db.select({ status: sendApprovals.status }).from(sendApprovals).where(eq(sendApprovals.idempotencyKey, key));
        return row?.status;
      },
    };
  });
}

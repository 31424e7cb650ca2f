import { CustomersRepository, ExceptionsRepository, SettingsRepository, UsersRepository } from '@dunning/db';
import { describeOnEveryDatabase } from '@dunning/db/src/testing/database-kinds';
import { ReceivablesService } from '@dunning/receivables';
import { dunningStoreContract } from '../contract/dunning-store.contract';
import { DatabaseDunningStore } from './database-dunning-store';
import { recoverabilityStoreContract } from '../contract/recoverability-store.contract';
import { databaseRecoverabilityFixture } from './database-recoverability-fixture';
import { approvalStoreContracts } from './database-approval-store.contract-run';
import { flowStoreContracts } from './database-flow-store.contract-run';
import { insuranceStoreContracts } from './database-insurance-store.contract-run';
import { legalCaseStoreContracts } from './database-legal-case-store.contract-run';
import { templateVersionsContracts } from './database-template-versions.contract-run';

describeOnEveryDatabase('the database store', (database) => {
  const clock = { now: () => new Date('2026-04-15T10:00:00Z') };
  recoverabilityStoreContract('the database store', () => databaseRecoverabilityFixture(database().db, clock));
  // The legal and risk stores' contracts share this suite's databases (each start costs seconds).
  approvalStoreContracts(database);
  flowStoreContracts(database);
  insuranceStoreContracts(database);
  legalCaseStoreContracts(database);
  templateVersionsContracts(database);
  dunningStoreContract('the database store', () => {
    const { db } = database();
    return {
      store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, clock),
      async customer(reference) {
        const row = await new CustomersRepository(db).upsert({ reference, name: reference, addressLines: ['1 rue A', '69002 Lyon'] }, [
          { role: 'billing', email: 'a@b.example', phone: '+33612345678' },
        ]);
        return row.id;
      },
      async invoice(customerId, number, options) {
        const [row] = await new ReceivablesService(db, clock).issue([
          {
            number,
            customerId,
            issueDate: '2026-03-01',
            dueDate: options.dueDate,
            amount: options.amount,
            vatAmount: options.vatAmount ?? 0,
            currency: 'EUR',
            timeZone: 'Europe/Paris',
            customerType: 'company',
          },
        ]);
        return row!.id;
      },
      async agency(name) {
        return (await new UsersRepository(db).createAgency({ name })).id;
      },
      async setDefaultAgency(agencyId) {
        await new SettingsRepository(db).set({ defaultAgencyId: agencyId });
      },
      async setCreditor(identity) {
        await new SettingsRepository(db).set({ creditor: identity ?? null });
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
});

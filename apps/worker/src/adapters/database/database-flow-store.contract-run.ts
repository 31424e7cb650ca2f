import { and, eq } from 'drizzle-orm';
import { CustomersRepository, FlowMigrationsRepository, FlowsRepository, InvoicesRepository, flowMigrationItems } from '@dunning/db';
import type { DatabaseHandle } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { flowStoreContract } from '../contract/flow-store.contract';
import { DatabaseFlowStore } from './database-flow-store';

let seq = 0;

/** Runs the contract on a database (called by database-dunning-store.spec.ts, which starts each database once for every store). */
export function flowStoreContracts(database: () => DatabaseHandle): void {
  flowStoreContract('the database flow store', () => {
    const { db } = database();
    const flows = new FlowsRepository(db);
    return {
      store: new DatabaseFlowStore(db),
      async publish(name, graph) {
        const row = await flows.create({ name, draftGraph: graph as Record<string, unknown> });
        const version = await flows.publish(row.id, graph as Record<string, unknown>);
        return { flowId: row.id, version: version.version };
      },
      async publishNext(flowId, graph) {
        return (await flows.publish(flowId, graph as Record<string, unknown>)).version;
      },
      async migration(flowId, fromVersion, invoiceIds) {
        const rows = await new InvoicesRepository(db).findByIds(invoiceIds);
        const migration = await new FlowMigrationsRepository(db).create(
          { flowId, fromVersion, toVersion: fromVersion + 1, mapping: {} },
          rows.map((r) => ({ invoiceId: r.id, workflowId: `invoice-${r.id}`, plannedFrom: 'start' })),
          () => ({}),
        );
        return migration.id;
      },
      async item(migrationId, invoiceId) {
        const [row] = await db
          .select()
          .from(flowMigrationItems)
          .where(and(eq(flowMigrationItems.migrationId, migrationId), eq(flowMigrationItems.invoiceId, invoiceId)));
        return { outcome: row?.outcome ?? undefined, rollback: row?.rollbackOutcome ?? undefined, reason: row?.reason ?? undefined };
      },
      async invoice(running) {
        const reference = `FS-${Date.now().toString(36)}-${++seq}`;
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
        await new InvoicesRepository(db).update(row!.id, { flowId: running.flowId, flowVersion: running.version });
        return row!.id;
      },
    };
  });
}
